/**
 * Plausible street addresses inside a community: district + sub-district + road + number +
 * building/room for a residential community (社区), district + town + village + group
 * (组) + number for a village (村). Each community is served by a few roads, chosen once, so
 * the neighbours of a community share their streets.
 */

import { Random } from './random.js';

/** Well-known roads of the central districts, by district code. */
const DISTRICT_ROADS: Readonly<Record<string, readonly string[]>> = {
  '320102': ['中山路', '北京东路', '龙蟠路', '中山东路', '长江路', '珠江路', '太平北路', '玄武大道', '后宰门街', '丹凤街', '蓝旗街', '黄埔路', '成贤街'],
  '320104': ['中华路', '建康路', '白下路', '瑞金路', '御道街', '大光路', '中山南路', '集庆路', '长乐路', '龙蟠中路', '苜蓿园大街', '光华路', '马道街'],
  '320105': ['江东中路', '汉中门大街', '应天大街', '庐山路', '河西大街', '奥体大街', '集庆门大街', '兴隆大街', '恒山路', '嘉陵江东街', '水西门大街'],
  '320106': ['汉中路', '中山北路', '北京西路', '广州路', '湖南路', '虎踞路', '草场门大街', '江东北路', '热河路', '建宁路', '福建路', '宁海路', '南京大学路'],
  '320111': ['浦珠路', '浦口大道', '浦滨路', '文德路', '大桥北路', '江浦路', '沿江路'],
  '320113': ['仙林大道', '和燕路', '栖霞大道', '尧新大道', '学津路', '文苑路', '迈皋桥路', '寅春路'],
  '320114': ['雨花南路', '软件大道', '花神大道', '安德门大街', '宁双路', '凤信路', '西善桥路'],
  '320115': ['天元中路', '双龙大道', '胜太路', '竹山路', '天印大道', '弘景大道', '佛城西路', '上元大街', '金箔路', '将军大道', '诚信大道'],
  '320116': ['雄州路', '龙津路', '延安路', '园林路', '大厂路'],
  '320117': ['珍珠路', '天生桥大道', '秦淮大街', '交通路', '中山路'],
  '320118': ['宝塔路', '镇兴路', '通贤街', '淳溪路', '石臼湖路'],
};

/** Road names every Chinese town has. */
const COMMON_ROADS: readonly string[] = [
  '人民路', '建设路', '新华路', '团结路', '解放路', '文化路', '和平路', '胜利路', '健康路', '东风路',
  '友谊路', '育才路', '幸福路', '光明路', '振兴路', '长江路', '府前路', '工农路', '青年路', '民主路',
];

/** Residential compounds (小区) have their own names; these are typical ones. */
const ESTATE_WORDS: readonly string[] = ['花园', '新村', '小区', '苑', '家园', '公寓', '佳园', '雅居'];

export interface CommunityStreets {
  readonly roads: readonly string[];
  /** A village's name for rural communities, null for residential communities. */
  readonly village: string | null;
}

interface CommunityPlace {
  readonly districtCode: string;
  readonly officialName: string;
  readonly subdistrictName: string;
}

/** `杨家村村委会` → `杨家村`, `七联村委会` → `七联村`; null for a residential community. */
function villageName(community: CommunityPlace): string | null {
  if (!community.officialName.endsWith('村委会')) return null;
  const base = community.officialName.slice(0, -'村委会'.length);
  return /(村|社区)$/.test(base) ? base : `${base}村`;
}

/** A few roads near a community: mostly the district's own roads, some generic or local. */
export function streetsOf(random: Random, community: CommunityPlace): CommunityStreets {
  const own = DISTRICT_ROADS[community.districtCode] ?? [];
  const stem = community.subdistrictName.replace(/(街道|镇)$/, '').slice(0, 2);
  const roads = new Set<string>();
  const count = random.int(2, 3);
  while (roads.size < count) {
    const roll = random.next();
    if (roll < 0.6 && own.length > 0) roads.add(random.pick(own));
    else if (roll < 0.8) roads.add(random.pick(COMMON_ROADS));
    else roads.add(`${stem}${random.pick(['路', '大街', '东路', '西路', '南路', '北路'])}`);
  }
  return { roads: [...roads], village: villageName(community) };
}

/**
 * `玄武区梅园新村街道长江路12号3栋201室`, or for a village `高淳区砖墙镇相北村5组18号`.
 */
export function randomAddress(random: Random, districtName: string, subdistrictName: string, streets: CommunityStreets): string {
  const area = `${districtName}${subdistrictName}`;
  if (streets.village !== null) {
    return `${area}${streets.village}${random.int(1, 12)}组${random.int(1, 60)}号`;
  }
  const road = random.pick(streets.roads);
  const number = random.int(1, 280);
  const building = random.int(1, 32);
  const highRise = random.chance(0.45);
  const floor = highRise ? random.int(1, 28) : random.int(1, 7);
  const room = `${floor}${String(random.int(1, highRise ? 4 : 3)).padStart(2, '0')}`;
  if (random.chance(0.25)) {
    const estate = `${road.slice(0, 2)}${random.pick(ESTATE_WORDS)}`;
    return `${area}${road}${number}号${estate}${building}幢${room}室`;
  }
  const unit = random.chance(0.4) ? `${random.int(1, 4)}单元` : '';
  return `${area}${road}${number}号${building}栋${unit}${room}室`;
}
