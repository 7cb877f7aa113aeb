/** UUIDs are unreadable on screen: the first 8 characters identify a batch well enough for people. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? id.slice(0, 8) : id;
}
