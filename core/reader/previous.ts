/** The Previous Review tab back into a `PreviousReview` (null when no mean has been given). */
import type { Framework } from '../framework/schema.js';
import type { TabSnapshot } from '../host/types.js';
import type { PreviousFigures, PreviousReview } from '../review/types.js';
import type { Problem } from '../validation/types.js';
import { PARTNERSHIP_MEAN_KEY, PREVIOUS_OVERALL_ID, previousRows } from '../sheet-plan/previous.js';
import { cell, colCount, isBlankValue, textOf } from './cells.js';
import type { FoundTable } from './locate.js';

function numberOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(v)) return Number(v);
  return null;
}

export function readPrevious(tab: TabSnapshot, found: FoundTable, framework: Framework, problems: Problem[]): PreviousReview | null {
  const prev: PreviousReview = { cycle: '', itemMeans: {}, sectionMeans: {} };
  // the previous cycle: column B of the row labelled "Previous cycle"
  for (let r = 1; r < found.firstDataRow; r++) {
    if (
      textOf(cell(tab, r, 1))
        .trim()
        .toLowerCase() === 'previous cycle'
    )
      prev.cycle = textOf(cell(tab, r, 2)).trim();
  }
  const idCol = found.cols['id'] ?? 1;
  const meanCol = found.cols['mean'] ?? 3;
  // partnerships' own columns: `mean@<partnership>` on the key row (issue #11)
  const partnershipCols: { name: string; col: number }[] = [];
  if (found.keyRow > 0) {
    for (let c = 1; c <= colCount(tab); c++) {
      const k = textOf(cell(tab, found.keyRow, c)).trim();
      if (k.startsWith(PARTNERSHIP_MEAN_KEY) && k.length > PARTNERSHIP_MEAN_KEY.length)
        partnershipCols.push({ name: k.slice(PARTNERSHIP_MEAN_KEY.length), col: c });
    }
  }
  const whole = readColumn(tab, found, framework, idCol, meanCol, problems);
  if (whole) Object.assign(prev, whole);
  let any = whole !== null;
  for (const p of partnershipCols) {
    const figures = readColumn(tab, found, framework, idCol, p.col, problems);
    if (!figures) continue;
    (prev.partnerships ??= {})[p.name] = figures;
    any = true;
  }
  return any ? prev : null;
}

/** One column of means (the whole review's, or a partnership's) into figures; null when it holds none. */
function readColumn(
  tab: TabSnapshot,
  found: FoundTable,
  framework: Framework,
  idCol: number,
  meanCol: number,
  problems: Problem[],
): PreviousFigures | null {
  const rows = previousRows(framework);
  // a tracker's or risk register's rows are its themes: any theme typed is kept (a register may add its own)
  const themed = rows.some((r) => r.kind === 'theme');
  const items = new Set(rows.filter((r) => r.kind === 'item').map((r) => r.id));
  const sections = new Set(framework.sections.map((s) => s.id));
  const out: PreviousFigures = { itemMeans: {}, sectionMeans: {} };
  let any = false;
  for (let r = found.firstDataRow; r <= found.lastRow; r++) {
    const rawId = cell(tab, r, idCol);
    const rawMean = cell(tab, r, meanCol);
    if (isBlankValue(rawMean)) continue;
    let id = textOf(rawId).trim();
    if (typeof rawId === 'number') {
      // "1.10" typed into a number cell reads back as 1.1: take the id layout 1 put on this row when it matches
      const pos = rows[r - found.firstDataRow];
      if (pos && Number(pos.id) === rawId) id = pos.id;
    }
    const mean = numberOf(rawMean);
    if (mean === null) {
      problems.push({
        severity: 'warning',
        code: 'previous.not-a-number',
        at: { sheet: found.name, row: r, col: meanCol },
        message: `“${textOf(rawMean).trim()}” is not a number, so it is left out of the comparison. Type the mean from the last review (for example 2.4) or leave it blank.`,
      });
      continue;
    }
    if (items.has(id)) {
      out.itemMeans[id] = mean;
      any = true;
      // a section that is its own single item (partnership-tree) has the same mean
      const sec = framework.sections.find((s) => s.id === id && s.items.length === 1);
      if (sec && out.sectionMeans[id] === undefined) out.sectionMeans[id] = mean;
    } else if (sections.has(id)) {
      out.sectionMeans[id] = mean;
      any = true;
    } else if (id.toLowerCase() === PREVIOUS_OVERALL_ID) {
      out.overall = mean;
      any = true;
    } else if (themed && id !== '') {
      (out.themeMeans ??= {})[id] = mean;
      any = true;
    } else {
      problems.push({
        severity: 'warning',
        code: 'previous.unknown-id',
        at: { sheet: found.name, row: r, col: idCol },
        message: `“${id}” is not an item or section of this framework, so its mean is not compared. Correct the id, or clear the row.`,
      });
    }
  }
  return any ? out : null;
}
