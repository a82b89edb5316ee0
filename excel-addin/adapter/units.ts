/**
 * Unit conversions between the sheet plan (Excel's own units) and Office.js (points).
 *
 * Column widths: plans give Excel's "characters" (the width of the widest digit of the default font). With the
 * default Calibri 11 a digit is 7 px wide and Excel adds 5 px of padding, so a column of `w` characters is
 * `round(w * 7 + 5)` px; Office.js `format.columnWidth` takes points, at 96 px per inch = 0.75 pt per px.
 * A workbook whose default font is not Calibri 11 gets slightly different widths — a layout nicety, never data.
 */
export const DIGIT_WIDTH_PX = 7;
export const COLUMN_PADDING_PX = 5;
export const POINTS_PER_PX = 0.75;

export function charsToPoints(chars: number): number {
  if (chars <= 0) return 0;
  return Math.round(chars * DIGIT_WIDTH_PX + COLUMN_PADDING_PX) * POINTS_PER_PX;
}

/** Chart sizes in plans are pixels; Office.js chart width/height are points. */
export function pxToPoints(px: number): number {
  return px * POINTS_PER_PX;
}
