/**
 * DrawingML for a clustered bar/column chart over a plan's range (ExcelJS has no chart API).
 * The chart refers to the cells (so Excel and LibreOffice redraw it as people type) and carries a cache of the
 * values at save time (so viewers that do not recalculate still draw it).
 */
import { xmlEscape } from '../../../core/util/xml-escape.js';
import type { ChartSpec } from '../../../core/sheet-plan/types.js';
import { sheetRef, rangeA1 } from '../../../core/util/a1.js';

export const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

/** Series colours (default, ours): dark blue, then orange and grey, each readable on white with black labels. */
export const SERIES_COLOURS = ['1F4E79', 'C55A11', '7F7F7F', '548235', '7030A0'];

export interface ChartData {
  /** header of each series column */
  seriesNames: string[];
  categories: string[];
  /** values[series][category]; null = blank */
  values: Array<Array<number | null>>;
}

function strCache(values: string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: Array<number | null>): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="en-GB" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich>`
  );
}

function textProps(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;
}

/** The chart part (xl/charts/chartN.xml) for a spec on `sheet`. */
export function chartXml(spec: ChartSpec, sheet: string, data: ChartData): string {
  const { row, col, rows, cols } = spec.data;
  const ref = (r: number, c: number, nr: number, nc: number) =>
    `${sheetRef(sheet)}!${rangeA1({ row: r, col: c, rows: nr, cols: nc }, true)}`;
  const nCat = rows - 1;
  const series = [];
  for (let s = 0; s < cols - 1; s++) {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length]!;
    series.push(
      `<c:ser><c:idx val="${s}"/><c:order val="${s}"/>` +
        `<c:tx><c:strRef><c:f>${xmlEscape(ref(row, col + 1 + s, 1, 1))}</c:f>${strCache([data.seriesNames[s] ?? ''])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:numFmt formatCode="0.00" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(1100)}` +
        `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        `<c:cat><c:strRef><c:f>${xmlEscape(ref(row + 1, col, nCat, 1))}</c:f>${strCache(data.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xmlEscape(ref(row + 1, col + 1 + s, nCat, 1))}</c:f>${numCache(data.values[s] ?? [])}</c:numRef></c:val>` +
        `</c:ser>`,
    );
  }
  const bar = spec.kind === 'bar';
  // Horizontal bars list categories top to bottom in sheet order: reverse the category axis, keep values at the bottom.
  const catOrientation = bar ? 'maxMin' : 'minMax';
  const scaling =
    `<c:scaling><c:orientation val="minMax"/>` +
    (spec.max !== undefined ? `<c:max val="${spec.max}"/>` : '') +
    (spec.min !== undefined ? `<c:min val="${spec.min}"/>` : '') +
    `</c:scaling>`;
  const legend = cols - 1 > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(1100)}</c:legend>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx>${richText(spec.title, 1400, true)}</c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${bar ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series.join('') +
    `<c:gapWidth val="60"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="${catOrientation}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textProps(1100)}<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/>${scaling}<c:delete val="0"/><c:axPos val="${bar ? 'b' : 'l'}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(1100)}` +
    `<c:crossAx val="50010001"/><c:crosses val="${bar ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>` +
    (spec.max !== undefined && spec.min !== undefined && spec.max - spec.min <= 10
      ? `<c:majorUnit val="${spec.max - spec.min <= 4 ? 0.5 : 1}"/>`
      : '') +
    `</c:valAx>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:plotArea>` +
    legend +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

export interface CellAnchor {
  col: number; // 0-based
  colOff: number; // EMU
  row: number; // 0-based
  rowOff: number; // EMU
}

/** One chart's anchor in a drawing part. `name` identifies our charts (`PR chart <id>`); `descr` is its alt text. */
export function anchorXml(from: CellAnchor, to: CellAnchor, shapeId: number, name: string, descr: string, relId: string): string {
  const pos = (tag: string, p: CellAnchor) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>${p.colOff}</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>${p.rowOff}</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${pos('from', from)}${pos('to', to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${xmlEscape(name)}" descr="${xmlEscape(descr)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}
