import { pinyin } from 'pinyin-pro';

/** 张建国 → zjg; surnames read as surnames (曾 → z, not c). Latin letters are kept. */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The road, street or village of an address, which is what people search an address by:
 * 玄武区梅园新村街道珠江路88号2栋301室 → 珠江路; 高淳区砖墙镇相北村5组18号 → 相北村.
 */
export function roadOf(address: string): string {
  const place = address.replace(/[0-9０-９一二三四五六七八九十]+[号弄组栋幢].*$/, '');
  const afterArea = /(?:街道|镇|乡)(.+)$/.exec(place)?.[1] ?? place.replace(/^.*?区/, '');
  return afterArea.trim();
}

/** Search text for an address: the road part, without house numbers. */
export function roadQuery(text: string): string {
  return roadOf(text.includes('街道') || text.includes('镇') ? text : `街道${text}`);
}

/** The last four characters of a resident ID or phone: what people say on the phone. */
export function tail4(value: string): string {
  return value.replace(/\s/g, '').slice(-4).toUpperCase();
}
