/**
 * The package-preserving engine on a package written by hand here (every part's XML is in this file): what it reads,
 * and that a write changes only what the plan names — unknown elements, other parts, string and style indices kept.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { chmod, mkdtemp, readFile, rm, symlink, writeFile, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';
import { sharedStrings } from '../support/sheet-canonical.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const SHEET_PR = '<sheetPr codeName="Sheet1"><outlinePr summaryBelow="0"/></sheetPr>';
const CF = '<conditionalFormatting sqref="A1:A9"><cfRule type="duplicateValues" dxfId="0" priority="1"/></conditionalFormatting>';
const DV =
  '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="H1:H9"><formula1>1</formula1><formula2>5</formula2></dataValidation></dataValidations>';
const LINKS = '<hyperlinks><hyperlink ref="A1" location="\'Data\'!B2" display="go"/></hyperlinks>';
const PAGE =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>';
const EXT =
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">' +
  '<x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>J1:J9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
const ROW1 =
  '<row r="1" spans="1:7" x14ac:dyDescent="0.25">' +
  '<c r="A1" t="s"><v>0</v></c>' +
  '<c r="B1" t="inlineStr"><is><r><t>Strong </t></r><r><rPr><b/></rPr><t>lead</t></r></is></c>' +
  '<c r="C1" s="1"><v>46112</v></c>' +
  '<c r="D1"><f>1-1</f><v>0</v></c>' +
  '<c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
  '<c r="F1" t="b"><v>1</v></c>' +
  '<c r="G1" t="e"><v>#DIV/0!</v></c>' +
  '</row>';
const ROW3 = '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>46112.375</v></c><c r="C3"><v>2.5</v></c></row>';
const SHEET =
  `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
  `${SHEET_PR}<dimension ref="A1:G3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
  `<sheetData>${ROW1}${ROW3}</sheetData>${CF}${DV}${LINKS}${PAGE}${EXT}</worksheet>`;
const STRINGS = `${HEAD}<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>Name</t></si><si><r><t>Good </t></r><r><rPr><i/></rPr><t>progress</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si></sst>`;
const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs></styleSheet>`;
const WORKBOOK =
  `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><fileVersion appName="xl"/><workbookPr codeName="ThisWorkbook"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="1000" windowHeight="800"/></bookViews>` +
  `<sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Lists" sheetId="2" r:id="rId2"/></sheets>` +
  `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">Lists!$A$1:$A$3</definedName></definedNames><calcPr calcId="191029"/></workbook>`;
const LISTS = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
const THEME = `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Custom"><a:themeElements/></a:theme>`;
const VBA = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
const CUSTOM = `${HEAD}<root xmlns="urn:example"><x>kept</x></root>`;
const TYPES =
  `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const rels = (list: Array<[string, string, string]>) =>
  `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
const WB_RELS = rels([
  ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
  ['rId2', 'worksheet', 'worksheets/sheet2.xml'],
  ['rId3', 'theme', 'theme/theme1.xml'],
  ['rId4', 'styles', 'styles.xml'],
  ['rId5', 'sharedStrings', 'sharedStrings.xml'],
]).replace(
  '</Relationships>',
  '<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
);

async function handMade(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', TYPES);
  zip.file(
    '_rels/.rels',
    rels([['rId1', 'officeDocument', 'xl/workbook.xml']]).replace(
      '</Relationships>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="customXml/item1.xml"/></Relationships>',
    ),
  );
  zip.file('xl/workbook.xml', WORKBOOK);
  zip.file('xl/_rels/workbook.xml.rels', WB_RELS);
  zip.file('xl/worksheets/sheet1.xml', SHEET);
  zip.file('xl/worksheets/_rels/sheet1.xml.rels', rels([['rId1', 'printerSettings', '../printerSettings/printerSettings1.bin']]));
  zip.file('xl/printerSettings/printerSettings1.bin', new Uint8Array([1, 2, 3]));
  zip.file('xl/worksheets/sheet2.xml', LISTS);
  zip.file('xl/theme/theme1.xml', THEME);
  zip.file('xl/styles.xml', STYLES);
  zip.file('xl/sharedStrings.xml', STRINGS);
  zip.file('xl/vbaProject.bin', VBA);
  zip.file('customXml/item1.xml', CUSTOM);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) out.set(name, await zip.file(name)!.async('nodebuffer'));
  return out;
}

function tab(name: string, mode: TabPlan['mode'], extra: Partial<TabPlan> = {}): TabPlan {
  return {
    name,
    role: 'entry',
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

describe('the engine reads', () => {
  it('shared, inline and rich strings, dates by their format, formula results, booleans and errors', async () => {
    const host = await XlsxHost.fromBytes(await handMade(), 'hand.xlsm');
    const v = (await host.read({ tabs: ['Data'] })).tabs['Data']!.values;
    expect(v[0]).toEqual(['Name', 'Strong lead', '2026-03-31', 0, 'ab', true, '#DIV/0!']);
    // a row holding nothing is read as an empty row (core reads cells allowing for short rows)
    expect(v[1]).toEqual([]);
    expect(v[2]).toEqual(['Good progress', '2026-03-31T09:00:00', 2.5, null, null, null, null]);
    expect(host.tabNames()).toEqual(['Data', 'Lists']);
    expect(host.macroEnabled).toBe(true);
  });
});

describe('the engine writes only what the plan names', () => {
  async function patched(): Promise<{ before: Map<string, Buffer>; after: Map<string, Buffer>; bytes: Buffer }> {
    const original = await handMade();
    const host = await XlsxHost.fromBytes(original, 'hand.xlsm');
    await host.apply({
      tabs: [
        tab('Data', 'update', {
          blocks: [{ row: 2, col: 1, owner: 'input', cells: [[{ v: 'Name' }, { v: 'Brand new' }, { v: 3 }]] }],
          formats: [{ range: { row: 2, col: 2, rows: 1, cols: 1 }, format: { bold: true } }],
        }),
      ],
      namedRanges: [],
    });
    const bytes = await host.toBytes();
    return { before: await parts(original), after: await parts(bytes), bytes };
  }

  it('keeps every part it did not change byte for byte: theme, macros, printer settings, custom XML, the other tab', async () => {
    const { before, after } = await patched();
    for (const p of [
      'xl/theme/theme1.xml',
      'xl/vbaProject.bin',
      'xl/printerSettings/printerSettings1.bin',
      'customXml/item1.xml',
      'xl/worksheets/sheet2.xml',
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/_rels/sheet1.xml.rels',
    ]) {
      expect(after.get(p)?.equals(before.get(p)!), p).toBe(true);
    }
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('patches the tab: unknown elements, a person’s rules, links, print settings and untouched rows stay as written', async () => {
    const { after } = await patched();
    const xml = after.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    for (const kept of [SHEET_PR, CF, DV, LINKS, PAGE, EXT, ROW1, ROW3, '<sheetView tabSelected="1" workbookViewId="0"/>'])
      expect(xml).toContain(kept);
    expect(xml).toContain('<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="2" t="s"><v>2</v></c><c r="C2"><v>3</v></c></row>');
    expect(xml).toContain('<dimension ref="A1:G3"/>');
  });

  it('appends new strings and styles without renumbering the ones there', async () => {
    const { after } = await patched();
    const sst = after.get('xl/sharedStrings.xml')!.toString('utf8');
    // count grows by the references to appended strings (one here); a cell written with a string already there
    // leaves the count alone, so a second run writes the same part
    expect(sst).toBe(
      STRINGS.replace('count="2" uniqueCount="2"', 'count="3" uniqueCount="3"').replace('</sst>', '<si><t>Brand new</t></si></sst>'),
    );
    const styles = after.get('xl/styles.xml')!.toString('utf8');
    expect(styles).toContain(
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>',
    );
    expect(styles).toContain(
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>',
    );
    expect(styles).toContain('<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>');
  });

  it('changes the workbook part only where it must (recalculate on open), and keeps local names on their tab', async () => {
    const { after } = await patched();
    expect(after.get('xl/workbook.xml')!.toString('utf8')).toBe(
      WORKBOOK.replace('<calcPr calcId="191029"/>', '<calcPr calcId="191029" fullCalcOnLoad="1"/>'),
    );
  });

  it('a new tab adds one sheet, one relationship and one content type, and moves no local name', async () => {
    const original = await handMade();
    const host = await XlsxHost.fromBytes(original, 'hand.xlsm');
    await host.apply({
      tabs: [tab('Summary', 'create', { position: 0, blocks: [{ row: 1, col: 1, owner: 'generated', cells: [[{ v: 'x' }]] }] })],
      namedRanges: [],
    });
    const after = await parts(await host.toBytes());
    const types = after.get('[Content_Types].xml')!.toString('utf8');
    expect(types).toBe(
      TYPES.replace(
        '</Types>',
        '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    );
    expect(after.get('xl/_rels/workbook.xml.rels')!.toString('utf8')).toBe(
      WB_RELS.replace(
        '</Relationships>',
        '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>',
      ),
    );
    const wb = after.get('xl/workbook.xml')!.toString('utf8');
    expect(wb).toContain(
      '<sheets><sheet sheetId="3" name="Summary" r:id="rId7"/><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Lists" sheetId="2" r:id="rId2"/></sheets>',
    );
    // the print area of Lists was local to tab 1 and is now local to tab 2, where Lists is
    expect(wb).toContain('<definedName name="_xlnm.Print_Area" localSheetId="2">Lists!$A$1:$A$3</definedName>');
    expect(after.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toBe(SHEET);
  });
});

describe('typed text survives as typed', () => {
  it.each([16_383, 16_384, 32_767, 32_766])(
    'an emoji straddling UTF-16 offset %i, right-to-left text and combining marks',
    async (offset) => {
      const texts = [
        `${'a'.repeat(offset - 1)}😀 tail`,
        'مرحبا بالعالم ‏שלום',
        'e\u0301 n\u0303 \u{1D11E}',
        ' spaced ',
        'line\nbreak',
        '_x0041_ literal',
      ].filter((t) => t.length <= 32_767);
      const host = XlsxHost.create();
      await host.apply({
        tabs: [tab('T', 'create', { blocks: [{ row: 1, col: 1, owner: 'input', cells: texts.map((t) => [{ v: t }]) }] })],
        namedRanges: [],
      });
      const again = await XlsxHost.fromBytes(await host.toBytes(), 't.xlsx');
      await again.apply({
        tabs: [tab('T', 'update', { blocks: [{ row: 20, col: 1, owner: 'input', cells: [[{ v: 'more' }]] }] })],
        namedRanges: [],
      });
      const third = await XlsxHost.fromBytes(await again.toBytes(), 't.xlsx');
      const v = (await third.read({ tabs: ['T'] })).tabs['T']!.values;
      expect(v.slice(0, texts.length).map((r) => r[0])).toEqual(texts);
    },
  );

  it('characters XML 1.0 forbids are written escaped (_xHHHH_) and read back as typed', async () => {
    const text = 'bell\u0007 and form\u000C feed';
    const host = XlsxHost.create();
    await host.apply({
      tabs: [tab('T', 'create', { blocks: [{ row: 1, col: 1, owner: 'input', cells: [[{ v: text }]] }] })],
      namedRanges: [],
    });
    const bytes = await host.toBytes();
    expect((await parts(bytes)).get('xl/sharedStrings.xml')!.toString('utf8')).toContain('bell_x0007_ and form_x000C_ feed');
    expect((await (await XlsxHost.fromBytes(bytes, 't.xlsx')).read({ tabs: ['T'] })).tabs['T']!.values[0]![0]).toBe(text);
  });

  it('carriage returns, tabs and edge spaces survive any XML reader (a raw CR is read as a line feed)', async () => {
    const texts = ['cr\rhere', 'crlf\r\nhere', '\r', 'tab\there', '\tleading tab', ' both ', '   ', '=1+1', '_x000D_ literal'];
    const host = XlsxHost.create();
    await host.apply({
      tabs: [tab('T', 'create', { blocks: [{ row: 1, col: 1, owner: 'input', cells: texts.map((t) => [{ v: t }]) }] })],
      namedRanges: [],
    });
    const bytes = await host.toBytes();
    // read by a conforming XML parser (xmldom normalises a raw CR or CR LF to LF, as Excel's does)
    const sst = sharedStrings(new Uint8Array((await parts(bytes)).get('xl/sharedStrings.xml')!)).map((s) =>
      s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    );
    for (const t of texts) expect(sst, JSON.stringify(t)).toContain(t);
    expect((await (await XlsxHost.fromBytes(bytes, 't.xlsx')).read({ tabs: ['T'] })).tabs['T']!.values.map((r) => r[0])).toEqual(texts);
  });

  it('reads a raw CR or CR LF inside a cell as a line feed, as Excel does (XML end-of-line handling)', async () => {
    const zip = await JSZip.loadAsync(await handMade());
    const sst = (await zip.file('xl/sharedStrings.xml')!.async('string')).replace('<t>Name</t>', '<t>one\r\ntwo\rthree&#13;four</t>');
    zip.file('xl/sharedStrings.xml', sst);
    const host = await XlsxHost.fromBytes(await zip.generateAsync({ type: 'nodebuffer' }), 'x.xlsx');
    expect((await host.read({ tabs: ['Data'] })).tabs['Data']!.values[0]![0]).toBe('one\ntwo\nthree\rfour');
  });

  it('refuses text longer than a cell holds, naming the cell', async () => {
    const host = XlsxHost.create();
    await expect(
      host.apply({
        tabs: [tab('T', 'create', { blocks: [{ row: 4, col: 2, owner: 'input', cells: [[{ v: 'x'.repeat(32_768) }]] }] })],
        namedRanges: [],
      }),
    ).rejects.toThrow(/^T!B4: the text is 32,768 characters long/);
  });
});

describe('files the engine will not rewrite', () => {
  it('refuses .xlsb and .ods with how to convert them', async () => {
    const xlsb = new JSZip();
    xlsb.file(
      '[Content_Types].xml',
      TYPES.replace('application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'application/vnd.ms-excel.sheet.binary.macroEnabled.main'),
    );
    xlsb.file('_rels/.rels', rels([['rId1', 'officeDocument', 'xl/workbook.bin']]));
    xlsb.file('xl/workbook.bin', new Uint8Array([0, 1]));
    await expect(XlsxHost.fromBytes(await xlsb.generateAsync({ type: 'nodebuffer' }), 'r.xlsb')).rejects.toThrow(
      /r\.xlsb is an Excel binary workbook \(\.xlsb\): open it in Excel and save it as an Excel workbook \(\.xlsx/,
    );
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    ods.file('content.xml', '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>');
    await expect(XlsxHost.fromBytes(await ods.generateAsync({ type: 'nodebuffer' }), 'r.ods')).rejects.toThrow(
      /r\.ods is an OpenDocument spreadsheet \(\.ods\): open it in LibreOffice or Excel and save it as an Excel workbook \(\.xlsx\)/,
    );
  });
});

describe('file safety', () => {
  it('refuses to write a read-only workbook and leaves it as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pr-engine-'));
    try {
      const path = join(dir, 'ro.xlsx');
      const before = await handMade();
      await writeFile(path, before);
      await chmod(path, 0o444);
      await expect(XlsxHost.open(path, { write: true })).rejects.toThrow(/ro\.xlsx is read-only: nothing was changed/);
      // the same file named another way ("dir/./ro.xlsx") is not a link: the message does not say it links anywhere
      await expect(XlsxHost.open(`${dir}/./ro.xlsx`, { write: true })).rejects.toThrow(/\/\.\/ro\.xlsx is read-only: nothing was changed/);
      const host = await XlsxHost.open(path);
      await expect(host.save(path)).rejects.toThrow(/read-only/);
      expect((await readFile(path)).equals(before)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('follows a symbolic link: the target is updated in place and the link stays a link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pr-engine-'));
    try {
      const target = join(dir, 'shared.xlsx');
      const link = join(dir, 'link.xlsx');
      await writeFile(target, await handMade());
      await symlink(target, link);
      const host = await XlsxHost.open(link, { write: true });
      await host.apply({
        tabs: [tab('Data', 'update', { blocks: [{ row: 5, col: 1, owner: 'input', cells: [[{ v: 'via link' }]] }] })],
        namedRanges: [],
      });
      await host.save(link);
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      const again = await XlsxHost.open(target);
      expect((await again.read({ tabs: ['Data'] })).tabs['Data']!.values[4]![0]).toBe('via link');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
