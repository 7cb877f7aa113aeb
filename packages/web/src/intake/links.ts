/** The page of one feed; with `corrects`, arriving to upload the correction of that batch's rejected rows. */
export function sourcePagePath(sourceId: string, corrects?: string): string {
  return `/intake/sources/${encodeURIComponent(sourceId)}${corrects ? `?corrects=${encodeURIComponent(corrects)}` : ''}`;
}

/** The page of one delivery, marking one of its rows when a fact came from it. */
export function batchPagePath(batchId: string, rowNumber?: number | null): string {
  return `/intake/batches/${encodeURIComponent(batchId)}${rowNumber ? `?row=${rowNumber}` : ''}`;
}
