/** Masking of personal data for display to roles that may not see it in full. */

/** 张三丰 → 张**, 欧阳修 → 欧**; Latin names keep the first letter. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/**
 * Keeps the place (district, sub-district, road or village) and hides the house number and
 * everything after it: 玄武区梅园新村街道长江路12号3栋201室 → 玄武区梅园新村街道长江路****.
 */
export function maskAddress(address: string): string {
  const firstDigit = address.search(/[0-9０-９一二三四五六七八九十]+[号弄组栋幢]/);
  const keep = firstDigit > 0 ? address.slice(0, firstDigit) : Array.from(address).slice(0, 6).join('');
  return keep + '****';
}
