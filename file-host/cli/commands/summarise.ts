/**
 * `partnership-review summarise <review.xlsx> [--json] [--previous <last-review.xlsx>]`: rewrites the Summary and
 * Improvement Plan tabs, then prints what it found (with --json: the summary model, only JSON on stdout).
 * `partnership-review score <review.xlsx> [--json] [--previous …]`: the same figures and drafted plan, printed
 * only: the workbook is not written.
 */
import { readReviewSnapshot, runSummarise } from '../../../core/operations/run.js';
import { planSummary } from '../../../core/operations/summarise.js';
import type { SummaryModel } from '../../../core/operations/types.js';
import { championChangeText } from '../../../core/scoring/register.js';
import { XlsxHost } from '../../xlsx-host.js';
import type { CommandContext } from '../context.js';
import { readPreviousReview } from '../previous.js';

/** The summary model as `--json` prints it: core's model, numbers unrounded; plan rows also say `source`. */
export function summaryJson(summary: SummaryModel): unknown {
  return { ...summary, plan: summary.plan.map((row) => ({ ...row, source: row.sourceItems })) };
}

function fmt(n: number | null): string {
  return n === null ? 'no scores' : String(Math.round(n * 100) / 100);
}

function ragWord(r: string | null): string {
  return r === null ? 'no RAG' : r[0]!.toUpperCase() + r.slice(1);
}

export async function summariseCommand(ctx: CommandContext, review: string, opts: { write: boolean } = { write: true }): Promise<number> {
  const host = await XlsxHost.open(review, { write: opts.write });
  const previous = await readPreviousReview(ctx, review);
  const label = ctx.options.previous ?? 'the previous review';
  let summary: SummaryModel;
  if (opts.write) {
    // with --previous, the Previous Review tab is filled too, so later runs compare with it (refused over other means)
    summary = (
      await runSummarise(host, { today: ctx.today, previous, fillPrevious: previous !== null, previousLabel: label }, ctx.onProgress)
    ).summary;
    await host.save(review);
  } else {
    ctx.progress('Reading the workbook…');
    summary = planSummary(await readReviewSnapshot(host), { today: ctx.today, previous, previousLabel: label }).summary;
  }
  const written = opts.write ? `Summary written to ${review}` : `Scores of ${review} (nothing written)`;
  if (ctx.options.json) {
    ctx.io.out(JSON.stringify(summaryJson(summary), null, 2));
    return 0;
  }
  const { io } = ctx;
  if (summary.items.length > 0) {
    io.out(
      `${written}: ${summary.respondents} respondent${summary.respondents === 1 ? '' : 's'}, overall ${fmt(summary.overall.mean)} (${ragWord(summary.overall.rag)}).`,
    );
    for (const s of summary.sections) io.out(`  ${s.title}: ${fmt(s.mean)} (${ragWord(s.rag)})`);
  } else {
    io.out(`${written}.`);
  }
  for (const t of summary.tracker ?? []) {
    if (t.rows > 0)
      io.out(
        `  ${t.theme}: ${t.rows} row${t.rows === 1 ? '' : 's'}, mean achievement ${fmt(t.meanAchievement)}${t.lowAppropriatenessRows.length ? `, low appropriateness on ${t.lowAppropriatenessRows.length === 1 ? 'row' : 'rows'} ${t.lowAppropriatenessRows.join(', ')}` : ''}`,
      );
  }
  if (summary.trackerRows) {
    const changed = summary.trackerRows.filter((r) => r.changed);
    const confirmed = summary.trackerRows.filter((r) => r.confirmed !== null).length;
    io.out(
      `  Champions: ${confirmed} of ${summary.trackerRows.length} scored row${summary.trackerRows.length === 1 ? '' : 's'} confirmed, ${changed.length} changed from the co-ordinator's score (the confirmed score counts where there is one).`,
    );
    for (const r of changed) io.out(`    row ${r.row} (${r.theme}${r.label ? `, ${r.label}` : ''}): ${championChangeText(r)}`);
  }
  for (const r of summary.risks ?? []) {
    if (r.red + r.amber + r.green + r.unrated > 0)
      io.out(`  ${r.theme}: ${r.red} red, ${r.amber} amber, ${r.green} green${r.unrated ? `, ${r.unrated} not rated` : ''}`);
  }
  if (summary.items.length > 0) {
    io.out(
      `Strengths: ${summary.strengths.length ? summary.strengths.join(', ') : 'none yet (no item is green without divided opinion)'}.`,
    );
    io.out(`Areas for improvement: ${summary.areasForImprovement.length ? summary.areasForImprovement.join(', ') : 'none'}.`);
  }
  const kept = summary.plan.filter((r) => r.origin !== 'drafted').length;
  const verb = opts.write ? '' : ' (as it would be drafted)';
  io.out(
    `Improvement Plan${verb}: ${summary.plan.length} row${summary.plan.length === 1 ? '' : 's'}${kept ? ` (${kept} edited or added by people, kept as they are)` : ''}.`,
  );
  const left = summary.planning.alsoWeak.length;
  if (left > 0)
    io.out(
      `Also weak, not yet planned: ${left} item${left === 1 ? '' : 's'} (listed on the Summary; the plan drafts the ${summary.planning.maxAreas} weakest areas${Object.keys(summary.partnerships ?? {}).length > 1 ? ' per partnership' : ''}).`,
    );
  const rc = summary.registerComparison;
  if (rc) {
    const n = (k: string) => rc.themes.filter((r) => r.change === k).length;
    const what = rc.kind === 'tracker' ? 'mean achievement' : 'mean risk level (a fall is an improvement)';
    io.out(`Change by theme in ${what}: ${n('improved')} improved, ${n('declined')} declined, ${n('unchanged')} unchanged.`);
  }
  if (previous) {
    const cycle = previous.cycle ? ` (${previous.cycle})` : '';
    io.out(
      `Compared with ${ctx.options.previous}${cycle}${opts.write ? '; its figures are now on the Previous Review tab, which later runs compare with until you clear it' : ''}.`,
    );
  } else if (summary.comparison || rc) {
    io.out('Compared with the figures on the Previous Review tab (clear them to stop comparing).');
  }
  for (const l of summary.carriedLeftOut ?? [])
    io.out(
      `Not carried forward: ${l.rows} of last cycle's actions for ${l.partnership}, a partnership this review does not list (they stay in last cycle's workbook).`,
    );
  const c = summary.carried;
  if (c) {
    io.out(
      `Last cycle's actions on the plan: ${c.rows.length} (${c.achieved} achieved, ${c.partly} partly achieved, ${c.notAchieved} not achieved, ${c.notAssessed} not yet judged); ${c.open} still open. Set "Achieved?" and "Carry forward?" on the Improvement Plan.`,
    );
  }
  return 0;
}
