import type { TFunction } from 'i18next';

/** Vocabularies whose keys come from data (rule features, policy parameters, signal kinds...). */
export type DynamicGroup =
  | 'feature' | 'param' | 'signal' | 'history' | 'relation' | 'error' | 'rejectRule' | 'source' | 'department' | 'evidenceField' | 'programme';

type UntypedT = (key: string, options: Record<string, unknown>) => string;

/**
 * Translates a key that arrives in data, e.g. `feature.<name>`: the typed `t()` cannot check it,
 * so an unknown key falls back to `fallback` (the raw value) instead of failing.
 */
export function translateKey(t: TFunction, group: DynamicGroup, key: string, fallback = key): string {
  return (t as unknown as UntypedT)(`${group}.${key}`, { defaultValue: fallback });
}
