/**
 * `partnership-review plan <plan.xlsx> <review.xlsx>… [--cycle <label>] [--json]`: the LSP improvement plan — one
 * workbook pulling together the Improvement Plans of several review workbooks (Part 1 Delivery by theme, Part 2
 * Partnership by criterion). Creates the plan when the file is missing, else updates it keeping every edit a person
 * made there. The reviews are only read. I/O only: what goes where is core's (core/operations/lsp-plan.ts).
 * Refused before anything is written (exit 2): a review path that is the plan itself, the same review twice (the same
 * path, a link to it, or a copy with the same bytes), a workbook that is not a review.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { planLspImprovement, type LspReviewInput } from '../../../core/operations/lsp-plan.js';
import { readReviewSnapshot } from '../../../core/operations/run.js';
import { NotAReviewError } from '../../../core/operations/types.js';
import type { PlanPart } from '../../../core/plan/types.js';
import { FileProblem, assertFolderExists, readExisting } from '../../file-safety.js';
import { XlsxHost } from '../../xlsx-host.js';
import type { CommandContext } from '../context.js';
import { assertXlsxName } from './new.js';

interface Identity {
  path: string;
  resolved: string;
  dev: number;
  ino: number;
  bytes: Buffer;
}

async function identity(path: string, what: string): Promise<Identity> {
  const bytes = await readExisting(path, what);
  const s = await stat(path);
  return { path, resolved: resolve(path), dev: s.dev, ino: s.ino, bytes };
}

function same(a: Identity, b: Identity): 'path' | 'file' | 'copy' | null {
  if (a.resolved === b.resolved) return 'path';
  if (a.dev === b.dev && a.ino === b.ino) return 'file';
  return a.bytes.equals(b.bytes) ? 'copy' : null;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** File names as people know them; the path where two reviews share a file name. */
function labels(paths: string[]): string[] {
  const names = paths.map((p) => basename(p));
  return names.map((n, i) => (names.filter((m) => m.toLowerCase() === n.toLowerCase()).length > 1 ? paths[i]! : n));
}

export async function planCommand(ctx: CommandContext, planPath: string, reviewPaths: string[]): Promise<number> {
  assertXlsxName(planPath);
  await assertFolderExists(planPath);
  const planExists = await exists(planPath);
  const plan = planExists ? await identity(planPath, 'plan workbook') : null;
  const seen: Identity[] = [];
  for (const path of reviewPaths) {
    if (resolve(path) === resolve(planPath))
      throw new FileProblem(
        `${path} is the plan itself, not a review, so nothing was written. List the review workbooks after the plan: partnership-review plan ${planPath} <review.xlsx>…`,
      );
    const id = await identity(path, 'review workbook');
    const asPlan = plan ? same(id, plan) : null;
    if (asPlan)
      throw new FileProblem(
        `${path} is ${asPlan === 'copy' ? 'a copy of ' : ''}the plan itself (${planPath}), not a review, so nothing was written. List only review workbooks after the plan.`,
      );
    const earlier = seen.find((s) => same(id, s) !== null);
    if (earlier) {
      const how = same(id, earlier) === 'copy' ? 'a copy of' : 'the same file as';
      throw new FileProblem(`${path} is ${how} ${earlier.path}, given before it, so nothing was written. Give each review once.`);
    }
    seen.push(id);
  }

  const host = planExists ? await XlsxHost.open(planPath, { write: true }) : XlsxHost.create();
  ctx.progress(planExists ? `Reading the plan ${planPath}…` : `Making a new plan ${planPath}…`);
  const existing = planExists ? await host.read({ tabs: 'all' }) : null;
  const names = labels(reviewPaths);
  const reviews: LspReviewInput[] = [];
  for (const [i, path] of reviewPaths.entries()) {
    ctx.progress(`Reading the review ${path}…`);
    reviews.push({ label: names[i]!, where: path, snapshot: await readReviewSnapshot(await XlsxHost.open(path)) });
  }
  let result;
  try {
    result = planLspImprovement(existing, reviews, {
      today: ctx.today,
      planLabel: planPath,
      ...(ctx.options.cycle ? { cycle: ctx.options.cycle } : {}),
    });
  } catch (e) {
    if (e instanceof NotAReviewError) throw new FileProblem(`${e.message} Nothing was written; list only review workbooks after the plan.`);
    throw e;
  }
  ctx.progress(`Writing ${result.plan.tabs.map((t) => t.name).join(', ')}…`);
  await host.apply(result.plan);
  await host.save(planPath);

  const parts: PlanPart[] = ['Delivery', 'Partnership'];
  if (ctx.options.json) {
    ctx.io.out(
      JSON.stringify(
        {
          plan: planPath,
          created: result.created,
          sources: result.sources,
          notGiven: result.notGiven,
          part1Delivery: result.rows.Delivery,
          part2Partnership: result.rows.Partnership,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const { io } = ctx;
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const all = parts.flatMap((p) => result.rows[p]);
  io.out(
    `${result.created ? 'Created' : 'Updated'} ${planPath}: Part 1 Delivery ${n(result.rows.Delivery.length, 'row')}, Part 2 Partnership ${n(result.rows.Partnership.length, 'row')}, from ${n(result.sources.length, 'review')}.`,
  );
  for (const s of result.sources)
    io.out(
      `  ${s.label} (${s.framework}${s.cycle ? `, ${s.cycle}` : ''}): ${n(s.rows, 'row')}${s.drafted ? ' drafted now (its Improvement Plan has no rows yet; summarise it to keep them there)' : ''}`,
    );
  const edited = all.filter((r) => r.origin === 'edited').length;
  const added = all.filter((r) => r.origin === 'added').length;
  const gone = all.filter((r) => r.sourceStillWeak === false).length;
  if (edited + added > 0)
    io.out(`Kept as people left them: ${n(edited, 'edited row')}, ${n(added, 'row')} added by hand (see "Source status").`);
  if (gone > 0) io.out(`${n(gone, 'row')} whose source has gone: kept and flagged in "Source status", never deleted.`);
  if (result.notGiven.length > 0) io.out(`Not given this time (their rows are kept as they were): ${result.notGiven.join(', ')}.`);
  return 0;
}
