/** Plain-text tables for the terminal (and the README section): columns padded, numbers right-aligned. */

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+]?[\d,.]+( ?(ms|kB|MB|×|%))?$|^—$/.test(r[i] ?? '')));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Markdown version of the same table. */
export function markdownTable(header: string[], rows: string[][]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export const int = (n: number): string => n.toLocaleString('en-GB');
export const ms = (n: number): string => (n >= 100 ? `${int(Math.round(n))} ms` : n >= 10 ? `${n.toFixed(1)} ms` : `${n.toFixed(2)} ms`);
/** Bytes as kB (1,000 bytes), or MB from 1,000 kB. */
export const kB = (n: number): string => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(2)} MB` : `${(n / 1000).toFixed(1)} kB`);
/** An ISO timestamp's date as dd/mm/yyyy. */
export const ukDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
export const ratio = (n: number): string => `${n >= 100 ? int(Math.round(n)) : n.toFixed(1)}×`;
