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
import { lspPlanFlow, lspPlanLines, lspSources, type LspReviewInput } from '../../../core/operations/lsp-plan.js';
import { driveAsync } from '../../../core/operations/flow.js';
import { readReviewSnapshot } from '../../../core/operations/run.js';
import { NotAReviewError } from '../../../core/operations/types.js';
import { FileProblem, assertFolderExists, assertFolderWritable, readExisting } from '../../file-safety.js';
import { XlsxHost } from '../../xlsx-host.js';
import type { CommandContext } from '../context.js';
import { shellPath } from '../io.js';
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
  await assertFolderWritable(planPath);
  const planExists = await exists(planPath);
  const plan = planExists ? await identity(planPath, 'plan workbook') : null;
  const seen: Identity[] = [];
  for (const path of reviewPaths) {
    if (resolve(path) === resolve(planPath))
      throw new FileProblem(
        `${path} is the plan itself, not a review, so nothing was written. List the review workbooks after the plan: partnership-review plan ${shellPath(planPath)} <review.xlsx>…`,
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
  const names = labels(reviewPaths);
  const reviews: LspReviewInput[] = [];
  for (const [i, path] of reviewPaths.entries()) {
    ctx.progress(`Reading the review ${path}…`);
    reviews.push({ label: names[i]!, where: path, snapshot: await readReviewSnapshot(await XlsxHost.open(path)) });
  }
  let sources;
  try {
    sources = lspSources(reviews, ctx.today);
  } catch (e) {
    if (e instanceof NotAReviewError) throw new FileProblem(`${e.message} Nothing was written; list only review workbooks after the plan.`);
    throw e;
  }
  const opts = { today: ctx.today, planLabel: planPath, ...(ctx.options.cycle ? { cycle: ctx.options.cycle } : {}) };
  const { result } = await driveAsync(lspPlanFlow(sources, opts), host, ctx.onProgress);
  await host.save(planPath);

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
  for (const line of lspPlanLines(result, planPath)) ctx.io.out(line);
  return 0;
}
