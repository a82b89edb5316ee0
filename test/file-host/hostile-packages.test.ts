/**
 * Packages no spreadsheet program should hand us, made here from a review `partnership-review new` wrote: each is
 * refused by `check`, `import` and `summarise` with exit 2 and one line saying what is wrong — never an "unexpected
 * error", never gigabytes of memory — and the file is left exactly as it was. Also a workbook saved as Strict Open XML
 * (Excel's "Strict Open XML Spreadsheet": other namespaces and relationship types), refused with how to convert it.
 * The zip files are written byte by byte below (not by the engine under test), so each can break one rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { builtinFrameworks } from '../../core/framework/catalogue.js';
import { formsCsv, newArgs } from '../support/review-files.js';
import { cli } from './cli-helpers.js';
import { tempDir } from './helpers.js';
import { unzipPackage } from '../support/ooxml-validate.js';

interface RawEntry {
  name: string;
  data: Uint8Array;
  /** the uncompressed size written in the headers (default: the true one) */
  declaredSize?: number;
}

/** A zip file, deflating every entry: local headers, central directory, end record (APPNOTE 4.3). */
function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = deflateRawSync(e.data);
    const crc = zlibCrc32(e.data) >>> 0;
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
let parts: RawEntry[] = [];
let csv = '';

const FRAMEWORK = builtinFrameworks().find((f) => f.id === 'partnership-tree')!;
const text = (s: string) => new TextEncoder().encode(s);
const textOf = (name: string) => new TextDecoder().decode(parts.find((p) => p.name === name)!.data);
/** the review's parts with `name` replaced by `data` */
const withPart = (name: string, data: string | Uint8Array, declaredSize?: number): RawEntry[] =>
  parts.map((p) => (p.name === name ? { name, data: typeof data === 'string' ? text(data) : data, declaredSize } : p));

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pr-hostile-'));
  const base = join(dir, 'base.xlsx');
  const made = await cli(...newArgs(base, FRAMEWORK));
  expect(made.code).toBe(0);
  parts = [...unzipPackage(new Uint8Array(await readFile(base)))].map(([name, data]) => ({ name, data }));
  csv = join(dir, 'responses.csv');
  await writeFile(csv, formsCsv(FRAMEWORK));
});
afterAll(() => cleanup());

/** `check`, `import` and `summarise` on a copy of `bytes`: each exits 2 with one line matching `why`, file unchanged. */
async function refused(name: string, bytes: Buffer, why: RegExp): Promise<void> {
  const original = join(dir, name);
  await writeFile(original, bytes);
  for (const args of [['check'], ['import', '', csv], ['summarise']]) {
    const file = join(dir, `work-${name}`);
    await copyFile(original, file);
    const full = args.length === 1 ? [args[0]!, file, '--quiet'] : [args[0]!, file, args[2]!, '--quiet'];
    const r = await cli(...full);
    expect({ command: args[0], code: r.code }).toEqual({ command: args[0], code: 2 });
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/unexpected error/);
    expect(lines[0]).toMatch(why);
    expect(lines[0]).toContain('it has not been changed');
    expect((await readFile(file)).equals(bytes), `${args[0]} left the file as it was`).toBe(true);
  }
}

