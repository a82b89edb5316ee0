/**
 * Checking a review (issue #2, "Validation"). Every problem says where it is and how to fix it, in plain en-GB.
 *
 * Errors (the entry cannot be used as it is): scores that are not on the scale or not a score at all, partnerships
 * not listed on Review Settings, register scores not on their scale, traffic-light ratings that are not
 * Red/Amber/Green (High/Moderate/Low also accepted), dates that cannot be read.
 * Warnings (the review can still be summarised): the same respondent twice (name and partnership, ignoring case and
 * spaces; the second row is pointed at), a row with answers but no name, no partnership when the review holds
 * several, a score given without the evidence the item requires, a required register cell left blank, and, for
 * frameworks with in-depth reviews, a section due for one and not chosen this cycle.
 */
import type { Framework, RegisterColumn } from '../framework/schema.js';
import type { CellRef, CellValue, FieldEntry, ReviewData, Response } from '../review/types.js';
import type { Problem } from './types.js';
import { isBlank, parseScore } from '../scoring/parse-score.js';
import { describeScaleEntry, listWithOr, scaleById, scaleForItem } from '../scoring/scale.js';
import { parseRag } from '../scoring/register.js';
import { nameKey } from '../scoring/names.js';
import { cellLabel } from '../util/a1.js';
import { cycleStartYear, formatDateUk, parseDate } from '../util/dates.js';

const SETTINGS_TAB = 'Review Settings';

function shown(v: CellValue | undefined): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v ?? '').trim();
}

/** The message for a score that is not on the scale. */
export function invalidScoreMessage(raw: string, scaleText: string): { code: string; message: string } {
  const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw.trim());
  return numeric
    ? { code: 'score.out-of-scale', message: `“${raw}” is not on the scale. ${scaleText}` }
    : { code: 'score.not-recognised', message: `“${raw}” is not a score. ${scaleText}` };
}

function hasAnyEntry(r: Response): boolean {
  return Object.values(r.answers).some((f) => Object.values(f).some((e) => e && !isBlank(e.value)));
}

function responseProblems(framework: Framework, data: ReviewData): Problem[] {
  const problems: Problem[] = [];
  const items = framework.sections.flatMap((s) => s.items);
  const known = new Map(data.settings.partnerships.map((p) => [nameKey(p), p]));
  const firstSeen = new Map<string, Response>();
  const severalPartnerships = framework.multiplePartnerships && data.settings.partnerships.length > 1;

  for (const r of data.responses) {
    const answered = hasAnyEntry(r);
    const who = r.respondent.trim();
    const ctx = who ? { respondent: who } : {};

    if (answered && who === '') {
      problems.push({
        severity: 'warning',
        code: 'respondent.no-name',
        at: r.at,
        message:
          'This row has answers but no respondent name. Enter the name (or a label such as “Respondent 4”) so that duplicates can be spotted.',
      });
    }
    if (who !== '') {
      const key = `${nameKey(who)}\u0000${nameKey(r.partnership)}`;
      const first = firstSeen.get(key);
      // two imported responses: core/validation/identity.ts says whether they are one response twice or two people
      if (first && !(first.importId && r.importId)) {
        const where = r.partnership.trim() ? ` for ${r.partnership.trim()}` : '';
        problems.push({
          ...ctx,
          severity: 'warning',
          code: 'respondent.duplicate',
          at: r.at,
          message: `“${who}”${where} already has a row at ${cellLabel(first.at)}. If it is the same person, keep one row and clear the other; if it is someone else with the same name, add an initial or their organisation to tell them apart.`,
        });
      } else firstSeen.set(key, r);
    }

    const pAt = r.partnershipAt ?? r.at;
    if (r.partnership.trim() !== '' && known.size > 0 && !known.has(nameKey(r.partnership))) {
      problems.push({
        ...ctx,
        severity: 'error',
        code: 'partnership.unknown',
        at: pAt,
        field: 'partnership',
        message: `“${r.partnership.trim()}” is not one of the partnerships on ${SETTINGS_TAB} (${listWithOr([...known.values()])}). Choose one of those, or add it to the list on ${SETTINGS_TAB}.`,
      });
    } else if (r.partnership.trim() === '' && answered && severalPartnerships) {
      problems.push({
        ...ctx,
        severity: 'warning',
        code: 'partnership.missing',
        at: pAt,
        field: 'partnership',
        message: `No partnership given, so these answers count only in the whole-review figures. Choose the partnership (${listWithOr([...known.values()])}).`,
      });
    }

    for (const item of items) {
      if (!item.fields.includes('score')) continue;
      const scale = scaleForItem(framework, item);
      const entry = r.answers[item.id]?.score;
      if (!entry) continue;
      const p = parseScore(entry.value, scale);
      if (p.kind === 'invalid') {
        problems.push({
          ...ctx,
          severity: 'error',
          ...invalidScoreMessage(p.raw, describeScaleEntry(scale)),
          at: entry.at,
          itemId: item.id,
          field: 'score',
        });
      } else if (p.kind === 'score' && item.evidenceRequired && item.fields.includes('evidence')) {
        const ev = r.answers[item.id]?.evidence;
        if (!ev || isBlank(ev.value)) {
          problems.push({
            ...ctx,
            severity: 'warning',
            code: 'evidence.missing',
            at: ev?.at ?? entry.at,
            itemId: item.id,
            field: 'evidence',
            message: `A score is given for ${item.id} but no evidence. Enter the evidence that demonstrates this standard (documents, minutes, figures), or clear the score until there is some.`,
          });
        }
      }
    }
  }
  return problems;
}

