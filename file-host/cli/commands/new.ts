/** `partnership-review new <review.xlsx> --framework <id> …` */
import { runCreate } from '../../../core/operations/run.js';
import { assertAbsent, assertFolderExists, assertFolderWritable, FileProblem } from '../../file-safety.js';
import { XlsxHost } from '../../xlsx-host.js';
import { frameworkOf, resolveFramework, type CommandContext } from '../context.js';
import { financialYear, shellPath } from '../io.js';

export function assertXlsxName(path: string): void {
  if (!/\.xlsx$/i.test(path)) throw new FileProblem(`${path}: give the workbook a name ending in .xlsx (for example review.xlsx).`);
}

export async function newCommand(ctx: CommandContext, path: string): Promise<number> {
  assertXlsxName(path);
  await assertFolderExists(path);
  await assertAbsent(path);
  await assertFolderWritable(path);
  const framework = await resolveFramework(ctx.options.framework, 'new');
  const { options, today } = ctx;
  const cycle = options.cycle ?? financialYear(today);
  const host = XlsxHost.create();
  await runCreate(
    host,
    {
      framework,
      partnerships: options.partnership,
      respondents: options.respondent,
      ...(options.respondents !== undefined ? { respondentCount: options.respondents } : {}),
      cycle,
      protect: options.protect,
      today,
      // Web Crypto's, which Node.js loads on first use: importing node:crypto costs every command about 10 ms
      reviewId: globalThis.crypto.randomUUID(),
    },
    ctx.onProgress,
  );
  await host.save(path);
  const f = frameworkOf(framework);
  ctx.io.out(
    `Created ${path}: ${f.title}, cycle ${cycle}${options.cycle ? '' : ' (the financial year of today’s date; set another with --cycle)'}.`,
  );
  ctx.io.out(
    `Next: fill in the ${f.sections.length > 0 ? 'Responses' : (f.register?.tab ?? 'entry')} tab (or run "partnership-review import ${shellPath(path)} <responses.csv>"), then "partnership-review check ${shellPath(path)}".`,
  );
  return 0;
}
