import { Input, Spin, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { useDomain } from './domain';
import { communityTree } from './territory-tree';

interface CommunityPickerProps {
  value?: string;
  onChange?: (code: string) => void;
  id?: string;
}

/**
 * District → sub-district → community, searchable by name; only communities inside the reader's
 * scopes. The tree is the city's territory file the server also loads (there is no API for it);
 * the server checks the code again. A city without a file gets a plain 12-digit code field.
 */
export function CommunityPicker({ value, onChange, id }: CommunityPickerProps) {
  const { t } = useTranslation();
  const me = useMe();
  const domain = useDomain();
  const scopeKey = me.scopes.map((s) => s.code).join(',');
  const city = domain?.cityTerritory(scopeKey.slice(0, 4));
  const tree = useMemo(() => (city ? communityTree(city, scopeKey.split(',')) : []), [city, scopeKey]);

  if (!domain) return <Spin size="small" />;
  if (!city) {
    return <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value.trim())} maxLength={12} inputMode="numeric" placeholder="320102002001" data-testid="lead-community-code" />;
  }
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(code: string) => onChange?.(code)}
      treeData={tree}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeNodeLabelProp="label"
      placeholder={t('leads.communityPlaceholder')}
      treeDefaultExpandedKeys={value ? [value.slice(0, 6), value.slice(0, 9)] : []}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      style={{ width: '100%' }}
      data-testid="lead-community"
    />
  );
}
