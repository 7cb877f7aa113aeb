const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `0.5` → `50%`. */
export function formatRatio(ratio: number): string {
  return percent.format(ratio);
}

/** `12345` → `12,345`; a multiplier such as `1.5` stays `1.5`. */
export function formatCount(count: number): string {
  return plain.format(count);
}
