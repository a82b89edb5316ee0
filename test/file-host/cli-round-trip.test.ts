/**
 * The command line end to end for every built-in framework: new → import (a Forms-style CSV) → check → summarise,
 * summarise twice gives the same workbook, and what people type into the Improvement Plan survives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import type { Framework } from '../../core/framework/schema.js';
import { TAB, TABLE_ROWS, registerColumns } from '../../core/sheet-plan/layout.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { fillDemo } from '../../file-host/demo/fill.js';
import type { DemoReview } from '../../file-host/demo/types.js';
import { cli, dumpWorkbook, type CellDump } from './cli-helpers.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-cli-'));
});
afterAll(() => cleanup());

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A Microsoft Forms-style export: two respondents, one scoring every item at the top of its scale, one at the
 *  bottom, with a comment (or evidence, or an answer) for each item. */
function formsCsv(f: Framework): string {
  const header: string[] = ['Id', 'Start time', 'Name', 'Partnership', 'Organisation'];
  const rows: Array<Array<string | number>> = [
    [1, '23/11/2026 09:00', 'Alex Example', 'Safer Streets Partnership', 'Council'],
    [2, '23/11/2026 09:05', 'Sam Sample', 'Safer Streets Partnership', '=HYPERLINK("http://example.invalid","x")'],
  ];
  for (const s of f.sections) {
    for (const item of s.items) {
      const scale = f.scales.find((x) => x.id === (item.scale ?? f.defaultScale))!;
      const top = scale.points[scale.points.length - 1]!.value;
      const bottom = scale.points[0]!.value;
      if (item.fields.includes('score')) {
        header.push(`${item.id} ${item.text}`);
        rows[0]!.push(top);
        rows[1]!.push(bottom);
      } else if (item.fields.includes('answer')) {
        header.push(`${item.id} ${item.text}`);
        rows[0]!.push('Better networking between partners');
        rows[1]!.push('Too much time spent on the LAA');
      }
      for (const field of ['comment', 'evidence'] as const) {
        if (!item.fields.includes(field)) continue;
        header.push(`${item.id} ${field}`);
        rows[0]!.push(`Strong on ${item.id}`);
        rows[1]!.push(field === 'comment' ? `+ weak on ${item.id}, see minutes` : 'Steering Group minutes');
      }
    }
  }
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Register rows typed by hand (delivery tracker, risk exercise), with the figures they must give. */
function registerDemo(f: Framework): DemoReview {
  const reg = f.register!;
  const cols = registerColumns(reg.columns, reg.groupLabel);
  const groupKey = cols.find((c) => c.type === 'group')!.key;
  const text = cols.find((c) => c.type === 'text')!.key;
  const score = cols.find((c) => c.type === 'score')?.key;
  const rag = cols.find((c) => c.type === 'rag')?.key;
  const [g1, g2] = [reg.groups[0]!, reg.groups[1]!];
  const row = (group: string, what: string, s?: number, r?: string) => ({
    [groupKey]: group,
    [text]: what,
    ...(score && s !== undefined && !rag ? { [score]: s } : {}),
    ...(rag && r ? { [rag]: r } : {}),
  });
  const register = rag
    ? [
        row(g1, 'Recognition of the partnership', undefined, 'Red'),
        row(g1, 'Achieving LAA targets', undefined, 'Amber'),
        row(g2, 'Induction of members', undefined, 'Green'),
      ]
    : [row(g1, 'Fear of crime', 5), row(g1, 'Burglary', 3), row(g2, 'Attainment at 16', 1)];
  return {
    frameworkId: f.id,
    cycle: '2026/27',
    partnerships: [],
    respondents: [],
    notes: {},
    register,
    groupSummary: {},
    planContacts: { keyContact: '', leadAgency: '' },
    about: '',
  };
}

async function planTable(path: string): Promise<{ keys: Map<string, number>; rows: Array<Array<unknown>> }> {
  const host = await XlsxHost.open(path);
  const tab = (await host.read({ tabs: [TAB.plan] })).tabs[TAB.plan]!;
  const keys = new Map<string, number>();
  (tab.values[TABLE_ROWS.key - 1] ?? []).forEach((v, i) => typeof v === 'string' && keys.set(v, i + 1));
  return { keys, rows: tab.values.slice(TABLE_ROWS.firstData - 1) };
}

function withoutRevision(d: Record<string, Record<string, CellDump>>): Record<string, Record<string, CellDump>> {
  const meta = { ...(d[TAB.meta] ?? {}) };
  // PR_Meta's revision is a write stamp: it counts every write, by design (layout preconditions)
  const revRow = Object.entries(meta).find(([, c]) => c.value === 'revision')?.[0];
  if (revRow) delete meta[revRow.replace(/^A/, 'B')];
  return { ...d, [TAB.meta]: meta };
}

describe.each(builtinFrameworks().map((f) => [f.id, f] as const))('%s: new → import → check → summarise', (id, f) => {
  const review = () => join(dir, `${id}.xlsx`);
  const scored = f.sections.flatMap((s) => s.items).filter((i) => i.fields.includes('score'));

  it('creates the workbook', async () => {
    const args = ['new', review(), '--framework', id, '--respondents', '3', '--cycle', '2026/27'];
    if (f.multiplePartnerships) args.push('--partnership', 'Safer Streets Partnership', '--partnership', 'Children and Young People');
    else args.push('--partnership', 'Safer Streets Partnership');
    const r = await cli(...args);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('partnership-review:'))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Created ${review()}`);
    expect((await XlsxHost.open(review())).tabNames()).toEqual(expect.arrayContaining([TAB.instructions, TAB.summary, TAB.plan, TAB.meta]));
  });

  it('imports a Forms-style export, or types register rows', async () => {
    if (f.sections.length > 0) {
      const csv = join(dir, `${id}-responses.csv`);
      await writeFile(csv, `\uFEFF${formsCsv(f)}`);
      const r = await cli('import', review(), csv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('2 respondents added (Alex Example, Sam Sample)');
      expect(r.stdout).not.toContain('Not imported');
    } else {
      const before = await readFile(review());
      const csv = join(dir, `${id}-responses.csv`);
      await writeFile(csv, 'Name,Anything\r\nAlex,1\r\n');
      const r = await cli('import', review(), csv);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n').at(-1)).toMatch(/^partnership-review: .*has no Responses tab to import into/);
      expect((await readFile(review())).equals(before)).toBe(true);
      const host = await XlsxHost.open(review());
      await fillDemo(host, f, registerDemo(f));
      await host.save(review());
    }
  });

  it('checks: errors first, then reminders under their own heading; exit 1 only for errors', async () => {
    const r = await cli('check', review(), '--quiet');
    const json = await cli('check', review(), '--json', '--quiet');
    const parsed = JSON.parse(json.stdout) as { clean: boolean; errors: unknown[]; reminders: unknown[]; problems: unknown[] };
    const lines = r.stdout.split('\n');
    const errors = parsed.errors.length;
    expect(lines[0]).toBe(errors === 0 ? 'No errors: every entry can be scored.' : `${errors} error${errors === 1 ? '' : 's'} to fix:`);
    expect(r.code).toBe(errors === 0 ? 0 : 1);
    expect(parsed.clean).toBe(errors === 0);
    expect(parsed.problems).toHaveLength(errors + parsed.reminders.length);
    const reminderHead = lines.findIndex((l) => l.startsWith('Reminders ('));
    const cellLines = lines.filter((l, i) => i > 0 && l !== '' && i !== reminderHead);
    expect(cellLines).toHaveLength(errors + parsed.reminders.length);
    for (const line of cellLines) expect(line).toMatch(/^([^!]+![A-Z]{1,3}\d+|Workbook): \S/);
    if (parsed.reminders.length > 0) expect(lines[reminderHead]).toBe(`Reminders (${parsed.reminders.length}), nothing wrong yet:`);
    expect(json.code).toBe(r.code);
  });

  it('summarises with --json: the hand-worked figures, numbers unrounded', async () => {
    const r = await cli('summarise', review(), '--json', '--quiet');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.framework).toBe(id);
    expect(s.respondents).toBe(f.sections.length > 0 ? 2 : 0);
    for (const item of scored) {
      const scale = f.scales.find((x) => x.id === (item.scale ?? f.defaultScale))!;
      const lo = scale.points[0]!.value;
      const hi = scale.points[scale.points.length - 1]!.value;
      const got = s.items.find((i: { id: string }) => i.id === item.id);
      // one score at each end of the scale; the third row ("Respondent 3", left empty) counts as missing
      expect(got).toMatchObject({
        n: 2,
        missing: 1,
        mean: (lo + hi) / 2,
        median: (lo + hi) / 2,
        min: lo,
        max: hi,
        percent: 50,
        rag: 'amber',
        divided: true,
      });
      expect(got.sd).toBeCloseTo((hi - lo) / Math.SQRT2, 12);
      expect(got.counts[String(lo)]).toBe(1);
      expect(got.counts[String(hi)]).toBe(1);
    }
    if (scored.length > 0) {
      expect(s.overall.percent).toBeCloseTo(50, 12);
      expect(s.overall.rag).toBe('amber');
      expect(s.strengths).toEqual([]);
      expect([...s.areasForImprovement].sort()).toEqual(scored.map((i) => i.id).sort());
    }
    if (f.register && f.kind === 'risk') {
      const g = f.register.groups;
      expect(s.risks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ theme: g[0], red: 1, amber: 1, green: 0 }),
          expect.objectContaining({ theme: g[1], red: 0, amber: 0, green: 1 }),
        ]),
      );
    }
    if (f.register && f.kind === 'tracker') {
      const g = f.register.groups;
      expect(s.tracker).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ theme: g[0], scored: 2, meanAchievement: 4, shareAchieved: 0.5 }),
          expect.objectContaining({ theme: g[1], scored: 1, meanAchievement: 1, shareAchieved: 0 }),
        ]),
      );
    }
    for (const row of s.plan) expect(row.source).toBe(row.sourceItems);
    expect(s.plan.length).toBeGreaterThan(0);
  });

  it('summarising again gives the same workbook, cell for cell and formula for formula', async () => {
    const first = withoutRevision(await dumpWorkbook(review()));
    const r = await cli('summarise', review(), '--quiet');
    expect(r.code).toBe(0);
    const second = withoutRevision(await dumpWorkbook(review()));
    expect(second).toEqual(first);
    const formulas = Object.values(second[TAB.summary] ?? {}).filter((c) => c.formula);
    if (scored.length > 0) expect(formulas.length).toBeGreaterThan(0);
  });

  it('keeps what people typed into the Improvement Plan, and rows they added', async () => {
    const before = await planTable(review());
    const col = (k: string) => before.keys.get(k)!;
    const firstRow = TABLE_ROWS.firstData;
    const lastRow = TABLE_ROWS.firstData + before.rows.filter((r) => r.some((v) => v !== null)).length - 1;
    // a person edits a drafted row and adds one of their own, in Excel
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(review())) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(TAB.plan)!;
    ws.getCell(firstRow, col('action')).value = 'Hold a half-day event on skill sharing by 31/03/2027; the KCP Manager to report back.';
    ws.getCell(firstRow, col('keyContact')).value = 'KCP Manager';
    ws.getCell(lastRow + 1, col('part')).value = 'Part 2 Partnership';
    ws.getCell(lastRow + 1, col('action')).value = '=Write an induction pack for new members';
    ws.getCell(lastRow + 1, col('keyContact')).value = 'Partnership Support Officer';
    await wb.xlsx.writeFile(review());

    const r = await cli('summarise', review(), '--quiet');
    expect(r.code).toBe(0);
    const after = await planTable(review());
    const a = (row: number, k: string) => after.rows[row - TABLE_ROWS.firstData]?.[after.keys.get(k)! - 1];
    expect(a(firstRow, 'action')).toBe('Hold a half-day event on skill sharing by 31/03/2027; the KCP Manager to report back.');
    expect(a(firstRow, 'keyContact')).toBe('KCP Manager');
    expect(a(lastRow + 1, 'action')).toBe('=Write an induction pack for new members');
    expect(a(lastRow + 1, 'keyContact')).toBe('Partnership Support Officer');
    expect(a(lastRow + 1, 'part')).toBe('Part 2 Partnership');
    // every other row a person did not touch is as it was
    for (let row = firstRow + 1; row <= lastRow; row++)
      expect(a(row, 'action')).toBe(before.rows[row - TABLE_ROWS.firstData]![col('action') - 1]);
  });
});
