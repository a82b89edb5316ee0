/** A finished review workbook as the "previous review" of the next cycle: its item and section means. */
import type { Snapshot } from '../host/types.js';
import type { PreviousReview } from '../review/types.js';
import { scoreReview } from '../scoring/score-review.js';
import { readReview } from '../reader/read-review.js';

export function previousFromSnapshot(snapshot: Snapshot): PreviousReview {
  const { framework, review } = readReview(snapshot);
  const report = scoreReview(framework, review.responses);
  const previous: PreviousReview = { cycle: review.settings.cycle, itemMeans: {}, sectionMeans: {} };
  for (const i of report.items) previous.itemMeans[i.id] = i.mean;
  for (const s of report.sections) previous.sectionMeans[s.id] = s.mean;
  return previous;
}
