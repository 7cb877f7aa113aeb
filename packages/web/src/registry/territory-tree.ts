import type { CityTerritoryFile } from '@shouwang/domain';

export interface TerritoryNode {
  value: string;
  title: string;
  /** What the field shows once chosen: the whole path, `玄武区 / 梅园新村街道 / 梅园新村社区`. */
  label: string;
  /** Only a community can be chosen; districts and sub-districts group them. */
  selectable: boolean;
  children?: TerritoryNode[];
}

/** A unit is shown when it lies inside one of the scopes, or contains one (the way down to it). */
function relevant(code: string, scopes: readonly string[]): boolean {
  return scopes.some((scope) => code.startsWith(scope) || scope.startsWith(code));
}

/** District → sub-district → community, as far as the reader's scopes reach; empty branches left out. */
export function communityTree(file: CityTerritoryFile, scopes: readonly string[]): TerritoryNode[] {
  const districtNames = new Map(file.districts.map((d) => [d.code, d.name]));
  const subdistrictPaths = new Map(file.subdistricts.map((s) => [s.code, `${districtNames.get(s.districtCode) ?? ''} / ${s.name}`]));
  const communities = new Map<string, TerritoryNode[]>();
  for (const c of file.communities) {
    if (!scopes.some((scope) => c.code.startsWith(scope))) continue;
    const list = communities.get(c.subdistrictCode) ?? [];
    list.push({ value: c.code, title: c.name, label: `${subdistrictPaths.get(c.subdistrictCode) ?? ''} / ${c.name}`, selectable: true });
    communities.set(c.subdistrictCode, list);
  }
  const subdistricts = new Map<string, TerritoryNode[]>();
  for (const s of file.subdistricts) {
    const children = communities.get(s.code);
    if (!children || !relevant(s.code, scopes)) continue;
    const list = subdistricts.get(s.districtCode) ?? [];
    list.push({ value: s.code, title: s.name, label: subdistrictPaths.get(s.code) ?? s.name, selectable: false, children });
    subdistricts.set(s.districtCode, list);
  }
  return file.districts.flatMap((d) => {
    const children = subdistricts.get(d.code);
    return children && relevant(d.code, scopes) ? [{ value: d.code, title: d.name, label: d.name, selectable: false, children }] : [];
  });
}
