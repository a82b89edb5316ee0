import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { LayoutChangedError, ReviewRequestError } from '../../core/operations/types.js';
import type { SheetPlan, TabPlan } from '../../core/sheet-plan/types.js';
import { samplePlan, SUMMARY } from './fixtures/sample-plan.js';
import { sheetXml, zipPaths, zipText } from './helpers.js';

async function built(): Promise<{ host: XlsxHost; bytes: Buffer }> {
  const host = XlsxHost.create();
  await host.apply(samplePlan());
  return { host, bytes: await host.toBytes() };
}

function emptyTab(name: string, mode: TabPlan['mode'], extra: Partial<TabPlan> = {}): TabPlan {
  return {
    name,
    role: 'summary',
    mode,
    blocks: [],
    formats: [],
    columnWidths: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    ...extra,
  };
}

describe('XlsxHost: values', () => {
  it('reads back what the plan wrote: text stays text, formulas give core’s value', async () => {
    const { bytes } = await built();
    const host = await XlsxHost.fromBytes(bytes, 'sample.xlsx');
    const snap = await host.read({ tabs: ['Responses', 'Summary'] });
    expect(snap.tabNames).toEqual(['Responses', 'Summary', 'PR_Meta']);
    const r = snap.tabs['Responses']!;
    expect(r.index).toBe(0);
    expect(r.hidden).toBe(false);
    expect(r.values[2]).toEqual(['Fire Brigade', 1, '=HYPERLINK("http://example.invalid","click")']);
    expect(r.values[3]).toEqual(['Police', 2, '+44 20 7946 0000']);
    expect(r.values[4]).toEqual(['Council', 3, '@SUM(A1)']);
    expect(r.values[5]).toEqual(['007', 2, '-1']);
    // the merged title row: only its top-left cell holds a value
    expect(r.values[0]).toEqual(['Responses', null, null]);
    const s = snap.tabs['Summary']!;
    expect(s.values[2]).toEqual(['ASPIRE', 2, 0.816496580927726, 'Amber']);
    expect(snap.tabs['PR_Meta']).toBeUndefined();
  });

  it('writes typed text as shared strings, never as formulas, and keeps _xlfn. in formulas', async () => {
    const { bytes } = await built();
    const responses = await sheetXml(bytes, 'Responses');
    expect(responses).not.toContain('<f>');
    const strings = await zipText(bytes, 'xl/sharedStrings.xml');
    expect(strings).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;click&quot;)');
    expect(strings).toContain('<t>007</t>');
    const summary = await sheetXml(bytes, 'Summary');
    expect(summary).toContain(
      '<f>IF(COUNT(Responses!B3:B52)&lt;2,&quot;&quot;,_xlfn.STDEV.S(Responses!B3:B52))</f><v>0.816496580927726</v>',
    );
    expect(summary).toContain('<f>IF(COUNT(Responses!B3:B52)=0,&quot;&quot;,AVERAGE(Responses!B3:B52))</f><v>2</v>');
  });

  it('reads dates as ISO, rich text and hyperlinks as their text, errors as their text, formulas as results', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Odd');
    ws.getCell('A1').value = new Date(Date.UTC(2026, 2, 31));
    ws.getCell('B1').value = { richText: [{ text: 'Strong ' }, { text: 'lead', font: { bold: true } }] };
    ws.getCell('C1').value = { text: 'Council site', hyperlink: 'https://example.invalid/' };
    ws.getCell('D1').value = { error: '#DIV/0!' };
    ws.getCell('E1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('F1').value = { formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 5)) };
    ws.getCell('G1').value = { formula: 'A1' };
    ws.getCell('A3').value = true;
    ws.getCell('B2').value = new Date(Date.UTC(2026, 2, 31, 9, 30, 0));
    const host = await XlsxHost.fromBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'odd.xlsx');
    const v = (await host.read({ tabs: 'all' })).tabs['Odd']!.values;
    expect(v).toEqual([
      // G1 is a formula without a cached result: blank, so the used range ends at F
      ['2026-03-31', 'Strong lead', 'Council site', '#DIV/0!', '#DIV/0!', '2026-01-05'],
      [null, '2026-03-31T09:30:00', null, null, null, null],
      [true, null, null, null, null, null],
    ]);
  });

  it('reads a formula whose cached result is 0 or FALSE as that value (ExcelJS’s cell.value drops them)', async () => {
    const host = XlsxHost.create();
    await host.apply({
      tabs: [
        emptyTab('F', 'create', {
          blocks: [
            {
              row: 1,
              col: 1,
              owner: 'generated',
              cells: [[{ f: '=1-1', v: 0 }, { f: '=1>2', v: false }, { f: '=""', v: '' }, { v: '' }, { v: 'x' }]],
            },
          ],
        }),
      ],
      namedRanges: [],
    });
    const again = await XlsxHost.fromBytes(await host.toBytes(), 'f.xlsx');
    expect((await again.read({ tabs: ['F'] })).tabs['F']!.values).toEqual([[0, false, null, null, 'x']]);
    expect(await sheetXml(await host.toBytes(), 'F')).toContain('<c r="A1"><f>1-1</f><v>0</v></c>');
  });

  it('reads an empty tab as no rows', async () => {
    const host = XlsxHost.create();
    await host.apply({ tabs: [emptyTab('Blank', 'create')], namedRanges: [] });
    expect((await host.read({ tabs: 'all' })).tabs['Blank']!.values).toEqual([]);
  });
});

