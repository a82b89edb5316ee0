/**
 * Entries core reads as a score but the Summary's live COUNTIF formulas cannot count: a label with spaces around or
 * inside it, "3 = Strong", a number stored as text, ’ for '. Core counts them when the Summary is rebuilt, but a
 * spreadsheet recalculating the formulas would not, so Check asks for them to be retyped.
 */
import type { Framework } from '../framework/schema.js';
import type { CellValue, ReviewData } from '../review/types.js';
import { parseScore } from '../scoring/parse-score.js';
import { scaleForItem } from '../scoring/scale.js';
import type { Problem } from '../validation/types.js';
import { formatNumber } from '../sheet-plan/layout.js';

/** True when COUNTIF(col, value) or COUNTIF(col, "=label") of the point counts this cell. */
export function liveCountable(raw: CellValue, point: { value: number; label: string }): boolean {
  if (typeof raw === 'number') return raw === point.value;
  if (typeof raw !== 'string') return false;
  return raw.toLowerCase() === point.label.toLowerCase();
}

export function liveCountProblems(framework: Framework, data: ReviewData): Problem[] {
  const problems: Problem[] = [];
  const items = framework.sections.flatMap((s) => s.items).filter((i) => i.fields.includes('score'));
  for (const r of data.responses) {
    for (const item of items) {
      const e = r.answers[item.id]?.score;
      if (!e) continue;
      const scale = scaleForItem(framework, item);
      const p = parseScore(e.value, scale);
      if (p.kind !== 'score') continue;
      const point = scale.points.find((x) => x.value === p.value)!;
      if (liveCountable(e.value, point)) continue;
      const label = point.label.trim() === formatNumber(point.value) ? '' : ` or “${point.label}”`;
      problems.push({
        severity: 'warning',
        code: 'score.retype',
        at: e.at,
        itemId: item.id,
        field: 'score',
        ...(r.respondent.trim() ? { respondent: r.respondent.trim() } : {}),
        message: `“${String(e.value)}” is read as ${formatNumber(point.value)}, but the Summary's live figures cannot count it as typed (extra spaces, or a number stored as text). Retype it as ${formatNumber(point.value)}${label}, or pick it from the dropdown.`,
      });
    }
  }
  return problems;
}
