/** The page of one delivery, marking one of its rows when a fact came from it. */
export function batchPagePath(batchId: string, rowNumber?: number | null): string {
  return `/intake/batches/${encodeURIComponent(batchId)}${rowNumber ? `?row=${rowNumber}` : ''}`;
}