describe('XlsxHost: layout features', () => {
  it('writes list validation as a quoted list, warning-only when not strict, without overlapping ranges', async () => {
    const { bytes } = await built();
    const xml = await sheetXml(bytes, 'Responses');
    const dvs = [...xml.matchAll(/<dataValidation [^>]*>/g)].map((m) => m[0]);
    expect(dvs).toHaveLength(1);
    expect(dvs[0]).toContain('sqref="B3:B52"');
    expect(dvs[0]).toContain('errorStyle="warning"');
    expect(xml).toContain('<formula1>&quot;1,2,3,N/A,Say &quot;&quot;why&quot;&quot;&quot;</formula1>');
  });

  it('keeps validation rectangles apart when a rule is written over part of another', async () => {
    const host = XlsxHost.create();
    const list = (values: string[]) => ({ kind: 'list' as const, values, strict: true });
    await host.apply({
      tabs: [
        emptyTab('V', 'create', {
          validations: [
            { range: { row: 1, col: 1, rows: 10, cols: 3 }, rule: list(['a', 'b']) },
            { range: { row: 4, col: 2, rows: 2, cols: 1 }, rule: list(['c']) },
          ],
        }),
      ],
      namedRanges: [],
    });
    const bytes = await host.toBytes();
    const reopened = await XlsxHost.fromBytes(bytes, 'v.xlsx');
    const again = await reopened.toBytes();
    for (const b of [bytes, again]) {
      const xml = await sheetXml(b, 'V');
      const cells = new Map<string, number>();
      for (const m of xml.matchAll(/sqref="([^"]+)"/g)) {
        for (const part of m[1]!.split(' ')) {
          const [tl, br = tl] = part.split(':');
          const col = (s: string) => s.charCodeAt(0) - 64;
          const row = (s: string) => Number(s.slice(1));
          for (let r = row(tl!); r <= row(br!); r++)
            for (let c = col(tl!); c <= col(br!); c++) cells.set(`${r},${c}`, (cells.get(`${r},${c}`) ?? 0) + 1);
        }
      }
      expect(cells.size).toBe(30);
      expect([...cells.values()].every((n) => n === 1)).toBe(true);
      expect(xml).toContain('sqref="B4:B5"');
    }
  });

  it('puts a list longer than 255 characters on a hidden lists tab', async () => {
    const host = XlsxHost.create();
    const values = Array.from({ length: 40 }, (_, i) => `Theme number ${i + 1}`);
    await host.apply({
      tabs: [
        emptyTab('V', 'create', {
          validations: [{ range: { row: 2, col: 1, rows: 5, cols: 1 }, rule: { kind: 'list', values, strict: true } }],
        }),
      ],
      namedRanges: [],
    });
    const bytes = await host.toBytes();
    expect(await sheetXml(bytes, 'V')).toContain('<formula1>PR_Lists!$A$1:$A$40</formula1>');
    const wb = await zipText(bytes, 'xl/workbook.xml');
    expect(wb).toMatch(/<sheet [^>]*name="PR_Lists" state="hidden"/);
    const lists = (await (await XlsxHost.fromBytes(bytes, 'v.xlsx')).read({ tabs: ['PR_Lists'] })).tabs['PR_Lists']!.values;
    expect(lists.map((r) => r[0])).toEqual(values);
  });

  it('writes RAG colours as expression rules with dxf fills', async () => {
    const { bytes } = await built();
    const xml = await sheetXml(bytes, 'Summary');
    expect(xml).toContain('<conditionalFormatting sqref="D3:D5">');
    expect(xml).toContain('<formula>TRIM(D3)=&quot;Red&quot;</formula>');
    const resp = await sheetXml(bytes, 'Responses');
    expect(resp).toContain('<formula>AND(ISNUMBER(B3),B3&lt;2)</formula>');
    const styles = await zipText(bytes, 'xl/styles.xml');
    expect(styles).toMatch(/<dxfs count="[1-9]/);
    expect(styles).toContain('FFF4CCCC');
  });

  it('protects the tab with editable cells unlocked', async () => {
    const { bytes } = await built();
    const xml = await sheetXml(bytes, 'Responses');
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Responses')!;
    expect(ws.getCell('A3').protection?.locked).toBe(false);
    expect(ws.getCell('C52').protection?.locked).toBe(false);
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
  });

  it('sets print setup, freeze panes, widths, heights, merges, hidden tabs and columns, tab colour and names', async () => {
    const { bytes } = await built();
    const resp = await sheetXml(bytes, 'Responses');
    expect(resp).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(resp).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(resp).toMatch(/<pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"\/>/);
    expect(resp).toContain('<mergeCell ref="A1:C1"/>');
    expect(resp).toMatch(/<col min="3" max="3" width="50/);
    expect(resp).toMatch(/<row r="2" [^>]*ht="30" customHeight="1"/);
    expect(resp).toContain('<tabColor rgb="FF1F4E79"/>');
    const wb = await zipText(bytes, 'xl/workbook.xml');
    expect(wb).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Responses&apos;!$1:$2</definedName>');
    expect(wb).toContain('<definedName name="PR_Responses">Responses!$A$3:$C$52</definedName>');
    expect(wb).toMatch(/<sheet [^>]*name="PR_Meta" state="hidden"/);
    expect(wb).toContain('activeTab="1"');
    expect(wb).toContain('fullCalcOnLoad="1"');
    expect(await sheetXml(bytes, 'PR_Meta')).toMatch(/<col min="2" max="2" [^>]*hidden="1"/);
  });
});

describe('XlsxHost: modes and preconditions', () => {
  it('refuses to create a tab that exists, naming it', async () => {
    const { host } = await built();
    await expect(host.apply({ tabs: [emptyTab('Responses', 'create')], namedRanges: [] })).rejects.toThrow(ReviewRequestError);
    await expect(host.apply({ tabs: [emptyTab('Responses', 'create')], namedRanges: [] })).rejects.toThrow(
      /already has a tab called "Responses"/,
    );
  });

  it('replace clears the old contents and keeps the tab where it was', async () => {
    const { host } = await built();
    const plan: SheetPlan = {
      tabs: [emptyTab('Summary', 'replace', { blocks: [{ row: 2, col: 2, owner: 'generated', cells: [[{ v: 'new' }]] }] })],
      namedRanges: [],
    };
    await host.apply(plan);
    expect(host.tabNames()).toEqual(['Responses', 'Summary', 'PR_Meta']);
    const snap = await host.read({ tabs: ['Summary'] });
    // row 1 holds nothing: an empty row
    expect(snap.tabs['Summary']!.values).toEqual([[], [null, 'new']]);
    expect(host.chartIds('Summary')).toEqual([]);
    const xml = await sheetXml(await host.toBytes(), 'Summary');
    expect(xml).not.toContain('conditionalFormatting');
  });

  it('update writes only the blocks given and leaves every other cell', async () => {
    const { host } = await built();
    await host.apply({
      tabs: [emptyTab('Responses', 'update', { blocks: [{ row: 7, col: 1, owner: 'input', cells: [[{ v: 'Housing' }, { v: 3 }]] }] })],
      namedRanges: [],
    });
    const v = (await host.read({ tabs: ['Responses'] })).tabs['Responses']!.values;
    expect(v[2]).toEqual(['Fire Brigade', 1, '=HYPERLINK("http://example.invalid","click")']);
    expect(v[6]).toEqual(['Housing', 3, null]);
  });

  it('update re-applies merges and conditional formats without stacking duplicates', async () => {
    const { host } = await built();
    const again = structuredClone(samplePlan().tabs[0]!);
    again.mode = 'update';
    again.blocks = [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'Responses (updated)' }, { v: null }, { v: null }]] }];
    await host.apply({ tabs: [again], namedRanges: [] });
    await host.apply({ tabs: [again], namedRanges: [] });
    const xml = await sheetXml(await host.toBytes(), 'Responses');
    expect(xml.match(/<mergeCell /g)).toHaveLength(1);
    expect(xml.match(/<conditionalFormatting /g)).toHaveLength(1);
    expect(xml.match(/<dataValidation /g)).toHaveLength(1);
    expect((await host.read({ tabs: ['Responses'] })).tabs['Responses']!.values[0]![0]).toBe('Responses (updated)');
  });

  it('a value written into a merged area undoes that merge instead of overwriting its first cell', async () => {
    const { host } = await built();
    await host.apply({
      tabs: [emptyTab('Responses', 'update', { blocks: [{ row: 1, col: 2, owner: 'generated', cells: [[{ v: 'x' }]] }] })],
      namedRanges: [],
    });
    const v = (await host.read({ tabs: ['Responses'] })).tabs['Responses']!.values;
    expect(v[0]!.slice(0, 2)).toEqual(['Responses', 'x']);
  });

  it('finds tabs without regard to case, as Excel does (a person renamed Summary to "summary")', async () => {
    const { host } = await built();
    host.workbook.rename(host.workbook.find('Summary')!, 'summary');
    const snap = await host.read({ tabs: ['Summary'] });
    expect(Object.keys(snap.tabs)).toEqual(['summary']);
    await host.apply({
      tabs: [emptyTab('Summary', 'replace', { blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'again' }]] }] })],
      namedRanges: [],
    });
    expect(host.tabNames()).toEqual(['Responses', 'summary', 'PR_Meta']);
    expect((await host.read({ tabs: ['summary'] })).tabs['summary']!.values).toEqual([['again']]);
    await expect(host.apply({ tabs: [emptyTab('SUMMARY', 'create')], namedRanges: [] })).rejects.toThrow(
      /already has a tab called "SUMMARY"/,
    );
  });

  it('places a new tab at its position', async () => {
    const { host } = await built();
    await host.apply({ tabs: [emptyTab('Instructions', 'create', { position: 0 })], namedRanges: [] });
    expect(host.tabNames()).toEqual(['Instructions', 'Responses', 'Summary', 'PR_Meta']);
    const reopened = await XlsxHost.fromBytes(await host.toBytes(), 'x.xlsx');
    expect(reopened.tabNames()).toEqual(['Instructions', 'Responses', 'Summary', 'PR_Meta']);
  });

  it('checks preconditions before writing anything', async () => {
    const { host } = await built();
    const plan: SheetPlan = {
      preconditions: [
        { sheet: 'Responses', row: 2, col: 2, equals: 'ASPIRE' },
        { sheet: 'Responses', row: 2, col: 3, equals: 'THINK comment' },
      ],
      tabs: [emptyTab('Responses', 'update', { blocks: [{ row: 3, col: 1, owner: 'input', cells: [[{ v: 'changed' }]] }] })],
      namedRanges: [],
    };
    await expect(host.apply(plan)).rejects.toThrow(LayoutChangedError);
    await expect(host.apply(plan)).rejects.toThrow(/^Responses!C2: this cell changed/);
    expect((await host.read({ tabs: ['Responses'] })).tabs['Responses']!.values[2]![0]).toBe('Fire Brigade');
    await expect(host.apply({ ...plan, preconditions: [{ sheet: 'Gone', row: 1, col: 1, equals: 'x' }] })).rejects.toThrow(
      /"Gone" is no longer in the workbook/,
    );
  });
});

