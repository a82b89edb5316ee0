/** Merges across and print title columns in .xlsx files, and merges that cost time in proportion to their number. */
import { describe, expect, it } from 'vitest';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { sheetXml, zipText } from './helpers.js';

function listTab(rows: number, mode: TabPlan['mode'] = 'create'): TabPlan {
  return {
    name: 'Summary',
    role: 'summary',
    mode,
    blocks: [
      {
        row: 1,
        col: 1,
        owner: 'generated',
        cells: Array.from({ length: rows }, (_, i) => [{ v: `label ${i + 1}` }, { v: `text ${i + 1}` }]),
      },
    ],
    formats: [],
    columnWidths: [],
    merges: [{ row: 1, col: 2, rows, cols: 10, across: true }],
    validations: [],
    conditionalFormats: [],
    charts: [],
  };
}

describe('XlsxHost merges across', () => {
  it('saves one merged range per row and keeps every text', async () => {
    const host = XlsxHost.create();
    await host.apply({ tabs: [listTab(3)], namedRanges: [] });
    const bytes = await host.toBytes();
    const xml = await sheetXml(bytes, 'Summary');
    expect(xml.match(/<mergeCell ref="[^"]+"\/>/g)).toEqual([
      '<mergeCell ref="B1:K1"/>',
      '<mergeCell ref="B2:K2"/>',
      '<mergeCell ref="B3:K3"/>',
    ]);
    const again = await XlsxHost.fromBytes(bytes, 'summary.xlsx');
    expect((await again.read({ tabs: ['Summary'] })).tabs['Summary']!.values.map((r) => r[1])).toEqual(['text 1', 'text 2', 'text 3']);
  });

  // speed is measured in `npm run bench`, not asserted here (a loaded machine made this flaky): this checks the result
  it('merges, saves, opens and merges again 20,000 rows without stacking duplicates', async () => {
    const host = XlsxHost.create();
    await host.apply({ tabs: [listTab(20_000)], namedRanges: [] });
    const again = await XlsxHost.fromBytes(await host.toBytes(), 'summary.xlsx');
    await again.apply({ tabs: [listTab(20_000, 'update')], namedRanges: [] });
    const xml = await sheetXml(await again.toBytes(), 'Summary');
    expect(xml.match(/<mergeCell /g)).toHaveLength(20_000);
  }, 120_000);
});

describe('XlsxHost print titles', () => {
  it('repeats the title columns and rows on every printed page', async () => {
    const host = XlsxHost.create();
    await host.apply({
      tabs: [
        {
          ...listTab(2),
          name: 'Responses',
          merges: [],
          print: { orientation: 'landscape', fitToWidth: false, titleRows: { from: 1, to: 4 }, titleColumns: { from: 1, to: 1 } },
        },
      ],
      namedRanges: [],
    });
    const bytes = await host.toBytes();
    expect(await zipText(bytes, 'xl/workbook.xml')).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Responses&apos;!$A:$A,&apos;Responses&apos;!$1:$4</definedName>',
    );
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as InstanceType<typeof ExcelJS.Workbook>['xlsx'] extends { load(b: infer B): unknown } ? B : never);
    expect(wb.getWorksheet('Responses')!.pageSetup.printTitlesColumn).toBe('A:A');
  });
});
