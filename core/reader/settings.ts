/**
 * Review Settings back into `ReviewSettings`. Settings are found by their labels, so people may insert rows (and
 * columns before the labels): "Cycle", every "Partnership" row with a name in the column right of the label, and
 * the in-depth table (rows after the "Section id" header whose label column holds a section id). Layout 1 puts the
 * labels in column A; the label column is the one of the first few holding the most of them.
 */
import type { Framework } from '../framework/schema.js';
import type { TabSnapshot } from '../host/types.js';
import type { CellRef, ReviewSettings } from '../review/types.js';
import type { Problem } from '../validation/types.js';
import { nameKey } from '../scoring/names.js';
import { SETTINGS_LABELS } from '../sheet-plan/settings.js';
import { cell, isBlankValue, textOf } from './cells.js';

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓']);

function yearOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v)) return Number(v);
  return null;
}

/** Columns searched for the labels (layout 1: column A; people may insert a few columns before it). */
const LABEL_SCAN_COLS = 8;

/** The column holding most of the "Cycle", "Partnership" and "Section id" labels (the leftmost on a tie); 0 if none. */
export function labelColumn(tab: TabSnapshot): number {
  const labels = new Set([SETTINGS_LABELS.cycle, SETTINGS_LABELS.partnership, SETTINGS_LABELS.inDepthHeader].map(nameKey));
  let best = 0;
  let bestHits = 0;
  for (let c = 1; c <= LABEL_SCAN_COLS; c++) {
    let hits = 0;
    for (let r = 1; r <= tab.values.length; r++) if (labels.has(nameKey(textOf(cell(tab, r, c))))) hits++;
    if (hits > bestHits) {
      best = c;
      bestHits = hits;
    }
  }
  return best;
}

export function readSettings(
  tab: TabSnapshot | undefined,
  framework: Framework,
  fallbackCycle: string,
  problems: Problem[],
): ReviewSettings {
  const settings: ReviewSettings = {
    frameworkId: framework.id,
    cycle: fallbackCycle,
    partnerships: [],
    inDepthSections: [],
    lastInDepth: {},
  };
  if (!tab) return settings;
  const sections = new Map<string, string>();
  for (const s of framework.sections) {
    sections.set(nameKey(s.id), s.id);
    if (!sections.has(nameKey(s.title))) sections.set(nameKey(s.title), s.id);
  }
  const L = labelColumn(tab);
  if (L === 0) {
    if (tab.values.some((row) => row.some((v) => !isBlankValue(v)))) {
      problems.push({
        severity: 'warning',
        code: 'settings.unreadable',
        at: { sheet: tab.name, row: 1, col: 1 },
        message: `${tab.name} could not be read: no cell says “${SETTINGS_LABELS.cycle}” or “${SETTINGS_LABELS.partnership}”, so the cycle and partnerships were not read from it. Put the labels back (Undo, or version history), with each value in the cell to the right of its label.`,
      });
    }
    return settings;
  }
  const lastAt: Record<string, CellRef> = {};
  let inDepthTable = false;
  let cycleSeen = false;
  const seenPartnerships = new Set<string>();
  for (let r = 1; r <= tab.values.length; r++) {
    const label = nameKey(textOf(cell(tab, r, L)));
    if (label === '') continue;
    if (label === nameKey(SETTINGS_LABELS.inDepthHeader)) {
      inDepthTable = true;
      continue;
    }
    if (!inDepthTable && label === nameKey(SETTINGS_LABELS.cycle) && !cycleSeen) {
      cycleSeen = true;
      const v = textOf(cell(tab, r, L + 1)).trim();
      if (v !== '') settings.cycle = v;
      settings.cycleAt = { sheet: tab.name, row: r, col: L + 1 };
      continue;
    }
    if (!inDepthTable && label === nameKey(SETTINGS_LABELS.planAreas)) {
      const raw = cell(tab, r, L + 1);
      const at = { sheet: tab.name, row: r, col: L + 1 };
      const n = Number(textOf(raw).trim());
      if (isBlankValue(raw)) continue;
      if (Number.isInteger(n) && n >= 0 && n <= 1000) {
        settings.maxPlanAreas = n;
        settings.maxPlanAreasAt = at;
      } else {
        problems.push({
          severity: 'error',
          code: 'settings.bad-plan-areas',
          at,
          message: `“${textOf(raw).trim()}” is not a whole number. Type how many areas should get a drafted action, for example 6, or leave it blank for the default.`,
        });
      }
      continue;
    }
    if (!inDepthTable && label === nameKey(SETTINGS_LABELS.partnership)) {
      const v = textOf(cell(tab, r, L + 1)).trim();
      if (v !== '' && !seenPartnerships.has(nameKey(v))) {
        seenPartnerships.add(nameKey(v));
        settings.partnerships.push(v);
      }
      continue;
    }
    if (inDepthTable) {
      const id = sections.get(label);
      if (!id) continue;
      const choice = cell(tab, r, L + 2);
      if (!isBlankValue(choice) && YES.has(nameKey(textOf(choice)))) settings.inDepthSections.push(id);
      const lastCell = cell(tab, r, L + 3);
      lastAt[id] = { sheet: tab.name, row: r, col: L + 3 };
      const year = yearOf(lastCell);
      settings.lastInDepth[id] = year;
      if (year === null && !isBlankValue(lastCell)) {
        problems.push({
          severity: 'warning',
          code: 'settings.bad-year',
          at: lastAt[id],
          message: `“${textOf(lastCell).trim()}” is not a year. Type the year this section was last reviewed in depth, for example 2024, or leave it blank.`,
        });
      }
    }
  }
  if (Object.keys(lastAt).length > 0) settings.lastInDepthAt = lastAt;
  return settings;
}
