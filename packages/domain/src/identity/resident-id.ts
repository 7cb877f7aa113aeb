/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999).
 *
 * 18 characters: a 6-digit region code (GB/T 2260), the birth date YYYYMMDD, a 3-digit
 * sequence whose parity gives the sex (odd: male), and a check character computed with
 * ISO 7064 MOD 11-2, where 10 is written `X`. The older 15-digit form has a 2-digit year
 * (19xx) and no check character.
 */

export type Sex = 'male' | 'female';

export interface ResidentId {
  /** The normalised 18-character number, upper-case `X`. */
  readonly number: string;
  readonly regionCode: string;
  /** ISO date, e.g. `1961-07-03`. */
  readonly birthDate: string;
  readonly sex: Sex;
  /** True when the input was the 15-digit form and was upgraded. */
  readonly upgraded: boolean;
}

export type ResidentIdProblem = 'empty' | 'length' | 'characters' | 'region' | 'birth_date' | 'check_digit';

export type ResidentIdResult =
  | { readonly ok: true; readonly id: ResidentId }
  | { readonly ok: false; readonly problem: ResidentIdProblem; readonly message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('checkCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/** Upgrades a 15-digit number (born 19xx) to the 18-digit form. */
export function upgradeTo18(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('upgradeTo18 needs exactly 15 digits');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/** A real calendar date between 1900-01-01 and `today` (inclusive). */
function validBirthDate(yyyymmdd: string, today: string): string | undefined {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return iso <= today ? iso : undefined;
}

/**
 * Parses and validates a resident ID. Surrounding spaces are ignored and a lower-case `x`
 * is accepted. `today` (ISO date) bounds the birth date; it defaults to the current date.
 */
export function parseResidentId(raw: string, today: string = new Date().toISOString().slice(0, 10)): ResidentIdResult {
  const value = raw.trim().toUpperCase();
  if (value === '') return { ok: false, problem: 'empty', message: 'resident ID is empty' };
  if (value.length !== 18 && value.length !== 15) {
    return { ok: false, problem: 'length', message: `resident ID must have 18 characters (or the old 15 digits), found ${value.length}` };
  }
  const pattern = value.length === 18 ? /^\d{17}[\dX]$/ : /^\d{15}$/;
  if (!pattern.test(value)) {
    return { ok: false, problem: 'characters', message: 'resident ID may contain only digits, and X as the last character' };
  }
  const upgraded = value.length === 15;
  const number = upgraded ? upgradeTo18(value) : value;
  const regionCode = number.slice(0, 6);
  if (!/^[1-9]\d{5}$/.test(regionCode)) {
    return { ok: false, problem: 'region', message: `region code ${regionCode} is not a valid administrative code` };
  }
  const birthDate = validBirthDate(number.slice(6, 14), today);
  if (birthDate === undefined) {
    return { ok: false, problem: 'birth_date', message: `birth date ${number.slice(6, 14)} is not a real date between 1900 and today` };
  }
  if (!upgraded) {
    const expected = checkCharacter(number.slice(0, 17));
    if (expected !== number[17]) {
      return { ok: false, problem: 'check_digit', message: `check digit is ${number[17]}, should be ${expected}` };
    }
  }
  return { ok: true, id: { number, regionCode, birthDate, sex: sexOfId(number), upgraded } };
}

/** The birth date an 18-character number (already normalised and validated) carries: `1961-07-03`. */
export function birthDateOfId(number: string): string {
  return `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
}

/** The sex an 18-character number carries: its 17th digit, odd for men. */
export function sexOfId(number: string): Sex {
  return Number(number[16]) % 2 === 1 ? 'male' : 'female';
}

/** Builds a valid 18-digit number; used by the demo-city generator and tests. */
export function composeResidentId(regionCode: string, birthDate: string, sequence: number, sex: Sex): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError('regionCode must be 6 digits');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new RangeError('birthDate must be an ISO date');
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 49) throw new RangeError('sequence must be 0..49');
  const order = sequence * 2 + (sex === 'male' ? 1 : 0);
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(order).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** `320102********1234`: region kept, birth date and sequence hidden, last four shown. */
export function maskResidentId(number: string): string {
  if (number.length < 10) return '*'.repeat(number.length);
  return number.slice(0, 6) + '*'.repeat(number.length - 10) + number.slice(-4);
}

/** Age in whole years on `asOf` (ISO date). */
export function ageOn(birthDate: string, asOf: string): number {
  const years = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return asOf.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
