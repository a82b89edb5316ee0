/** Reviews on disk for the acceptance and schema tests: a new review per framework and a Forms-style CSV to import. */
import type { Framework } from '../../core/framework/schema.js';

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `partnership-review new` arguments for a framework: two partnerships where it reviews several, else one. */
export function newArgs(path: string, f: Framework, extra: string[] = []): string[] {
  const args = ['new', path, '--framework', f.id, '--respondents', '3', '--cycle', '2026/27', '--quiet', ...extra];
  if (f.multiplePartnerships) args.push('--partnership', 'Safer Streets Partnership', '--partnership', 'Children and Young People');
  else args.push('--partnership', 'Safer Streets Partnership');
  return args;
}

/**
 * A Forms-style export with two respondents: one at the top of every scale, one at the bottom, and a text for every
 * comment, evidence or answer field (`text(itemId, field, respondent)` gives it).
 */
export function formsCsv(
  f: Framework,
  text: (itemId: string, field: string, who: 0 | 1) => string = (id, field, who) => `${who ? 'Weak' : 'Strong'} ${field} on ${id}`,
): string {
  const header: string[] = ['Name', 'Partnership'];
  const part = 'Safer Streets Partnership';
  const rows: (string | number)[][] = [
    ['Alex Example', part],
    ['Sam Sample', part],
  ];
  for (const s of f.sections) {
    for (const item of s.items) {
      const scale = f.scales.find((x) => x.id === (item.scale ?? f.defaultScale))!;
      if (item.fields.includes('score')) {
        header.push(`${item.id} ${item.text}`);
        rows[0]!.push(scale.points[scale.points.length - 1]!.value);
        rows[1]!.push(scale.points[0]!.value);
      } else if (item.fields.includes('answer')) {
        header.push(`${item.id} ${item.text}`);
        rows[0]!.push(text(item.id, 'answer', 0));
        rows[1]!.push(text(item.id, 'answer', 1));
      }
      for (const field of ['comment', 'evidence'] as const) {
        if (!item.fields.includes(field)) continue;
        header.push(`${item.id} ${field}`);
        rows[0]!.push(text(item.id, field, 0));
        rows[1]!.push(text(item.id, field, 1));
      }
    }
  }
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
