/**
 * Opening .xlsx bytes with ExcelJS, with one clear line when they are not an .xlsx workbook.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FileProblem } from '../file-safety.js';
import { REL, parseRels, readText, resolveTarget } from './charts/opc.js';

function notXlsx(label: string, why: string): FileProblem {
  return new FileProblem(
    `${label} is not an .xlsx workbook (or is damaged): ${why}. Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx), then try again; it has not been changed.`,
  );
}

interface MergeParsing {
  _merges: Record<string, unknown>;
  mergeCellsWithoutStyle(range: string): void;
  _parseMergeCells(model: { mergeCells?: string[] }): void;
  __linearMerges?: true;
}

/**
 * ExcelJS compares each merged range it reads from a file with every one read before it (quadratic: 40 s for the
 * 20,000 one-row merges of a large Summary). A saved workbook's merges never overlap (Excel and LibreOffice refuse a
 * file whose merges do), so each is merged against an empty list and added to the others: linear, same result.
 */
function readMergesLinearly(): void {
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe')) as MergeParsing;
  if (proto.__linearMerges) return;
  proto.__linearMerges = true;
  proto._parseMergeCells = function (this: MergeParsing, model) {
    const all: Record<string, unknown> = {};
    for (const merge of model.mergeCells ?? []) {
      this._merges = {};
      this.mergeCellsWithoutStyle(merge);
      Object.assign(all, this._merges);
    }
    this._merges = all;
  };
}
readMergesLinearly();

/** Parse the bytes of an .xlsx file into an ExcelJS workbook and its zip (for the parts ExcelJS drops). */
export async function loadXlsx(bytes: Uint8Array, label: string): Promise<{ workbook: ExcelJS.Workbook; zip: JSZip }> {
  if (bytes.length === 0) throw notXlsx(label, 'the file is empty');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw notXlsx(label, 'it is an older .xls workbook or a password-protected one');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notXlsx(label, 'it is not a zip package as .xlsx files are');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw notXlsx(label, `the zip package cannot be read (${(e as Error).message})`);
  }
  const rootRels = parseRels(await readText(zip, '_rels/.rels'));
  const main = rootRels.find((r) => r.type === REL.officeDocument);
  const mainPath = main ? resolveTarget('', main.target) : null;
  if (!mainPath || !mainPath.endsWith('.xml') || !zip.file(mainPath) || !/<(\w+:)?workbook\b/.test((await readText(zip, mainPath)) ?? '')) {
    throw notXlsx(label, 'it holds no spreadsheet (perhaps a Word or PowerPoint file)');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw notXlsx(label, (e as Error).message.split('\n')[0] ?? 'ExcelJS could not read it');
  }
  return { workbook, zip };
}
