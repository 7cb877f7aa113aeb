import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { translateKey } from '../i18n/dynamic';

export interface NamedGroup {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface RegistryNames {
  zh: boolean;
  /** A population group in the reader's language; the id when the group is unknown. */
  group: (group: NamedGroup | undefined, id: string) => string;
  source: (sourceId: string) => string;
  department: (department: string) => string;
  signal: (kind: string) => string;
}

/** Names of what the registry's records refer to: groups, department feeds, departments, signal kinds. */
export function useRegistryNames(): RegistryNames {
  const { t, i18n } = useTranslation();
  const zh = currentLanguage(i18n.language) === 'zh-CN';
  return {
    zh,
    group: (group, id) => (group ? (zh ? group.nameZh : group.nameEn) : id),
    source: (sourceId) => translateKey(t, 'source', sourceId),
    department: (department) => (zh ? department : translateKey(t, 'department', department)),
    signal: (kind) => translateKey(t, 'signal', kind),
  };
}
