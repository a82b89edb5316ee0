/**
 * The schema validator itself, on hand-made parts: it must pass what Excel writes (Markup Compatibility, `xml:space`
 * on `<t>`) and catch the faults issue #10 found (an empty `<conditionalFormatting>`, `<sheetPr>` children out of
 * order), naming the part.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { haveXmllint, validatePackages } from '../support/ooxml-validate.js';

const HAVE = await haveXmllint();
if (!HAVE) console.warn('schema validation: skipped — xmllint is not installed; scripts/setup.sh installs libxml2-utils.');

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (body: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}${extra}>${body}</worksheet>`;
const pkg = (parts: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));

describe.skipIf(!HAVE)('OOXML schema validation (xmllint)', () => {
  it('passes Excel-style parts after Markup Compatibility and the <t xml:space> drop', async () => {
    const ok = sheet(
      '<sheetPr><outlinePr summaryBelow="0"/><pageSetUpPr fitToPage="1"/></sheetPr><sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a </t></is></c></row></sheetData>' +
        '<mc:AlternateContent><mc:Choice Requires="x14"><x14:fake/></mc:Choice><mc:Fallback><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></mc:Fallback></mc:AlternateContent>',
      ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" mc:Ignorable="x14ac"',
    );
    const strings = `<sst ${NS} count="1" uniqueCount="1"><si><t xml:space="preserve"> x </t></si></sst>`;
    const r = await validatePackages(
      new Map([
        ['ok', pkg({ 'xl/worksheets/sheet1.xml': ok, 'xl/sharedStrings.xml': strings, 'customXml/item1.xml': '<a xmlns="urn:x"/>' })],
      ]),
    );
    expect(r.errors).toEqual([]);
    expect(r.validated.sort()).toEqual(['ok:xl/sharedStrings.xml', 'ok:xl/worksheets/sheet1.xml']);
    expect(r.notValidated).toEqual(['ok:customXml/item1.xml (urn:x)']);
  });

  it('catches an empty <conditionalFormatting>, <sheetPr> children out of order, and XML that is not well-formed', async () => {
    const empty = sheet('<sheetData/><conditionalFormatting sqref="A1:A9"/>');
    const order = sheet('<sheetPr><pageSetUpPr fitToPage="1"/><outlinePr summaryBelow="0"/></sheetPr><sheetData/>');
    const r = await validatePackages(
      new Map([['bad', pkg({ 'xl/worksheets/sheet1.xml': empty, 'xl/worksheets/sheet2.xml': order, 'xl/styles.xml': '<styleSheet' })]]),
    );
    const parts = [...new Set(r.errors.map((e) => e.part))].sort();
    expect(parts).toEqual(['bad:xl/styles.xml', 'bad:xl/worksheets/sheet1.xml', 'bad:xl/worksheets/sheet2.xml']);
    expect(r.errors.find((e) => e.part.endsWith('sheet1.xml'))!.message).toMatch(/conditionalFormatting.*Missing child element/);
    expect(r.errors.find((e) => e.part.endsWith('sheet2.xml'))!.message).toMatch(/outlinePr.*not expected/);
    expect(r.errors.find((e) => e.part.endsWith('styles.xml'))!.message).toMatch(/^not well-formed XML/);
  });
});
