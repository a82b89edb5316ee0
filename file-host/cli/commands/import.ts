/** `partnership-review import <review.xlsx> <responses.csv|responses.xlsx>` */
import { problemLine } from '../../../core/operations/check.js';
import { conflictCell } from '../../../core/import/plan-import.js';
import { runImport } from '../../../core/operations/run.js';
import type { CellValue } from '../../../core/review/types.js';
import { readImportTable } from '../../import-table.js';
import { XlsxHost } from '../../xlsx-host.js';
import type { CommandContext } from '../context.js';

function names(list: string[]): string {
  return list.length <= 6 ? list.join(', ') : `${list.slice(0, 6).join(', ')} and ${list.length - 6} more`;
}

function shown(v: CellValue): string {
  return v === null || v === '' ? '(blank)' : `"${String(v)}"`;
}

export async function importCommand(ctx: CommandContext, review: string, responses: string): Promise<number> {
  const host = await XlsxHost.open(review, { write: true });
  const table = await readImportTable(responses);
  ctx.progress(`Read ${Math.max(0, table.length - 1)} row${table.length === 2 ? '' : 's'} from ${responses}.`);
  const { report, tabsWritten } = await runImport(host, table, ctx.today, ctx.onProgress, { preferExport: ctx.options.preferExport });
  if (tabsWritten.length > 0) await host.save(review);
  const { io } = ctx;
  io.out(
    `Imported into ${review}: ${report.added.length} respondent${report.added.length === 1 ? '' : 's'} added${report.added.length ? ` (${names(report.added)})` : ''}, ${report.updated.length} updated${report.updated.length ? ` (${names(report.updated)})` : ''}.`,
  );
  if (report.unknownColumns.length > 0) {
    io.out(
      `Not imported — these columns match no item and are not a name, email, partnership or organisation column, so they were left out (if one holds an item's answers, head it with the item's id, e.g. "1.1 …"): ${report.unknownColumns.map((c) => `"${c}"`).join(', ')}.`,
    );
  }
  if (report.matchedByName.length > 0) {
    io.out(`Matched by name to rows typed in the workbook (their import id is now recorded): ${names(report.matchedByName)}.`);
  }
  for (const c of report.conflicts) {
    const kept =
      c.kept === 'workbook'
        ? `kept the workbook's ${shown(c.workbook)}; the export says ${shown(c.export)}`
        : `took the export's ${shown(c.export)} over the workbook's ${shown(c.workbook)}`;
    io.out(`${conflictCell(c)} (${c.respondent}, ${c.column}): changed in the workbook since the last import — ${kept}.`);
  }
  if (report.conflicts.some((c) => c.kept === 'workbook')) {
    io.out(
      `${report.conflicts.length} cell${report.conflicts.length === 1 ? ' was' : 's were'} changed in the workbook since the last import and kept. To take the export's values instead, import again with --prefer-export.`,
    );
  }
  for (const p of report.problems) io.out(problemLine(p));
  if (tabsWritten.length === 0) {
    io.out(`Nothing was written: ${review} is unchanged.`);
  } else {
    io.out(`Next: partnership-review check ${review}`);
  }
  return 0;
}
