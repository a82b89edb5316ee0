/** The acceptance tests' canonical worksheet form, on hand-made parts: what a plan wrote is ignored, anything else counts. */
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { addPlan, canonicalSheet, emptyArea } from '../support/sheet-canonical.js';
import type { TabPlan } from '../../core/sheet-plan/types.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (cells: string, extra = '') =>
  strToU8(
    `<worksheet ${NS}><dimension ref="A1:Z9"/><sheetData><row r="2" ht="30" customHeight="1"><c r="B2" t="s"><v>0</v></c><c r="Z2" t="s"><v>1</v></c></row>${cells}</sheetData>${extra}</worksheet>`,
  );
const tab: TabPlan = {
  name: 'Responses',
  role: 'entry',
  mode: 'update',
  blocks: [{ row: 2, col: 2, owner: 'input', cells: [[{ v: 'new' }]] }],
  formats: [],
  columnWidths: [],
  merges: [],
  validations: [{ range: { row: 2, col: 3, rows: 10, cols: 1 }, rule: { kind: 'date' } }],
  conditionalFormats: [],
  charts: [],
};
const area = emptyArea();
addPlan(area, tab);

describe('canonical worksheet form', () => {
  it('ignores the cells, row heights and rules the plan wrote, and how strings are stored', () => {
    const before = canonicalSheet(sheet(''), ['old', 'person'], area);
    // B2 rewritten, row 2 re-sized, the plan's own dropdown on C2:C11, Z2 moved from shared to inline string
    const after = canonicalSheet(
      strToU8(
        `<worksheet ${NS}><sheetData><row r="2" spans="2:26"><c r="B2" t="inlineStr"><is><t>new</t></is></c><c r="Z2" t="inlineStr"><is><t>person</t></is></c></row></sheetData>` +
          '<dataValidations count="1"><dataValidation type="date" sqref="C2:C11"/></dataValidations></worksheet>',
      ),
      [],
      area,
    );
    expect(after).toBe(before);
  });

  it('sees a person’s cell, rule, link or extension changed or gone', () => {
    const before = canonicalSheet(
      sheet(
        '<row r="9"><c r="Z9"><v>4</v></c></row>',
        '<conditionalFormatting sqref="Z6:Z40"><cfRule type="duplicateValues" dxfId="0" priority="1"/></conditionalFormatting><hyperlinks><hyperlink ref="Z3" location="A1"/></hyperlinks>',
      ),
      ['old', 'person'],
      area,
    );
    const variants = [
      sheet(
        '<row r="9"><c r="Z9"><v>5</v></c></row>',
        '<conditionalFormatting sqref="Z6:Z40"><cfRule type="duplicateValues" dxfId="0" priority="1"/></conditionalFormatting><hyperlinks><hyperlink ref="Z3" location="A1"/></hyperlinks>',
      ),
      sheet('<row r="9"><c r="Z9"><v>4</v></c></row>', '<hyperlinks><hyperlink ref="Z3" location="A1"/></hyperlinks>'),
      sheet(
        '<row r="9"><c r="Z9"><v>4</v></c></row>',
        '<conditionalFormatting sqref="Z6:Z40"><cfRule type="duplicateValues" dxfId="0" priority="1"/></conditionalFormatting>',
      ),
      sheet(
        '<row r="9" ht="40" customHeight="1"><c r="Z9"><v>4</v></c></row>',
        '<conditionalFormatting sqref="Z6:Z40"><cfRule type="duplicateValues" dxfId="0" priority="1"/></conditionalFormatting><hyperlinks><hyperlink ref="Z3" location="A1"/></hyperlinks>',
      ),
    ];
    for (const v of variants) expect(canonicalSheet(v, ['old', 'person'], area)).not.toBe(before);
    // a shared string that now says something else
    expect(
      canonicalSheet(
        sheet(
          '<row r="9"><c r="Z9"><v>4</v></c></row>',
          '<conditionalFormatting sqref="Z6:Z40"><cfRule type="duplicateValues" dxfId="0" priority="1"/></conditionalFormatting><hyperlinks><hyperlink ref="Z3" location="A1"/></hyperlinks>',
        ),
        ['old', 'persoN'],
        area,
      ),
    ).not.toBe(before);
  });
});
