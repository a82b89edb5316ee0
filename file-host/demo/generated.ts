/**
 * A believable filled-in review for any framework, generated from a fixed seed (the same workbook every run):
 * some items strong, some weak, some where partners disagree; a few "Don't know" and blanks; comments that fit
 * the score; register rows and theme reviews for the tracker and risk frameworks.
 */
import type { Framework, Item, Scale } from '../../core/framework/schema.js';
import type { CellValue } from '../../core/review/types.js';
import { registerColumns } from '../../core/sheet-plan/layout.js';
import { addDays, isoToSerial } from '../../core/util/dates.js';
import { SeededRandom } from './seeded-random.js';
import { COMMENTS, EVIDENCE, OPEN_ANSWERS, ORGANISATIONS, PROGRESS, REGISTER_TEXT, STAGE_2_TEXT } from './phrases.js';
import {
  ACHIEVEMENT_COLUMN_ID,
  CONFIRMED_COLUMN_ID,
  KEY_ACTIONS_COLUMN_ID,
  SUPPORT_NEEDED_COLUMN_ID,
  WHY_NOT_MET_COLUMN_ID,
} from '../../core/scoring/register.js';
import type { DemoRespondent, DemoReview } from './types.js';

export const DEMO_SEED = 20080222;

/** The partnership a seed's framework came from (seed 001: the cross-cutting partnerships it names). */
function partnershipsFor(framework: Framework): string[] {
  const seed = framework.source.seed.slice(0, 3);
  if (framework.multiplePartnerships) {
    return seed === '001'
      ? ['Community Safety Partnership', 'Economic Development Partnership', 'Safeguarding Partnership']
      : ['Partnership A', 'Partnership B', 'Partnership C'];
  }
  if (seed === '001') return ['Rochford District LSP'];
  if (seed === '002') return ['Cheshire East LSP'];
  if (['000', '003', '004'].includes(seed)) return ['Kensington and Chelsea Partnership'];
  return ['Our partnership'];
}

