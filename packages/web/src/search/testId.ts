import type { InputRef } from 'antd';

/**
 * AntD 6's Input.Search puts `data-*` attributes on its wrapper, not on the `<input>`;
 * this ref puts a test id on the `<input>` itself, so tests can type into it.
 */
export function inputTestId(testId: string): (ref: InputRef | null) => void {
  return (ref) => {
    ref?.input?.setAttribute('data-testid', testId);
  };
}
