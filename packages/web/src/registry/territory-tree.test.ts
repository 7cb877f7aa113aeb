import type { CityTerritoryFile } from '@shouwang/domain';
import { describe, expect, it } from 'vitest';
import { communityTree } from './territory-tree';

const CITY: CityTerritoryFile = {
  source: 'test',
  city: { code: '3201', name: '南京市' },
  districts: [{ code: '320102', name: '玄武区' }, { code: '320104', name: '秦淮区' }],
  subdistricts: [
    { code: '320102002', name: '梅园新村街道', districtCode: '320102' },
    { code: '320102003', name: '新街口街道', districtCode: '320102' },
    { code: '320104001', name: '秦虹街道', districtCode: '320104' },
  ],
  communities: [
    { code: '320102002001', name: '珠江路社区', officialName: '珠江路社区居委会', subdistrictCode: '320102002' },
    { code: '320102002002', name: '长江路社区', officialName: '长江路社区居委会', subdistrictCode: '320102002' },
    { code: '320104001001', name: '秦虹社区', officialName: '秦虹社区居委会', subdistrictCode: '320104001' },
  ],
};

describe('communityTree', () => {
  it('nests communities under their sub-district and district, only communities selectable', () => {
    const tree = communityTree(CITY, ['3201']);
    expect(tree.map((d) => d.title)).toEqual(['玄武区', '秦淮区']);
    expect(tree[0]?.selectable).toBe(false);
    // A sub-district without communities is left out.
    expect(tree[0]?.children?.map((s) => s.title)).toEqual(['梅园新村街道']);
    expect(tree[0]?.children?.[0]?.children?.map((c) => [c.value, c.selectable])).toEqual([['320102002001', true], ['320102002002', true]]);
  });

  it('reaches only as far as the reader’s scopes', () => {
    const tree = communityTree(CITY, ['320102002001']);
    expect(tree.map((d) => d.title)).toEqual(['玄武区']);
    expect(tree[0]?.children?.[0]?.children?.map((c) => c.title)).toEqual(['珠江路社区']);
  });

  it('labels each community with its district and sub-district, for the chosen value', () => {
    expect(communityTree(CITY, ['3201'])[0]?.children?.[0]?.children?.[1]?.label).toBe('玄武区 / 梅园新村街道 / 长江路社区');
  });
});
