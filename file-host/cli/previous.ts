/**
 * `--previous <last-review.xlsx>`: last cycle's workbook read as the previous review (issue #11). The review itself
 * is refused before anything is read into a comparison: the same path (also through a link), or a file with the
 * same bytes (a copy); a copy saved since is refused by core (the same review id in PR_Meta), as is a review of
 * another framework.
 */
import { stat } from 'node:fs/promises';
import { NotAReviewError } from '../../core/operations/types.js';
import { previousFromSnapshot } from '../../core/operations/previous.js';
import { readReviewSnapshot } from '../../core/operations/run.js';
import type { PreviousReview } from '../../core/review/types.js';
import { FileProblem, readExisting } from '../file-safety.js';
import { XlsxHost } from '../xlsx-host.js';
import type { CommandContext } from './context.js';

export async function readPreviousReview(ctx: CommandContext, review: string): Promise<PreviousReview | null> {
  const path = ctx.options.previous;
  if (!path) return null;
  const [a, b] = await Promise.all([readExisting(review, 'workbook'), readExisting(path, 'workbook')]);
  const [sa, sb] = await Promise.all([stat(review), stat(path)]);
  if ((sa.dev === sb.dev && sa.ino === sb.ino) || a.equals(b)) {
    throw new FileProblem(
      `${path} is ${sa.ino === sb.ino && sa.dev === sb.dev ? 'the review itself' : 'a copy of the review itself'} (${review}), not last cycle's review, so it was not compared and nothing was written. Give last cycle's workbook with --previous.`,
    );
  }
  ctx.progress(`Reading the previous review ${path}…`);
  try {
    return previousFromSnapshot(await readReviewSnapshot(await XlsxHost.open(path)));
  } catch (e) {
    if (e instanceof NotAReviewError)
      throw new FileProblem(`${path} (given with --previous) is not a Partnership Review workbook: ${e.message} Nothing was written.`);
    throw e;
  }
}
