/**
 * Review Settings back into `ReviewSettings`. Settings are found by their labels in column A, so people may insert
 * rows: "Cycle", every "Partnership" row with a name in column B, and the in-depth table (rows after the
 * "Section id" header whose column A is a section id).
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

export function readSettings(tab: TabSnapshot | undefined, framework: Framework, fallbackCycle: string, problems: Problem[]): ReviewSettings {
  const settings: ReviewSettings = { frameworkId: framework.id, cycle: fallbackCycle, partnerships: [], inDepthSections: [], lastInDepth: {} };
  if (!tab) return settings;
  const sections = new Map<string, string>();
  for (const s of framework.sections) {
    sections.set(nameKey(s.id), s.id);
    if (!sections.has(nameKey(s.title))) sections.set(nameKey(s.title), s.id);
  }
  const lastAt: Record<string, CellRef> = {};
  let inDepthTable = false;
  let cycleSeen = false;
  const seenPartnerships = new Set<string>();
  for (let r = 1; r <= tab.values.length; r++) {
    const label = nameKey(textOf(cell(tab, r, 1)));
    if (label === '') continue;
    if (label === nameKey(SETTINGS_LABELS.inDepthHeader)) {
      inDepthTable = true;
      continue;
    }
    if (!inDepthTable && label === nameKey(SETTINGS_LABELS.cycle) && !cycleSeen) {
      cycleSeen = true;
      const v = textOf(cell(tab, r, 2)).trim();
      if (v !== '') settings.cycle = v;
      settings.cycleAt = { sheet: tab.name, row: r, col: 2 };
      continue;
    }
    if (!inDepthTable && label === nameKey(SETTINGS_LABELS.partnership)) {
      const v = textOf(cell(tab, r, 2)).trim();
      if (v !== '' && !seenPartnerships.has(nameKey(v))) {
        seenPartnerships.add(nameKey(v));
        settings.partnerships.push(v);
      }
      continue;
    }
    if (inDepthTable) {
      const id = sections.get(label);
      if (!id) continue;
      const choice = cell(tab, r, 3);
      if (!isBlankValue(choice) && YES.has(nameKey(textOf(choice)))) settings.inDepthSections.push(id);
      const lastCell = cell(tab, r, 4);
      lastAt[id] = { sheet: tab.name, row: r, col: 4 };
      const year = yearOf(lastCell);
      settings.lastInDepth[id] = year;
      if (year === null && !isBlankValue(lastCell)) {
        problems.push({
          severity: 'warning',
          code: 'settings.bad-year',
          at: lastAt[id]!,
          message: `“${textOf(lastCell).trim()}” is not a year. Type the year this section was last reviewed in depth, for example 2024, or leave it blank.`,
        });
      }
    }
  }
  if (Object.keys(lastAt).length > 0) settings.lastInDepthAt = lastAt;
  return settings;
}
