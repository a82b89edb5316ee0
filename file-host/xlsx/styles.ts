/**
 * A plan's `CellFormat` as ExcelJS style parts. Each part is merged into what the cell already has, and always as a
 * new object (ExcelJS shares style objects between cells, so they must never be mutated in place).
 */
import type ExcelJS from 'exceljs';
import type { CellFormat, ConditionalRule } from '../../core/sheet-plan/types.js';

/** #RRGGBB → ExcelJS ARGB (opaque). */
export function argb(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new RangeError(`not a #RRGGBB colour: ${hex}`);
  return `FF${m[1]!.toUpperCase()}`;
}

const BORDER_GREY = 'FFA6A6A6';

export function applyFormat(cell: ExcelJS.Cell, f: CellFormat): void {
  if (f.bold !== undefined || f.italic !== undefined || f.fontSize !== undefined || f.fontColour !== undefined) {
    // a font without a name falls back to a serif face in LibreOffice: keep the workbook's default face
    const font: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11, family: 2, ...(cell.font ?? {}) };
    if (f.bold !== undefined) font.bold = f.bold;
    if (f.italic !== undefined) font.italic = f.italic;
    if (f.fontSize !== undefined) font.size = f.fontSize;
    if (f.fontColour !== undefined) font.color = { argb: argb(f.fontColour) };
    cell.font = font;
  }
  if (f.fill !== undefined) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill) }, bgColor: { argb: argb(f.fill) } };
  }
  if (f.wrap !== undefined || f.hAlign !== undefined || f.vAlign !== undefined) {
    const al: Partial<ExcelJS.Alignment> = { ...(cell.alignment ?? {}) };
    if (f.wrap !== undefined) al.wrapText = f.wrap;
    if (f.hAlign !== undefined) al.horizontal = f.hAlign;
    if (f.vAlign !== undefined) al.vertical = f.vAlign;
    cell.alignment = al;
  }
  if (f.numberFormat !== undefined) cell.numFmt = f.numberFormat;
  if (f.border === 'thin') {
    const side: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: BORDER_GREY } };
    cell.border = { top: side, left: side, bottom: side, right: side };
  } else if (f.border === 'none') {
    cell.border = {};
  }
}

/** The differential style (dxf) of a conditional rule. In a dxf a solid fill's colour is its background colour. */
export function conditionalStyle(format: ConditionalRule['format']): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (format.fill) {
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(format.fill) }, bgColor: { argb: argb(format.fill) } };
  }
  if (format.fontColour !== undefined || format.bold !== undefined) {
    const font: Partial<ExcelJS.Font> = {};
    if (format.fontColour) font.color = { argb: argb(format.fontColour) };
    if (format.bold !== undefined) font.bold = format.bold;
    style.font = font;
  }
  return style;
}
