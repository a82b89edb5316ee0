/**
 * `partnership-review check <review.xlsx> [--json]`: errors first, then reminders under their own heading.
 * Exit 0 when there is no error (reminders alone do not fail), 1 when there are errors, 2 not a review workbook.
 */
import { runCheck } from '../../../core/operations/run.js';
import { cellLabel } from '../../../core/util/a1.js';
import { XlsxHost } from '../../xlsx-host.js';
import type { CommandContext } from '../context.js';

export async function checkCommand(ctx: CommandContext, review: string): Promise<number> {
  const host = await XlsxHost.open(review);
  const result = await runCheck(host, ctx.today, ctx.onProgress);
  if (ctx.options.json) {
    const shape = (p: (typeof result.problems)[number]) => ({
      cell: p.at ? cellLabel(p.at) : null,
      severity: p.severity,
      code: p.code,
      message: p.message,
      ...(p.respondent !== undefined ? { respondent: p.respondent } : {}),
      ...(p.itemId !== undefined ? { itemId: p.itemId } : {}),
      ...(p.field !== undefined ? { field: p.field } : {}),
    });
    ctx.io.out(
      JSON.stringify(
        {
          file: review,
          clean: result.errors.length === 0,
          errors: result.errors.map(shape),
          reminders: result.reminders.map(shape),
          problems: result.problems.map(shape),
        },
        null,
        2,
      ),
    );
  } else {
    const n = result.errors.length;
    ctx.io.out(n === 0 ? 'No errors: every entry can be scored.' : `${n} error${n === 1 ? '' : 's'} to fix:`);
    for (const line of result.errorLines) ctx.io.out(line);
    if (result.reminders.length > 0) {
      ctx.io.out('');
      ctx.io.out(`Reminders (${result.reminders.length}), nothing wrong yet:`);
      for (const line of result.reminderLines) ctx.io.out(line);
    }
  }
  return result.errors.length === 0 ? 0 : 1;
}
