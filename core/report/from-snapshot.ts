/**
 * The report of a workbook as read: the summary model (exactly what `summarise --json` prints, from the same
 * `planSummary`) and the facts the report needs besides it. Pure: snapshot in, content out; nothing is written.
 */
import type { Snapshot } from '../host/types.js';
import { planSummary } from '../operations/summarise.js';
import type { SummaryModel } from '../operations/types.js';
import { readReview } from '../reader/read-review.js';
import type { PreviousReview, Response } from '../review/types.js';
import { nameKey } from '../scoring/names.js';
import { isBlank } from '../scoring/parse-score.js';
import { scoreReview } from '../scoring/score-review.js';
import { buildReportContent } from './content.js';
import type { ReportContent, ReportFacts } from './types.js';

function answered(r: Response): boolean {
  return Object.values(r.answers).some((fields) => Object.values(fields ?? {}).some((e) => e && !isBlank(e.value)));
}

/** Respondents with at least one entry, by organisation (as first spelt), most first, then by name. */
export function countByOrganisation(responses: Response[]): ReportFacts['byOrganisation'] {
  const counts = new Map<string, { organisation: string; respondents: number }>();
  for (const r of responses) {
    if (!answered(r)) continue;
    const name = r.organisation.trim() || 'Not given';
    const key = nameKey(name);
    const entry = counts.get(key) ?? { organisation: name, respondents: 0 };
    entry.respondents += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.respondents - a.respondents || a.organisation.localeCompare(b.organisation, 'en-GB'));
}

function partnershipNames(settings: string[], responses: Response[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of [...settings, ...responses.map((r) => r.partnership)]) {
    const k = nameKey(p);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(p.trim());
  }
  return out;
}

export function reportFromSnapshot(
  snapshot: Snapshot,
  opts: { today: string; previous?: PreviousReview | null; previousLabel?: string },
): { summary: SummaryModel; content: ReportContent } {
  const { summary } = planSummary(snapshot, opts);
  const { framework, review } = readReview(snapshot);
  const previous = opts.previous ?? review.previous;
  const facts: ReportFacts = {
    framework,
    partnerships: partnershipNames(review.settings.partnerships, review.responses),
    today: opts.today,
    byOrganisation: countByOrganisation(review.responses),
    comments: framework.sections.length > 0 ? scoreReview(framework, review.responses).comments : [],
    previousCycle: summary.comparison || summary.registerComparison ? previous?.cycle || null : null,
  };
  return { summary, content: buildReportContent({ summary, facts }) };
}
