/**
 * Register tabs for record-style frameworks: Progress Tracker (delivery-tracker, seed 004 appendix 2) with its
 * Theme Review (appendix 3), and the Risk Register (risk-exercise, seed 003).
 * Rows: 1 title, 2 note, 3 headers, 4 hidden keys, 5… one row per entry (a row per group to start, then spare rows).
 */
import type { Framework } from '../framework/schema.js';
import { RAG_COLOURS, STYLE, blank, val } from './cells.js';
import { SPARE_ENTRY_ROWS, TABLE_ROWS, VALIDATION_SPARE_ROWS, formatNumber, registerColumns, type RegisterTableColumn } from './layout.js';
import { block, newTab, setWidth } from './tab.js';
import { notScoredLabels } from '../scoring/scale.js';
import type { PlanCell, TabPlan, ValidationRule } from './types.js';
import { settlePrint } from './print.js';

export const FLAG_CHOICES = ['Yes', 'No'];
export const RAG_CHOICES = ['Red', 'Amber', 'Green'];

function defaultWidth(c: RegisterTableColumn): number {
  if (c.width) return c.width;
  switch (c.type) {
    case 'text':
      return 32;
    case 'date':
      return 12;
    case 'group':
      return 22;
    default:
      return 11;
  }
}

function ruleFor(framework: Framework, c: RegisterTableColumn, groups: string[], groupLabel: string): ValidationRule | null {
  switch (c.type) {
    case 'group':
      return {
        kind: 'list',
        values: [...groups],
        strict: false,
        prompt: `Choose the ${groupLabel.toLowerCase()}.`,
        error: `Choose a ${groupLabel.toLowerCase()} from the list.`,
      };
    case 'score': {
      const scale = framework.scales.find((s) => s.id === c.scale);
      if (!scale) return null;
      const help = scale.points.map((p) => `${formatNumber(p.value)} = ${p.label}`).join('; ');
      return {
        kind: 'list',
        values: [...scale.points.map((p) => formatNumber(p.value)), ...notScoredLabels(scale)],
        strict: false,
        prompt: help,
        error: `Use a score from the list (${help}).`,
      };
    }
    case 'rag':
      return { kind: 'list', values: RAG_CHOICES, strict: false, prompt: 'Red, Amber or Green.', error: 'Choose Red, Amber or Green.' };
    case 'flag':
      return { kind: 'list', values: FLAG_CHOICES, strict: false, prompt: 'Yes or No.', error: 'Choose Yes or No.' };
    case 'date':
      return { kind: 'date', prompt: 'A date, day/month/year.', error: 'Type a date as dd/mm/yyyy.' };
    default:
      return null;
  }
}

interface TableSpec {
  name: string;
  title: string;
  note: string;
  columns: RegisterTableColumn[];
  /** pre-filled group per starting row */
  groups: string[];
  allGroups: string[];
  groupLabel: string;
  spare: number;
  protect: boolean;
}

