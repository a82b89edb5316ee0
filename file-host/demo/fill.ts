/**
 * Typing a demo review into a newly created workbook, as a person would: respondents' answers on Responses, the
 * agreed free text on Workshop Notes, rows on the register tabs. Columns are found through each tab's hidden key
 * row (layout version 1), so the demo follows whatever layout the core builds.
 */
import type { Framework } from '../../core/framework/schema.js';
import type { Host, TabSnapshot } from '../../core/host/types.js';
import type { CellValue } from '../../core/review/types.js';
import type { Block, SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';
import { ENTRY_ROWS, TAB, TABLE_ROWS } from '../../core/sheet-plan/layout.js';
import type { DemoReview } from './types.js';

function updateTab(name: string, blocks: Block[]): TabPlan {
  return {
    name,
    role: 'entry',
    mode: 'update',
    blocks,
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

function keyColumns(tab: TabSnapshot, keyRow: number): Map<string, number> {
  const out = new Map<string, number>();
  (tab.values[keyRow - 1] ?? []).forEach((v, i) => {
    if (typeof v === 'string' && v !== '') out.set(v, i + 1);
  });
  return out;
}

function cell(row: number, col: number, v: CellValue): Block {
  return { row, col, owner: 'input', cells: [[{ v }]] };
}

function findRow(tab: TabSnapshot, fromRow: number, col: number, value: string): number | null {
  for (let r = fromRow; r <= tab.values.length; r++) {
    const v = tab.values[r - 1]?.[col - 1];
    if (typeof v === 'string' && v.trim().toLowerCase() === value.toLowerCase()) return r;
  }
  return null;
}

function need(tab: TabSnapshot | undefined, name: string): TabSnapshot {
  if (!tab) throw new Error(`the new workbook has no "${name}" tab to fill in`);
  return tab;
}

/** Type `demo` into the workbook `host` holds (created from `framework` a moment ago). */
export async function fillDemo(host: Host, framework: Framework, demo: DemoReview): Promise<void> {
  const names = [TAB.entry, TAB.notes, framework.register?.tab, framework.register?.groupSummary?.tab].filter((n): n is string =>
    Boolean(n),
  );
  const snap = await host.read({ tabs: names });
  const tabs: TabPlan[] = [];

  if (demo.respondents.length > 0) {
    const entry = need(snap.tabs[TAB.entry], TAB.entry);
    const keys = keyColumns(entry, ENTRY_ROWS.key);
    const nameCol = keys.get('respondent');
    if (!nameCol) throw new Error(`${TAB.entry} has no respondent column in its key row`);
    const blocks: Block[] = [];
    let next = Math.max(entry.values.length + 1, ENTRY_ROWS.firstData);
    for (const r of demo.respondents) {
      const row = findRow(entry, ENTRY_ROWS.firstData, nameCol, r.respondent) ?? next++;
      const fields: Record<string, CellValue> = {
        respondent: r.respondent,
        partnership: r.partnership,
        organisation: r.organisation,
        ...r.answers,
      };
      for (const [key, value] of Object.entries(fields)) {
        const col = keys.get(key);
        if (col === undefined) throw new Error(`${TAB.entry} has no column for "${key}"`);
        blocks.push(cell(row, col, value));
      }
    }
    tabs.push(updateTab(TAB.entry, blocks));
  }

  if (Object.keys(demo.notes).length > 0) {
    const notes = need(snap.tabs[TAB.notes], TAB.notes);
    const keys = keyColumns(notes, TABLE_ROWS.key);
    const sectionCol = keys.get('section');
    if (!sectionCol) throw new Error(`${TAB.notes} has no section column in its key row`);
    const blocks: Block[] = [];
    for (const [sectionId, text] of Object.entries(demo.notes)) {
      const row = findRow(notes, TABLE_ROWS.firstData, sectionCol, sectionId);
      if (row === null) throw new Error(`${TAB.notes} has no row for "${sectionId}"`);
      for (const [key, value] of Object.entries(text)) {
        const col = keys.get(key);
        if (col !== undefined && value) blocks.push(cell(row, col, value));
      }
    }
    tabs.push(updateTab(TAB.notes, blocks));
  }

  const reg = framework.register;
  if (reg && demo.register.length > 0) {
    const tab = need(snap.tabs[reg.tab], reg.tab);
    const keys = keyColumns(tab, TABLE_ROWS.key);
    // typed as a fresh table from the first row, theme by theme (over the rows the new workbook offers, each
    // with only its theme filled in)
    const blocks: Block[] = [];
    demo.register.forEach((record, i) => {
      const row = TABLE_ROWS.firstData + i;
      for (const [key, value] of Object.entries(record)) {
        const col = keys.get(key);
        if (col === undefined) throw new Error(`${reg.tab} has no column for "${key}"`);
        blocks.push(cell(row, col, value));
      }
    });
    tabs.push(updateTab(reg.tab, blocks));

    const gs = reg.groupSummary;
    if (gs && Object.keys(demo.groupSummary).length > 0) {
      const sum = need(snap.tabs[gs.tab], gs.tab);
      const sk = keyColumns(sum, TABLE_ROWS.key);
      const gCol = sk.get(gs.columns.find((c) => c.type === 'group')?.id ?? 'group');
      if (!gCol) throw new Error(`${gs.tab} has no group column in its key row`);
      let nextRow = Math.max(sum.values.length + 1, TABLE_ROWS.firstData);
      const sblocks: Block[] = [];
      for (const [group, record] of Object.entries(demo.groupSummary)) {
        let row = findRow(sum, TABLE_ROWS.firstData, gCol, group);
        if (row === null) {
          row = nextRow++;
          sblocks.push(cell(row, gCol, group));
        }
        for (const [key, value] of Object.entries(record)) {
          const col = sk.get(key);
          if (col !== undefined) sblocks.push(cell(row, col, value));
        }
      }
      tabs.push(updateTab(gs.tab, sblocks));
    }
  }

  const plan: SheetPlan = { tabs, namedRanges: [] };
  await host.apply(plan);
}

/** After the first summary: the group names a key contact and lead agency for every drafted action that has none. */
export async function fillPlanContacts(host: Host, demo: DemoReview): Promise<number> {
  const snap = await host.read({ tabs: [TAB.plan] });
  const tab = snap.tabs[TAB.plan];
  if (!tab) return 0;
  const keys = keyColumns(tab, TABLE_ROWS.key);
  const actionCol = keys.get('action');
  const contactCol = keys.get('keyContact');
  const agencyCol = keys.get('leadAgency');
  if (!actionCol || !contactCol || !agencyCol) return 0;
  const blocks: Block[] = [];
  for (let r = TABLE_ROWS.firstData; r <= tab.values.length; r++) {
    const row = tab.values[r - 1] ?? [];
    if (row[actionCol - 1] === null || row[actionCol - 1] === undefined) continue;
    if (row[contactCol - 1] === null) blocks.push(cell(r, contactCol, demo.planContacts.keyContact));
    if (row[agencyCol - 1] === null) blocks.push(cell(r, agencyCol, demo.planContacts.leadAgency));
  }
  if (blocks.length > 0) await host.apply({ tabs: [{ ...updateTab(TAB.plan, blocks), role: 'plan' }], namedRanges: [] });
  return blocks.length;
}
