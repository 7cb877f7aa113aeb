/**
 * The territory tree: city → district (区) → sub-district (街道) → community (社区/村).
 * Codes follow GB/T 2260: district 6 digits, sub-district 9, community 12. A code's prefix
 * is its ancestors' codes, so "is inside" is a prefix test.
 */

export type TerritoryLevel = 'city' | 'district' | 'subdistrict' | 'community';

export interface TerritoryUnit {
  readonly code: string;
  readonly name: string;
  readonly level: TerritoryLevel;
  readonly parentCode: string | null;
}

export interface CityTerritoryFile {
  readonly source: string;
  readonly city: { readonly code: string; readonly name: string };
  readonly districts: readonly { readonly code: string; readonly name: string }[];
  readonly subdistricts: readonly { readonly code: string; readonly name: string; readonly districtCode: string }[];
  readonly communities: readonly {
    readonly code: string;
    readonly name: string;
    readonly officialName: string;
    readonly subdistrictCode: string;
  }[];
}

export function levelOfCode(code: string): TerritoryLevel | undefined {
  switch (code.length) {
    case 4: return 'city';
    case 6: return 'district';
    case 9: return 'subdistrict';
    case 12: return 'community';
    default: return undefined;
  }
}

/** True when `code` is `scope` itself or lies inside it. */
export function isWithin(code: string, scope: string): boolean {
  return code.startsWith(scope);
}

/** True when `code` lies inside any of the scopes. */
export function isWithinAny(code: string, scopes: readonly string[]): boolean {
  return scopes.some((scope) => code.startsWith(scope));
}

/** The flat list of units of a city file, parents before children. */
export function unitsOf(file: CityTerritoryFile): TerritoryUnit[] {
  return [
    { code: file.city.code, name: file.city.name, level: 'city', parentCode: null },
    ...file.districts.map((d) => ({ code: d.code, name: d.name, level: 'district' as const, parentCode: file.city.code })),
    ...file.subdistricts.map((s) => ({ code: s.code, name: s.name, level: 'subdistrict' as const, parentCode: s.districtCode })),
    ...file.communities.map((c) => ({ code: c.code, name: c.name, level: 'community' as const, parentCode: c.subdistrictCode })),
  ];
}
