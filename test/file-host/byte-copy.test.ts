/**
 * A part written back mostly as read copies the runs it kept as their original bytes instead of encoding its text
 * again (the Responses tab of a review, rewritten by summarise only to clear its "selected" mark). The bytes written
 * must be exactly what encoding the text gives. Expected XML is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ByteSink } from '../../file-host/xlsx/byte-sink.js';
import { Package } from '../../file-host/xlsx/package.js';
import { XlsxHost } from '../../file-host/xlsx-host.js';
import { oneSheetBook } from './support/one-sheet-book.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('copying kept runs as their bytes', () => {
  it('a sink mixing copied runs and new text gives the text’s UTF-8, whatever the order of the runs', () => {
    const text = '<a>Café – 👍</a><b>naïve</b><c>x</c>';
    const sink = new ByteSink({ text, bytes: utf8(text) });
    sink.write('<head/>');
    const b = text.indexOf('<b>');
    const c = text.indexOf('<c>');
    sink.writeSource(text, 0, b); // '<a>Café – 👍</a>'
    sink.write('<new>é</new>');
    sink.writeSource(text, c, text.length); // '<c>x</c>'
    sink.writeSource(text, b, c); // before the last run copied: encoded instead
    expect(Buffer.concat(sink.toPieces()).toString('utf8')).toBe('<head/><a>Café – 👍</a><new>é</new><c>x</c><b>naïve</b>');
  });

  it('a text that is not its bytes’ source is encoded', () => {
    const sink = new ByteSink({ text: '<a/>', bytes: utf8('<a/>') });
    sink.writeSource('<b>é</b>', 0, 8);
    expect(Buffer.concat(sink.toPieces()).toString('utf8')).toBe('<b>é</b>');
  });

  it('the bytes of a part are offered only when they are exactly its UTF-8', async () => {
    const zip = new JSZip();
    zip.file('good.xml', utf8('<a>Café</a>'));
    zip.file('bom.xml', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<a/>')]));
    zip.file('bad.xml', new Uint8Array([...utf8('<a>'), 0xff, ...utf8('</a>')]));
    const pkg = Package.fromBytes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const good = pkg.source('good.xml')!;
    expect(good.text).toBe('<a>Café</a>');
    expect(Buffer.from(good.bytes!).toString('utf8')).toBe('<a>Café</a>');
    expect(pkg.source('bom.xml')).toEqual({ text: '<a/>', bytes: null });
    expect(pkg.source('bad.xml')).toEqual({ text: '<a>\uFFFD</a>', bytes: null });
    // decoded before: only the text is kept
    expect(pkg.source('good.xml')).toEqual({ text: '<a>Café</a>', bytes: null });
  });

  it('a tab whose rows are all kept is written as its text, accented and emoji text included', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Café – “quoted” 👍</t></is></c></row><row r="2"><c r="A2" s="1"/></row>';
    const host = await XlsxHost.fromBytes(await oneSheetBook(rows), 'copy.xlsx');
    expect((await host.read({ tabs: ['Data'] })).tabs['Data']!.values).toEqual([['Café – “quoted” 👍']]);
    await host.apply({
      tabs: [
        {
          name: 'Data',
          role: 'entry',
          mode: 'update',
          blocks: [],
          formats: [],
          columnWidths: [],
          merges: [],
          validations: [],
          conditionalFormats: [],
          charts: [],
          freeze: { rows: 1, cols: 0 },
        },
      ],
      namedRanges: [],
    });
    const xml = await (await JSZip.loadAsync(await host.toBytes())).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
        `<sheetData>${rows}</sheetData></worksheet>`,
    );
  });
});
