import { pinyin } from 'pinyin-pro';

/** 张建国 → zjg; surnames read as surnames (曾 → z, not c). Latin letters are kept. */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase().replace(/[^a-z]/g, '');
}

/** The last four characters of a resident ID or phone: what people say on the phone. */
export function tail4(value: string): string {
  return value.replace(/\s/g, '').slice(-4).toUpperCase();
}