describe('XlsxHost: charts', () => {
  it('writes a clustered bar chart part, its drawing, relationships and content types', async () => {
    const { bytes } = await built();
    const paths = await zipPaths(bytes);
    expect(paths).toEqual(
      expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels']),
    );
    const chart = await zipText(bytes, 'xl/charts/chart1.xml');
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(chart).toContain('<c:f>Summary!$B$3:$B$5</c:f>');
    expect(chart).toContain('<c:f>Summary!$A$3:$A$5</c:f>');
    expect(chart).toContain('<c:pt idx="1"><c:v>2.5</c:v></c:pt>');
    expect(chart).toContain('<c:max val="3"/><c:min val="1"/>');
    const summary = await sheetXml(bytes, 'Summary');
    expect(summary).toMatch(/<drawing r:id="rIdPrDrawing1"\/>(<\/worksheet>|<tableParts|<extLst)/);
    const types = await zipText(bytes, '[Content_Types].xml');
    expect(types).toContain(
      'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
  });

  it('keeps charts through open and save, replaces a chart with the same id, and drops them on replace', async () => {
    const { bytes } = await built();
    const host = await XlsxHost.fromBytes(bytes, 'sample.xlsx');
    expect(host.chartIds('Summary')).toEqual(['means']);
    const kept = await host.toBytes();
    expect((await zipPaths(kept)).filter((p) => p.startsWith('xl/charts/'))).toEqual(['xl/charts/chart1.xml']);

    const upd = structuredClone(SUMMARY);
    upd.mode = 'update';
    upd.charts = [{ ...upd.charts[0]!, title: 'Means again' }];
    await host.apply({ tabs: [upd], namedRanges: [] });
    expect(host.chartIds('Summary')).toEqual(['means']);
    const after = await host.toBytes();
    expect((await zipPaths(after)).filter((p) => p.startsWith('xl/charts/'))).toHaveLength(1);
    expect(await zipText(after, 'xl/charts/chart1.xml')).toContain('Means again');

    await host.apply({ tabs: [emptyTab('Summary', 'replace')], namedRanges: [] });
    expect((await zipPaths(await host.toBytes())).some((p) => p.startsWith('xl/charts/'))).toBe(false);
  });

  it('keeps a chart a person made (not one of ours) when the tab is updated', async () => {
    const { bytes } = await built();
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const d = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    zip.file('xl/drawings/drawing1.xml', d.replace('name="PR chart means"', 'name="Chart 7"'));
    const foreign = await zip.generateAsync({ type: 'nodebuffer' });
    const host = await XlsxHost.fromBytes(foreign, 'foreign.xlsx');
    expect(host.chartIds('Summary')).toEqual([null]);
    await host.apply({
      tabs: [emptyTab('Summary', 'update', { blocks: [{ row: 20, col: 1, owner: 'input', cells: [[{ v: 'note' }]] }] })],
      namedRanges: [],
    });
    const out = await host.toBytes();
    expect(await zipText(out, 'xl/drawings/drawing1.xml')).toContain('name="Chart 7"');
    expect(await zipText(out, 'xl/charts/chart1.xml')).toContain('Mean score by characteristic');
  });
});