describe('hostile packages are refused cleanly', () => {
  it('the review itself, re-zipped by the writer here, is read (so each refusal below is for its one fault)', async () => {
    const file = join(dir, 'plain.xlsx');
    await writeFile(file, rawZip(parts));
    const r = await cli('check', file, '--quiet');
    expect(r.stderr).not.toMatch(/cannot|damaged|not an \.xlsx/);
    expect([0, 1]).toContain(r.code);
  });

  it('a part declared larger than 256 MB (a "zip bomb") is refused before it is unpacked', async () => {
    const sst = parts.find((p) => p.name === 'xl/sharedStrings.xml')!;
    await refused(
      'bomb.xlsx',
      rawZip(withPart(sst.name, sst.data, 1_200_000_000)),
      /xl\/sharedStrings\.xml would unpack to 1,144 MB, more than the 256 MB/,
    );
  });

  it('a part that unpacks to more than its directory declares is refused, without unpacking the rest of it', async () => {
    // 20 MB of spaces inside the strings part, declared as 2,000 bytes
    const sst = textOf('xl/sharedStrings.xml');
    const padded = sst.replace('</sst>', `${' '.repeat(20_000_000)}</sst>`);
    await refused(
      'lying.xlsx',
      rawZip(withPart('xl/sharedStrings.xml', padded, 2000)),
      /xl\/sharedStrings\.xml unpacks to more than its declared 2000 bytes/,
    );
  });

  it('two entries with the same name are refused (programs differ in which one they read)', async () => {
    const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
    await refused('duplicate.xlsx', rawZip([...parts, wb]), /two entries named xl\/workbook\.xml/);
  });

  it('two names that differ only in case (the same part in OPC) are refused', async () => {
    await refused(
      'duplicate-case.xlsx',
      rawZip([...parts, { name: 'XL/Workbook.xml', data: text('<x/>') }]),
      /two entries named XL\/Workbook\.xml/,
    );
  });

  it('a DOCTYPE in a part read later (entity expansion, "billion laughs") is refused', async () => {
    const sst = textOf('xl/sharedStrings.xml');
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      sst.slice(sst.indexOf('?>') + 2).replace('<t>', '<t>&lol3;');
    await refused('laughs.xlsx', rawZip(withPart('xl/sharedStrings.xml', laughs)), /a DOCTYPE is not allowed/);
  });

  it('an external entity (XXE) in a worksheet is refused, nothing read from the disk', async () => {
    const responses = parts.find((p) => /worksheets\/sheet2\.xml$/.test(p.name))!;
    const src = new TextDecoder().decode(responses.data);
    const xxe = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${src.slice(src.indexOf('?>') + 2)}`;
    await refused('xxe.xlsx', rawZip(withPart(responses.name, xxe)), /a DOCTYPE is not allowed/);
  });

  it('a tab whose worksheet part is missing is named (not taken for a review without its key row)', async () => {
    const wb = textOf('xl/workbook.xml');
    const rels = textOf('xl/_rels/workbook.xml.rels');
    const rid = /<sheet [^>]*name="Responses"[^>]*r:id="([^"]+)"/.exec(wb)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    await refused(
      'missing-part.xlsx',
      rawZip(parts.filter((p) => p.name !== `xl/${target}`)),
      new RegExp(`its tab "Responses" should be in xl/${target.replace(/\./g, '\\.')}, which is not in the package`),
    );
  });

  it("a row past Excel's last (5,000,000) is refused, not counted as a respondent the Summary's ranges cannot reach", async () => {
    const wb = textOf('xl/workbook.xml');
    const rels = textOf('xl/_rels/workbook.xml.rels');
    const rid = /<sheet [^>]*name="Responses"[^>]*r:id="([^"]+)"/.exec(wb)![1];
    const part = `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!}`;
    const far = textOf(part).replace(
      '</sheetData>',
      '<row r="5000000"><c r="A5000000" t="inlineStr"><is><t>Far</t></is></c><c r="D5000000"><v>3</v></c></row></sheetData>',
    );
    await refused(
      'far-row.xlsx',
      rawZip(withPart(part, far)),
      /the tab "Responses" \(xl\/worksheets\/sheet\d+\.xml\): a row is numbered 5000000, outside Excel's rows 1 to 1,048,576/,
    );
    const wide = textOf(part).replace(
      '</sheetData>',
      '<row r="1048576"><c r="ZZZZ1048576" t="inlineStr"><is><t>Far</t></is></c></row></sheetData>',
    );
    await refused('far-column.xlsx', rawZip(withPart(part, wide)), /a cell \(ZZZZ1048576\) is past Excel's last column, XFD/);
  });

  it('a package without its list of content types ([Content_Types].xml) is refused', async () => {
    await refused('no-types.xlsx', rawZip(parts.filter((p) => p.name !== '[Content_Types].xml')), /\[Content_Types\]\.xml\) is missing/);
  });

  it('an entity XML does not define (&nbsp; from HTML) is refused as damaged', async () => {
    const sst = textOf('xl/sharedStrings.xml').replace('<t>', '<t>&nbsp;');
    await refused('nbsp.xlsx', rawZip(withPart('xl/sharedStrings.xml', sst)), /unknown entity &nbsp;/);
  });
});

/** ISO/IEC 29500 Strict namespaces and relationship types, as Excel's "Strict Open XML Spreadsheet" save writes them. */
const STRICT: Array<[string, string]> = [
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
    'http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties',
  ],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
    'http://purl.oclc.org/ooxml/officeDocument/extendedProperties',
  ],
  ['http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing', 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing'],
  ['http://schemas.openxmlformats.org/drawingml/2006/chart', 'http://purl.oclc.org/ooxml/drawingml/chart'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
];

describe('a workbook saved as Strict Open XML', () => {
  const strict = (alsoConformance: boolean) =>
    rawZip(
      parts.map((p) => {
        if (p.name === '[Content_Types].xml' || !/\.(xml|rels)$/.test(p.name)) return p;
        let s = new TextDecoder().decode(p.data);
        for (const [from, to] of STRICT) s = s.split(from).join(to);
        if (alsoConformance && p.name === 'xl/workbook.xml') s = s.replace('<workbook ', '<workbook conformance="strict" ');
        return { name: p.name, data: text(s) };
      }),
    );

  it('is refused with how to save it as an ordinary workbook, not called "not a Partnership Review workbook"', async () => {
    await refused('strict.xlsx', strict(true), /saved as a Strict Open XML Spreadsheet.*"Excel Workbook \(\*\.xlsx\)"/);
  });

  it('is recognised by its namespaces alone (no conformance attribute)', async () => {
    await refused('strict-ns.xlsx', strict(false), /Strict Open XML Spreadsheet/);
  });

  it('as the responses file to import, is refused naming that file; the review is unchanged', async () => {
    const review = join(dir, 'review-for-strict.xlsx');
    expect((await cli(...newArgs(review, FRAMEWORK))).code).toBe(0);
    const before = await readFile(review);
    const exportFile = join(dir, 'strict-export.xlsx');
    await writeFile(exportFile, strict(true));
    const r = await cli('import', review, exportFile, '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('strict-export.xlsx is saved as a Strict Open XML Spreadsheet');
    expect((await readFile(review)).equals(before)).toBe(true);
  });
});
