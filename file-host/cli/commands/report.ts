/**
 * `partnership-review report <review.xlsx> [--out <report.docx>] [--previous <last-review.xlsx>] [--force]`:
 * the review report for the board as a Word document, from the same summary model `summarise --json` prints.
 * The workbook is only read, never changed. An existing report is replaced only with --force (someone may have
 * edited it in Word).
 */
import { basename, dirname, join } from 'node:path';
import { readReviewSnapshot } from '../../../core/operations/run.js';
import { reportFromSnapshot } from '../../../core/report/from-snapshot.js';
import { reportDocx } from '../../../report/docx.js';
import { assertAbsent, assertFolderExists, assertFolderWritable, FileProblem, sameFileOnDisk, writeAtomically } from '../../file-safety.js';
import { XlsxHost } from '../../xlsx-host.js';
import type { CommandContext } from '../context.js';
import { readPreviousReview } from '../previous.js';

/** review.xlsx → review report.docx, beside it */
export function defaultReportPath(review: string): string {
  return join(dirname(review), `${basename(review).replace(/\.xlsx$/i, '')} report.docx`);
}

export async function reportCommand(ctx: CommandContext, review: string): Promise<number> {
  const out = ctx.options.out ?? defaultReportPath(review);
  if (!/\.docx$/i.test(out)) throw new FileProblem(`${out}: give the report a name ending in .docx (for example report.docx).`);
  await assertFolderExists(out);
  if (!ctx.options.force) await assertAbsent(out);
  await assertFolderWritable(out);
  // a report name that is a link to (or a hard link of) a workbook would replace that workbook with the report
  for (const [workbook, what] of [
    [review, 'the review workbook itself'],
    [ctx.options.previous, 'the previous review given with --previous'],
  ] as const) {
    if (workbook && (await sameFileOnDisk(out, workbook)))
      throw new FileProblem(
        `${out} is ${what} (${workbook}), so the report was not written over it: give the report another name with --out.`,
      );
  }
  const host = await XlsxHost.open(review);
  const previous = await readPreviousReview(ctx, review);
  ctx.progress('Reading the workbook…');
  const snapshot = await readReviewSnapshot(host);
  ctx.progress('Writing the report…');
  const { content } = reportFromSnapshot(snapshot, {
    today: ctx.today,
    previous,
    ...(ctx.options.previous ? { previousLabel: ctx.options.previous } : {}),
  });
  await writeAtomically(out, await reportDocx(content));
  const tables = content.blocks.filter((b) => b.kind === 'table').length;
  ctx.io.out(
    `Report written to ${out}: ${content.title}, ${tables} table${tables === 1 ? '' : 's'}${content.blocks.some((b) => b.kind === 'chart') ? ' and a chart' : ''}. ${review} has not been changed.`,
  );
  return 0;
}
