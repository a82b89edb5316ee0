/** `partnership-review import <review.xlsx> <responses.csv|responses.xlsx>` */
import { notAnExport } from '../../../core/import/csv.js';
import { problemLine } from '../../../core/operations/check.js';
import { conflictCell } from '../../../core/import/plan-import.js';
import { conflictLine, matchedByNameLine, nameList as names, unknownColumnsLine } from '../../../core/operations/messages.js';
import { runImport } from '../../../core/operations/run.js';
import { FileProblem, sameFileOnDisk } from '../../file-safety.js';
import { readImportTable } from '../../import-table.js';
import { XlsxHost } from '../../xlsx-host.js';
import type { CommandContext } from '../context.js';
import { shellPath } from '../io.js';

export async function importCommand(ctx: CommandContext, review: string, responses: string): Promise<number> {
  const host = await XlsxHost.open(review, { write: true });
  // the review given twice (the same path, a link to it or a hard link): said plainly, before anything is read
  if (await sameFileOnDisk(review, responses)) throw new FileProblem(notAnExport(responses, true));
  const table = await readImportTable(responses);
  ctx.progress(`Read ${Math.max(0, table.length - 1)} row${table.length === 2 ? '' : 's'} from ${responses}.`);
  const { report, tabsWritten } = await runImport(host, table, ctx.today, ctx.onProgress, { preferExport: ctx.options.preferExport });
  if (tabsWritten.length > 0) await host.save(review);
  const { io } = ctx;
  io.out(
    `Imported into ${review}: ${report.added.length} respondent${report.added.length === 1 ? '' : 's'} added${report.added.length ? ` (${names(report.added)})` : ''}, ${report.updated.length} updated${report.updated.length ? ` (${names(report.updated)})` : ''}.`,
  );
  if (report.unknownColumns.length > 0) {
    io.out(unknownColumnsLine(report.unknownColumns));
  }
  if (report.matchedByName.length > 0) {
    io.out(matchedByNameLine(report.matchedByName));
  }
  for (const c of report.conflicts) io.out(conflictLine({ ...c, cell: conflictCell(c) }));
  if (report.conflicts.some((c) => c.kept === 'workbook')) {
    io.out(
      `${report.conflicts.length} cell${report.conflicts.length === 1 ? ' was' : 's were'} changed in the workbook since the last import and kept. To take the export's values instead, import again with --prefer-export.`,
    );
  }
  for (const p of report.problems) io.out(problemLine(p));
  if (tabsWritten.length === 0) {
    io.out(`Nothing was written: ${review} is unchanged.`);
  } else {
    io.out(`Next: partnership-review check ${shellPath(review)}`);
  }
  return 0;
}
