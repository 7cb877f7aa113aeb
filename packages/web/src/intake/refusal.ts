import type { BatchSummary } from '@shouwang/contract';

/** The refusal in the reader's language: Chinese when the UI is Chinese and the server gave it. */
export function refusalOf(batch: Pick<BatchSummary, 'refusal' | 'refusalZh'> | undefined, language: string): string | null {
  if (!batch) return null;
  return language.startsWith('zh') ? batch.refusalZh ?? batch.refusal : batch.refusal;
}
