/** Names compared as people mean them: case, surrounding spaces and runs of spaces do not matter. */
export function nameKey(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
