/**
 * Medical institutions of Nanjing (定点医药机构): the big city and provincial hospitals, one
 * district hospital per district, the community health centre (社区卫生服务中心) or town
 * health centre (卫生院) of the patient's sub-district, and pharmacy chains.
 */

import { cityTerritory } from '@shouwang/domain';
import { Random, WeightedChoice } from './random.js';

const MAJOR_HOSPITALS = new WeightedChoice<string>([
  ['江苏省人民医院', 10],
  ['南京鼓楼医院', 10],
  ['东部战区总医院', 6],
  ['南京市第一医院', 6],
  ['江苏省中医院', 6],
  ['东南大学附属中大医院', 5],
  ['南京医科大学第二附属医院', 4],
  ['南京市中医院', 3],
  ['江苏省肿瘤医院', 3],
  ['南京脑科医院', 2],
  ['南京市胸科医院', 2],
  ['南京市中西医结合医院', 2],
  ['江苏省第二中医院', 2],
  ['南京市妇幼保健院', 2],
]);

/** Where the gravely ill are treated: the tertiary hospitals. */
const TERTIARY_HOSPITALS = new WeightedChoice<string>([
  ['江苏省人民医院', 10],
  ['南京鼓楼医院', 10],
  ['东部战区总医院', 6],
  ['江苏省肿瘤医院', 5],
  ['南京市第一医院', 5],
  ['东南大学附属中大医院', 4],
  ['江苏省中医院', 3],
]);

const CHILDRENS_HOSPITAL = '南京市儿童医院';

const DISTRICT_HOSPITALS: Readonly<Record<string, string>> = {
  '320102': '南京市玄武医院',
  '320104': '南京市秦淮医院',
  '320105': '南京市建邺医院',
  '320106': '南京市第二医院',
  '320111': '南京市浦口医院',
  '320113': '南京市栖霞区医院',
  '320114': '南京市雨花医院',
  '320115': '南京市江宁医院',
  '320116': '南京市六合区人民医院',
  '320117': '南京市溧水区人民医院',
  '320118': '南京市高淳人民医院',
};

const PHARMACIES: readonly string[] = ['南京医药百信药房', '老百姓大药房', '益丰大药房', '国药控股国大药房', '华润堂大药房'];

/** Primary care of a sub-district: community health centre in town, health centre (卫生院) in a 镇. */
function primaryCareCentres(cityCode: string): Map<string, string> {
  const territory = cityTerritory(cityCode);
  const centres = new Map<string, string>();
  if (territory === undefined) return centres;
  const districts = new Map(territory.districts.map((d) => [d.code, d.name]));
  for (const s of territory.subdistricts) {
    const area = `${territory.city.name}${districts.get(s.districtCode) ?? ''}${s.name}`;
    if (s.name.endsWith('街道')) centres.set(s.code, `${area}社区卫生服务中心`);
    else if (s.name.endsWith('镇')) centres.set(s.code, `${area}卫生院`);
  }
  return centres;
}

export type CareLevel = 'primary' | 'district' | 'major' | 'tertiary' | 'pharmacy';

export class Institutions {
  readonly #primary: Map<string, string>;

  constructor(cityCode: string) {
    this.#primary = primaryCareCentres(cityCode);
  }

  /** An institution of the given level near a patient of `age` living in `communityCode`. */
  choose(random: Random, level: CareLevel, communityCode: string, age: number): string {
    const district = DISTRICT_HOSPITALS[communityCode.slice(0, 6)] ?? MAJOR_HOSPITALS.draw(random);
    switch (level) {
      case 'primary':
        return this.#primary.get(communityCode.slice(0, 9)) ?? district;
      case 'district':
        return district;
      case 'major':
        return age < 14 && random.chance(0.7) ? CHILDRENS_HOSPITAL : MAJOR_HOSPITALS.draw(random);
      case 'tertiary':
        return age < 14 ? CHILDRENS_HOSPITAL : TERTIARY_HOSPITALS.draw(random);
      case 'pharmacy':
        return `${random.pick(PHARMACIES)}(${random.int(1, 60)}号店)`;
    }
  }
}
