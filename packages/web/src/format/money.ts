const yuanGrouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Integer fen → `¥12,345.60`; `null` → `—`. Integer arithmetic only: no float rounding. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const whole = Math.round(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuanGrouping.format(yuan)}.${cents}`;
}
