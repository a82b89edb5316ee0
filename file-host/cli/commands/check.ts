/** `partnership-review check <review.xlsx> [--json]`: exit 0 clean, 1 problems, 2 not a review workbook. */
import { runCheck } from '../../../core/operations/run.js';
import { cellLabel } from '../../../core/util/a1.js';
import { XlsxHost } from '../../xlsx-host.js';
import type { CommandContext } from '../context.js';

export async function checkCommand(ctx: CommandContext, review: string): Promise<number> {
  const host = await XlsxHost.open(review);
  const result = await runCheck(host, ctx.today, ctx.onProgress);
  if (ctx.options.json) {
    const problems = result.problems.map((p) => ({
      cell: p.at ? cellLabel(p.at) : null,
      severity: p.severity,
      code: p.code,
      message: p.message,
      ...(p.respondent !== undefined ? { respondent: p.respondent } : {}),
      ...(p.itemId !== undefined ? { itemId: p.itemId } : {}),
      ...(p.field !== undefined ? { field: p.field } : {}),
    }));
    ctx.io.out(JSON.stringify({ file: review, clean: problems.length === 0, problems }, null, 2));
  } else {
    for (const line of result.lines) ctx.io.out(line);
  }
  return result.problems.length === 0 ? 0 : 1;
}
