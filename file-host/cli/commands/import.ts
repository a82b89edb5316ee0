/** `partnership-review import <review.xlsx> <responses.csv|responses.xlsx>` */
import { problemLine } from '../../../core/operations/check.js';
import { runImport } from '../../../core/operations/run.js';
import { readImportTable } from '../../import-table.js';
import { XlsxHost } from '../../xlsx-host.js';
import type { CommandContext } from '../context.js';

function names(list: string[]): string {
  return list.length <= 6 ? list.join(', ') : `${list.slice(0, 6).join(', ')} and ${list.length - 6} more`;
}

export async function importCommand(ctx: CommandContext, review: string, responses: string): Promise<number> {
  const host = await XlsxHost.open(review);
  const table = await readImportTable(responses);
  ctx.progress(`Read ${Math.max(0, table.length - 1)} row${table.length === 2 ? '' : 's'} from ${responses}.`);
  const { report } = await runImport(host, table, ctx.today, ctx.onProgress);
  if (report.added.length > 0 || report.updated.length > 0) await host.save(review);
  const { io } = ctx;
  io.out(`Imported into ${review}: ${report.added.length} respondent${report.added.length === 1 ? '' : 's'} added${report.added.length ? ` (${names(report.added)})` : ''}, ${report.updated.length} updated${report.updated.length ? ` (${names(report.updated)})` : ''}.`);
  if (report.unknownColumns.length > 0) {
    io.out(`Not imported — these columns match no item, so they were left out (rename them to begin with an item id, e.g. "1.1 …"): ${report.unknownColumns.map((c) => `"${c}"`).join(', ')}.`);
  }
  for (const p of report.problems) io.out(problemLine(p));
  if (report.added.length === 0 && report.updated.length === 0) {
    io.out(`Nothing was written: ${review} is unchanged.`);
  } else {
    io.out(`Next: partnership-review check ${review}`);
  }
  return 0;
}