function scaleFor(framework: Framework, item: Item): Scale {
  return framework.scales.find((s) => s.id === (item.scale ?? framework.defaultScale)) ?? framework.scales[0]!;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function band(fraction: number): keyof typeof COMMENTS {
  return fraction < 0.4 ? 'low' : fraction < 0.75 ? 'mid' : 'high';
}

/** How an item tends to be rated: a level (0 = weakest point, 1 = strongest) and whether views split. */
interface Tendency {
  level: number;
  divided: boolean;
}

function respondentsFor(framework: Framework, rnd: SeededRandom, partnerships: string[]): DemoRespondent[] {
  const perPartnership = partnerships.length > 1 ? 4 : 8;
  const out: DemoRespondent[] = [];
  let n = 0;
  for (const partnership of partnerships) {
    for (let i = 0; i < perPartnership; i++) {
      n++;
      out.push({ respondent: `Participant ${n}`, partnership, organisation: ORGANISATIONS[(n - 1) % ORGANISATIONS.length]!, answers: {} });
    }
  }
  // Most things a partnership does reasonably well; some it does badly (about a third of a short framework, an
  // eighth of a long one); on a few, partners disagree.
  const items = framework.sections.flatMap((s) => s.items.map((i) => i.id));
  const order = items
    .map((id) => ({ id, key: rnd.next() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.id);
  const weak = Math.max(1, Math.round(items.length * (items.length > 20 ? 0.12 : 0.3)));
  const divided = Math.max(1, Math.round(items.length * 0.06));
  const tendencies = new Map<string, Tendency>();
  order.forEach((id, i) => {
    if (i < weak) tendencies.set(id, { level: 0.1 + rnd.next() * 0.4, divided: false });
    else if (i < weak + divided && i < items.length - 1) tendencies.set(id, { level: 0.5, divided: true });
    else tendencies.set(id, { level: 0.8 + rnd.next() * 0.2, divided: false });
  });
  const leniency = out.map(() => rnd.normal() * 0.1);
  const tags = framework.themeTags?.tags ?? [];
  out.forEach((r, ri) => {
    for (const section of framework.sections) {
      for (const item of section.items) {
        const t = tendencies.get(item.id)!;
        let fraction = 0.5;
        // the score first: the comment and the evidence depend on it
        const fields = [...item.fields].sort((a, b) => Number(b === 'score') - Number(a === 'score'));
        for (const field of fields) {
          const key = `${item.id}|${field}`;
          if (field === 'score') {
            const scale = scaleFor(framework, item);
            if (rnd.chance(0.03)) continue; // left blank
            if (scale.notScored.length > 0 && rnd.chance(0.04)) {
              r.answers[key] = scale.notScored[0]!;
              continue;
            }
            const base = t.divided ? (ri % 2 === 0 ? 0.1 : 0.9) : t.level;
            fraction = clamp01(base + leniency[ri]! + rnd.normal() * 0.12);
            const point = scale.points[Math.round(fraction * (scale.points.length - 1))]!;
            r.answers[key] = point.value;
          } else if (field === 'comment') {
            if (rnd.chance(0.45)) r.answers[key] = rnd.pick(COMMENTS[band(fraction)]);
          } else if (field === 'evidence') {
            // evidence goes with a score where the framework asks for it
            const scored = typeof r.answers[`${item.id}|score`] === 'number';
            if ((item.evidenceRequired && scored) || rnd.chance(0.75)) r.answers[key] = rnd.pick(EVIDENCE);
          } else if (field === 'progress') {
            if (rnd.chance(0.65)) r.answers[key] = rnd.pick(PROGRESS);
          } else if (field === 'answer') {
            if (rnd.chance(0.9)) r.answers[key] = rnd.pick(OPEN_ANSWERS);
          } else if (field === 'themes') {
            if (tags.length > 0 && r.answers[`${item.id}|answer`] !== undefined) {
              const first = rnd.pick(tags);
              const second = rnd.chance(0.35) ? rnd.pick(tags) : first;
              r.answers[key] = first === second ? first : `${first}; ${second}`;
            }
          }
        }
      }
    }
  });
  return out;
}

/** Risk exercise (seed 003): the seven scenarios the paper lists, the first rated high, the rest moderate. */
const RISK_SCENARIOS: Array<[scenario: string, theme: string]> = [
  ['Recognition of the partnership, local and regionally', 'Communication and relationships'],
  ['Ensuring a consistent approach to theme group structure', 'Governance'],
  ['Ensuring the LAA and Community Strategy links with other plans and strategies', 'Strategic'],
  ['Performance of the partnership within new CAA framework', 'Objectives'],
  ['Achieving LAA targets', 'Objectives'],
  ['Formal induction process to the partnership', 'Skills'],
  ['Individual partners engagement with the partnership', 'Stakeholders'],
];

function registerRows(framework: Framework, rnd: SeededRandom, today: string): DemoReview['register'] {
  const reg = framework.register;
  if (!reg) return [];
  const cols = registerColumns(reg.columns, reg.groupLabel);
  const rows: DemoReview['register'] = [];
  const groupKey = cols.find((c) => c.type === 'group')!.key;
  const risk = cols.some((c) => c.type === 'rag');
  const plan: Array<{ group: string; scenario?: string; rating?: string }> = [];
  if (risk) {
    RISK_SCENARIOS.forEach(([scenario, theme], i) => {
      const group = reg.groups.find((g) => g.toLowerCase() === theme.toLowerCase()) ?? reg.groups[i % reg.groups.length]!;
      plan.push({ group, scenario, rating: i === 0 ? 'Red' : 'Amber' });
    });
    plan.push({ group: reg.groups[3 % reg.groups.length]!, rating: 'Green' });
  } else {
    for (const group of reg.groups.slice(0, 5)) for (let k = 0; k < 2 + rnd.int(2); k++) plan.push({ group });
  }
  for (const p of plan) {
    const row: Record<string, CellValue> = { [groupKey]: p.group };
    for (const c of cols) {
      // stage 2 of the delivery review is written below, from the co-ordinators' scores
      if (c.key === groupKey || STAGE_2_KEYS.has(c.key)) continue;
      if (c.type === 'text') {
        if (c.key === 'scenario' && p.scenario) row[c.key] = p.scenario;
        else {
          const bank = REGISTER_TEXT[c.key];
          const text = bank ? rnd.pick(bank) : '';
          if (text) row[c.key] = text;
        }
      } else if (c.type === 'rag') {
        row[c.key] = p.rating ?? rnd.pick(['Red', 'Amber', 'Green']);
      } else if (c.type === 'score') {
        const scale = framework.scales.find((s) => s.id === c.scale) ?? framework.scales[0]!;
        const points = scale.points;
        const level = p.rating === 'Red' ? 0.85 : p.rating === 'Amber' ? 0.55 : p.rating === 'Green' ? 0.2 : rnd.next();
        row[c.key] = points[Math.round(clamp01(level + rnd.normal() * 0.15) * (points.length - 1))]!.value;
      } else if (c.type === 'flag') {
        if (rnd.chance(0.3)) row[c.key] = 'Yes';
      } else if (c.type === 'date') {
        row[c.key] = isoToSerial(addDays(today, -rnd.int(60)));
      }
    }
    rows.push(row);
  }
  if (cols.some((c) => c.key === CONFIRMED_COLUMN_ID)) championsStage(rows);
  return rows;
}

const STAGE_2_KEYS = new Set([CONFIRMED_COLUMN_ID, WHY_NOT_MET_COLUMN_ID, KEY_ACTIONS_COLUMN_ID, SUPPORT_NEEDED_COLUMN_ID]);

/**
 * Stage 2 of the delivery review (seed 004 annex A): the champions confirm most co-ordinators' scores as they are,
 * lower one (a co-ordinator's 3 or more to 2), raise one (a co-ordinator's 2 or less by two points), and leave the last
 * two rows for a later meeting (not yet confirmed); where the score that counts is 2 or less they say why and, for
 * the first two such rows, the key actions and support needed. Fixed choices, not random, so the demo always shows a
 * change each way.
 */
function championsStage(rows: DemoReview['register']): void {
  const num = (v: CellValue | undefined) => (typeof v === 'number' ? v : null);
  const lower = rows.findIndex((r) => (num(r[ACHIEVEMENT_COLUMN_ID]) ?? 0) >= 3);
  const raise = rows.findIndex((r) => (num(r[ACHIEVEMENT_COLUMN_ID]) ?? 9) <= 2);
  let weak = 0;
  rows.forEach((r, i) => {
    const coordinator = num(r[ACHIEVEMENT_COLUMN_ID]);
    if (coordinator === null || i >= rows.length - 2) return;
    const confirmed = i === lower ? 2 : i === raise ? Math.min(5, coordinator + 2) : coordinator;
    r[CONFIRMED_COLUMN_ID] = confirmed;
    if (confirmed > 2) return;
    r[WHY_NOT_MET_COLUMN_ID] = STAGE_2_TEXT.whyNotMet[weak % STAGE_2_TEXT.whyNotMet.length]!;
    if (weak < 2) {
      r[KEY_ACTIONS_COLUMN_ID] = STAGE_2_TEXT.keyActions[weak]!;
      r[SUPPORT_NEEDED_COLUMN_ID] = STAGE_2_TEXT.supportNeeded[weak]!;
    }
    weak++;
  });
}

function groupSummaries(framework: Framework, rows: DemoReview['register'], rnd: SeededRandom, today: string): DemoReview['groupSummary'] {
  const gs = framework.register?.groupSummary;
  if (!gs || !framework.register) return {};
  const groupKey = registerColumns(framework.register.columns, framework.register.groupLabel).find((c) => c.type === 'group')!.key;
  const groups = [...new Set(rows.map((r) => String(r[groupKey])))];
  const out: DemoReview['groupSummary'] = {};
  for (const group of groups) {
    const row: Record<string, CellValue> = {};
    for (const c of gs.columns) {
      if (c.type === 'group') continue;
      if (c.type === 'date') row[c.id] = isoToSerial(addDays(today, -7 - rnd.int(21)));
      else if (c.type === 'text') {
        const bank = REGISTER_TEXT[c.id] ?? (c.id === 'action' ? REGISTER_TEXT['action'] : undefined);
        if (bank) row[c.id] = rnd.pick(bank);
      }
    }
    out[group] = row;
  }
  return out;
}

/** A generated, filled-in review for `framework`. */
export function generatedReview(framework: Framework, opts: { cycle: string; today: string; seed?: number }): DemoReview {
  const rnd = new SeededRandom(opts.seed ?? DEMO_SEED);
  const partnerships = partnershipsFor(framework);
  const respondents = framework.sections.length > 0 ? respondentsFor(framework, rnd, partnerships) : [];
  const notes: DemoReview['notes'] = {};
  if (framework.sectionFreeText.length > 0) {
    for (const s of framework.sections) {
      notes[s.id] = {
        strengths: rnd.pick(COMMENTS.high),
        areasForImprovement: rnd.pick(COMMENTS.low),
      };
    }
  }
  const register = registerRows(framework, rnd, opts.today);
  return {
    frameworkId: framework.id,
    cycle: opts.cycle,
    partnerships,
    respondents,
    notes,
    register,
    groupSummary: groupSummaries(framework, register, rnd, opts.today),
    planContacts: { keyContact: 'Partnership manager', leadAgency: partnerships[0]! },
    about: `Generated example for "${framework.title}" (random numbers from ${opts.seed ?? DEMO_SEED}, the same every run): illustrative participants, scores and comments.`,
  };
}