function buildTable(framework: Framework, spec: TableSpec, role: TabPlan['role']): TabPlan {
  const tab = newTab(spec.name, role, 'create');
  tab.tabColour = '#70AD47';
  const R = TABLE_ROWS;
  const w = spec.columns.length;
  tab.blocks.push(
    block(1, 1, [[val(spec.title)], [val(spec.note)], spec.columns.map((c) => val(c.header)), spec.columns.map((c) => val(c.key))]),
  );
  const groupCol = spec.columns.find((c) => c.type === 'group')!.col;
  const rows: PlanCell[][] = [];
  for (const g of spec.groups) {
    const r: PlanCell[] = Array.from({ length: w }, () => blank);
    r[groupCol - 1] = val(g);
    rows.push(r);
  }
  for (let i = 0; i < spec.spare; i++) rows.push(Array.from({ length: w }, () => blank));
  tab.blocks.push(block(R.firstData, 1, rows, 'input'));
  const reach = rows.length + VALIDATION_SPARE_ROWS;
  tab.formats.push(
    { range: { row: R.title, col: 1, rows: 1, cols: 1 }, format: STYLE.title },
    { range: { row: R.note, col: 1, rows: 1, cols: 1 }, format: STYLE.note },
    { range: { row: R.header, col: 1, rows: 1, cols: w }, format: STYLE.header },
    { range: { row: R.key, col: 1, rows: 1, cols: w }, format: STYLE.key },
    { range: { row: R.firstData, col: 1, rows: rows.length, cols: w }, format: STYLE.input },
  );
  for (const c of spec.columns) {
    setWidth(tab, c.col, defaultWidth(c));
    const whole = { row: R.firstData, col: c.col, rows: reach, cols: 1 };
    if (c.type === 'text' || c.type === 'group')
      tab.formats.push({ range: whole, format: { wrap: true, vAlign: 'top', numberFormat: '@' } });
    else if (c.type === 'date') tab.formats.push({ range: whole, format: { numberFormat: 'dd/mm/yyyy', vAlign: 'top' } });
    else tab.formats.push({ range: whole, format: { hAlign: 'center', vAlign: 'top' } });
    const rule = ruleFor(framework, c, spec.allGroups, spec.groupLabel);
    if (rule) tab.validations.push({ range: whole, rule });
  }
  const ragCols = spec.columns.filter((c) => c.type === 'rag');
  for (const c of ragCols) {
    tab.conditionalFormats.push({
      range: { row: R.firstData, col: c.col, rows: reach, cols: 1 },
      rules: (['Green', 'Amber', 'Red'] as const).map((t) => ({ kind: 'textEquals' as const, text: t, format: { ...RAG_COLOURS[t] } })),
    });
  }
  tab.hiddenRows = [R.key];
  tab.rowHeights = [
    { row: R.key, height: 3 },
    {
      row: R.header,
      height: Math.min(120, 15 * Math.max(2, ...spec.columns.map((c) => Math.ceil(c.header.length / Math.max(6, defaultWidth(c)))))),
    },
  ];
  tab.freeze = { rows: R.key, cols: groupCol };
  if (spec.protect)
    tab.protection = {
      protect: true,
      editable: [{ row: R.firstData, col: 1, rows: reach, cols: w }],
      description: 'Header rows are protected; type in the rows below them and add rows as needed.',
    };
  // Printed legibly rather than shrunk to one page wide (issue #13: 18 columns at about 3 pt): the columns run on
  // across pages at full size, each page repeating the header row and the column that says which row it is (the
  // group: theme, risk theme); more title columns would leave room for only one other column a page.
  tab.print = {
    orientation: 'landscape',
    fitToWidth: false,
    titleRows: { from: R.header, to: R.header },
    titleColumns: { from: 1, to: groupCol },
  };
  settlePrint(tab);
  return tab;
}

export function registerTableColumns(framework: Framework): RegisterTableColumn[] {
  const reg = framework.register;
  return reg ? registerColumns(reg.columns, reg.groupLabel) : [];
}

export function groupSummaryTableColumns(framework: Framework): RegisterTableColumn[] {
  const reg = framework.register;
  const gs = reg?.groupSummary;
  return reg && gs ? registerColumns(gs.columns, reg.groupLabel) : [];
}

export function buildRegisterTab(framework: Framework, opts: { cycle: string; protect: boolean }): TabPlan {
  const reg = framework.register!;
  return buildTable(
    framework,
    {
      name: reg.tab,
      title: `${framework.title} (${opts.cycle})`,
      note: `One row per entry. Choose the ${reg.groupLabel.toLowerCase()}; add rows below as needed.`,
      columns: registerTableColumns(framework),
      groups: reg.groups,
      allGroups: reg.groups,
      groupLabel: reg.groupLabel,
      spare: SPARE_ENTRY_ROWS,
      protect: opts.protect,
    },
    'register',
  );
}

export function buildGroupSummaryTab(framework: Framework, opts: { cycle: string; protect: boolean }): TabPlan {
  const reg = framework.register!;
  const gs = reg.groupSummary!;
  return buildTable(
    framework,
    {
      name: gs.tab,
      title: `${framework.title}: review of each ${reg.groupLabel.toLowerCase()} (${opts.cycle})`,
      note: `One row per ${reg.groupLabel.toLowerCase()}.`,
      columns: groupSummaryTableColumns(framework),
      groups: reg.groups,
      allGroups: reg.groups,
      groupLabel: reg.groupLabel,
      spare: 0,
      protect: opts.protect,
    },
    'group-summary',
  );
}
