/**
 * Where people live and where they were born. Households are spread over the communities of
 * the city in proportion to the resident population of each district (seventh national
 * census, 2020), residential communities (社区) being larger than villages (村); virtual
 * communities (虚拟社区) of parks, prisons and development zones get nobody.
 * Resident IDs carry the region where a person was first registered: mostly the district he
 * lives in, for older people sometimes a district or county that has since been merged, and
 * for some a city elsewhere in Jiangsu or in neighbouring Anhui.
 */

import type { CityTerritoryFile } from '@shouwang/domain';
import { Random, WeightedChoice } from './random.js';

/** Resident population by district, 2020 census, in ten thousands (万人). */
const NANJING_DISTRICT_POPULATION: Readonly<Record<string, number>> = {
  '320102': 53.7, // 玄武区
  '320104': 74.0, // 秦淮区
  '320105': 53.5, // 建邺区
  '320106': 94.0, // 鼓楼区
  '320111': 117.2, // 浦口区
  '320113': 98.8, // 栖霞区
  '320114': 60.9, // 雨花台区
  '320115': 192.6, // 江宁区
  '320116': 94.7, // 六合区
  '320117': 49.1, // 溧水区
  '320118': 43.0, // 高淳区
};

export type Community = CityTerritoryFile['communities'][number];

function isVirtual(community: Community): boolean {
  return community.officialName.includes('虚拟社区');
}

export function isVillage(community: Community): boolean {
  return community.officialName.endsWith('村委会');
}

/** A weighted choice of community, so that a household lands where people really live. */
export function communityChoice(territory: CityTerritoryFile): WeightedChoice<Community> {
  const sizeOf = (c: Community): number => (isVirtual(c) ? 0 : isVillage(c) ? 0.55 : 1);
  const districtTotals = new Map<string, number>();
  for (const c of territory.communities) {
    const district = c.code.slice(0, 6);
    districtTotals.set(district, (districtTotals.get(district) ?? 0) + sizeOf(c));
  }
  const meanPopulation = Object.values(NANJING_DISTRICT_POPULATION).reduce((a, b) => a + b, 0) / 11;
  return new WeightedChoice(
    territory.communities.map((c) => {
      const district = c.code.slice(0, 6);
      const population = NANJING_DISTRICT_POPULATION[district] ?? meanPopulation;
      const total = districtTotals.get(district) ?? 1;
      return [c, total === 0 ? 0 : (population * sizeOf(c)) / total] as const;
    }),
  );
}

/** Codes of districts and counties merged away, by the district that absorbed them. */
const FORMER_CODES: Readonly<Record<string, { readonly code: string; readonly until: number }>> = {
  '320104': { code: '320103', until: 2013 }, // 白下区 → 秦淮区
  '320106': { code: '320107', until: 2013 }, // 下关区 → 鼓楼区
  '320115': { code: '320121', until: 2000 }, // 江宁县
  '320111': { code: '320122', until: 2002 }, // 江浦县
  '320116': { code: '320123', until: 2002 }, // 六合县
  '320117': { code: '320124', until: 2013 }, // 溧水县
  '320118': { code: '320125', until: 2013 }, // 高淳县
};

/** Regions of birth outside the city: Jiangsu cities, and Anhui towns next to Nanjing. */
const ELSEWHERE = new WeightedChoice<string>([
  ['320302', 5], ['320311', 3], // 徐州 鼓楼区, 泉山区
  ['321102', 4], ['321111', 3], // 镇江 京口区, 润州区
  ['321002', 4], ['321003', 3], // 扬州 广陵区, 邗江区
  ['320402', 3], ['320411', 2], // 常州 天宁区, 新北区
  ['320505', 2], ['320583', 2], // 苏州 虎丘区, 昆山市
  ['320902', 4], ['321302', 4], // 盐城 亭湖区, 宿迁 宿城区
  ['320703', 2], ['320803', 3], // 连云港 连云区, 淮安 淮安区
  ['320602', 3], ['321202', 3], // 南通 崇川区, 泰州 海陵区
  ['320282', 2], // 无锡 宜兴市
  ['341102', 3], ['340503', 2], ['340104', 2], // 滁州 琅琊区, 马鞍山 花山区, 合肥 蜀山区
]);

/** The region code of the ID of a person of the given age living in `districtCode`. */
export function birthRegion(random: Random, districtCode: string, birthYear: number, age: number): string {
  const roll = random.next();
  if (roll < (age >= 18 ? 0.16 : 0.04)) return ELSEWHERE.draw(random);
  const former = FORMER_CODES[districtCode];
  if (former !== undefined && birthYear < former.until && roll > 0.75) return former.code;
  return districtCode;
}