function cellProblems(
  framework: Framework,
  columns: RegisterColumn[],
  cells: Record<string, FieldEntry>,
  rowAt: CellRef,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const col of columns) {
    const e = cells[col.id];
    const v = e?.value;
    const at = e?.at ?? rowAt;
    if (isBlank(v)) {
      if (col.required) {
        problems.push({
          severity: 'warning',
          code: 'register.required',
          at,
          field: col.id,
          message: `“${col.header}” is empty. Fill it in: this column is needed for every row.`,
        });
      }
      continue;
    }
    if (col.type === 'score' && col.scale) {
      const scale = scaleById(framework, col.scale);
      const p = parseScore(v, scale);
      if (p.kind === 'invalid') {
        const m = invalidScoreMessage(p.raw, describeScaleEntry(scale));
        problems.push({ severity: 'error', code: `register.${m.code}`, at, field: col.id, message: `${col.header}: ${m.message}` });
      }
    } else if (col.type === 'rag') {
      if (parseRag(v).kind === 'invalid') {
        problems.push({
          severity: 'error',
          code: 'register.rag-invalid',
          at,
          field: col.id,
          message: `${col.header}: “${shown(v)}” is not a traffic-light rating. Enter Red, Amber or Green (High, Moderate and Low are also accepted).`,
        });
      }
    } else if (col.type === 'date') {
      if (parseDate(v) === null) {
        problems.push({
          severity: 'error',
          code: 'register.bad-date',
          at,
          field: col.id,
          message: `${col.header}: “${shown(v)}” is not a date. Enter it as dd/mm/yyyy, for example ${formatDateUk(today)}.`,
        });
      }
    }
  }
  return problems;
}

function registerProblems(framework: Framework, data: ReviewData, today: string): Problem[] {
  const reg = framework.register;
  if (!reg) return [];
  const problems: Problem[] = [];
  const groupCols = new Set(reg.columns.filter((c) => c.type === 'group').map((c) => c.id));
  for (const row of data.register) {
    const content = Object.entries(row.cells).some(([id, e]) => !groupCols.has(id) && !isBlank(e?.value));
    if (content) problems.push(...cellProblems(framework, reg.columns, row.cells, row.at, today));
  }
  if (reg.groupSummary) {
    const summaryGroupCols = new Set(reg.groupSummary.columns.filter((c) => c.type === 'group').map((c) => c.id));
    for (const row of data.groupSummaries) {
      const content = Object.entries(row.cells).some(([id, e]) => !summaryGroupCols.has(id) && !isBlank(e?.value));
      if (content) problems.push(...cellProblems(framework, reg.groupSummary.columns, row.cells, row.at, today));
    }
  }
  return problems;
}

function inDepthProblems(framework: Framework, data: ReviewData): Problem[] {
  const every = framework.inDepth?.everyYears;
  if (!every) return [];
  const s = data.settings;
  const year = cycleStartYear(s.cycle);
  const problems: Problem[] = [];
  const chosen = new Set(s.inDepthSections.map(nameKey).filter((k) => k !== ''));
  const sectionKeys = new Set(framework.sections.flatMap((x) => [nameKey(x.id), nameKey(x.title)]));
  for (const c of s.inDepthSections) {
    if (nameKey(c) !== '' && !sectionKeys.has(nameKey(c))) {
      problems.push({
        severity: 'warning',
        code: 'in-depth.unknown-section',
        at: null,
        message: `“${c.trim()}” is chosen for in-depth review on ${SETTINGS_TAB} but is not one of this framework's criteria (${listWithOr(framework.sections.map((x) => x.title))}). Correct the name.`,
      });
    }
  }
  if (year === null) {
    problems.push({
      severity: 'warning',
      code: 'settings.cycle',
      at: null,
      message: `The cycle “${s.cycle}” has no year, so in-depth reviews cannot be checked. Enter the cycle on ${SETTINGS_TAB} with its year, for example 2026/27.`,
    });
    return problems;
  }
  // An empty choice means every section is reviewed in depth this cycle.
  if (chosen.size === 0) return problems;
  for (const sec of framework.sections) {
    if (chosen.has(nameKey(sec.id)) || chosen.has(nameKey(sec.title))) continue;
    const last = s.lastInDepth[sec.id] ?? null;
    const at = s.lastInDepthAt?.[sec.id] ?? null;
    if (last === null) {
      problems.push({
        severity: 'warning',
        code: 'in-depth.unknown',
        at,
        itemId: sec.id,
        message: `There is no record of when “${sec.title}” was last reviewed in depth. Each criterion must be reviewed in depth at least once every ${every} years: choose it for in-depth review this cycle, or enter the year of its last in-depth review, on ${SETTINGS_TAB}.`,
      });
    } else if (year - last >= every) {
      problems.push({
        severity: 'warning',
        code: 'in-depth.due',
        at,
        itemId: sec.id,
        message: `“${sec.title}” was last reviewed in depth in ${last}, ${year - last} years before this cycle. Each criterion must be reviewed in depth at least once every ${every} years: choose it for in-depth review this cycle on ${SETTINGS_TAB}.`,
      });
    }
  }
  return problems;
}

/** All problems of a review, in reading order: entry tab, registers, settings. `today` is ISO YYYY-MM-DD. */
export function validateReview(framework: Framework, data: ReviewData, today: string): Problem[] {
  return [...responseProblems(framework, data), ...registerProblems(framework, data, today), ...inDepthProblems(framework, data)];
}
