/** `partnership-review demo <review.xlsx> [--framework <id>] [--force]`: a complete, filled-in example review. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runCreate, runSummarise } from '../../../core/operations/run.js';
import { assertAbsent, assertFolderWritable, assertNotOpenElsewhere } from '../../file-safety.js';
import { XlsxHost } from '../../xlsx-host.js';
import { kensingtonChelseaWorkshop } from '../../demo/kensington-chelsea.js';
import { generatedReview } from '../../demo/generated.js';
import { fillDemo, fillPlanContacts } from '../../demo/fill.js';
import { frameworkOf, resolveFramework, type CommandContext } from '../context.js';
import { financialYear, shellPath } from '../io.js';
import { assertXlsxName } from './new.js';

export async function demoCommand(ctx: CommandContext, path: string): Promise<number> {
  assertXlsxName(path);
  if (ctx.options.force) await assertNotOpenElsewhere(path);
  else await assertAbsent(path);
  await assertFolderWritable(path);
  const chosen = await resolveFramework(ctx.options.framework ?? 'partnership-tree', 'demo');
  const framework = frameworkOf(chosen);
  const demo =
    framework.id === 'partnership-tree' && typeof chosen === 'string'
      ? kensingtonChelseaWorkshop()
      : generatedReview(framework, { cycle: financialYear(ctx.today), today: ctx.today });

  // an example from a past cycle is built on its own date, so its plan dates belong to its cycle
  const today = demo.today ?? ctx.today;
  const host = XlsxHost.create();
  await runCreate(
    host,
    {
      framework: chosen,
      partnerships: demo.partnerships,
      respondents: demo.respondents.map((r) => r.respondent),
      cycle: demo.cycle,
      protect: true,
      today,
    },
    ctx.onProgress,
  );
  ctx.progress('Typing in the example responses…');
  await fillDemo(host, framework, demo);
  await runSummarise(host, { today }, ctx.onProgress);
  ctx.progress('Naming a key contact and lead agency for each drafted action, as the group would…');
  await fillPlanContacts(host, demo);
  // summarised again: the plan keeps what was typed into it
  const { summary } = await runSummarise(host, { today }, ctx.onProgress);
  await mkdir(dirname(path), { recursive: true });
  await host.save(path);
  const mean = summary.overall.mean === null ? 'no scores' : String(Math.round(summary.overall.mean * 100) / 100);
  const what =
    summary.items.length > 0
      ? `${summary.respondents} respondent${summary.respondents === 1 ? '' : 's'}, overall ${mean}${summary.overall.rag ? ` (${summary.overall.rag[0]!.toUpperCase()}${summary.overall.rag.slice(1)})` : ''}`
      : `${demo.register.length} rows on the ${framework.register?.tab ?? 'register'}`;
  ctx.io.out(
    `Demo review written to ${path}: ${framework.title}, ${what}, ${summary.plan.length} improvement plan row${summary.plan.length === 1 ? '' : 's'}.`,
  );
  ctx.io.out(demo.about);
  ctx.io.out(
    `Open it in Excel or LibreOffice: the Summary and Improvement Plan tabs show the results. Try "partnership-review check ${shellPath(path)}".`,
  );
  return 0;
}
