/**
 * The report's chart as a DrawingML chart part (word/charts/chartN.xml): a horizontal bar chart whose values are
 * carried in the part itself (a cache of the series), so Word and LibreOffice draw it without a workbook. Each bar
 * takes its RAG colour when the caller gives one; the value is printed at the end of each bar.
 */
import { xmlEscape } from '../core/util/xml-escape.js';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface BarChart {
  title: string;
  categories: string[];
  seriesName: string;
  values: (number | null)[];
  /** #RRGGBB per bar, or null for the series colour */
  colours: (string | null)[];
  min: number;
  max: number;
  axisTitle: string;
}

/** Column letter of the (notional) data sheet the references name; the values themselves are in the cache. */
function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: (number | null)[]): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>0.00</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function txPr(size: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>`;
}

function rich(text: string, size: number, bold: boolean): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="en-GB" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

export function barChartXml(chart: BarChart): string {
  const n = chart.categories.length;
  const fill = (hex: string) =>
    `<c:spPr><a:solidFill><a:srgbClr val="${hex.replace('#', '')}"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>`;
  const points = chart.colours
    .map((c, i) => (c ? `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(c)}</c:dPt>` : ''))
    .join('');
  const span = chart.max - chart.min;
  const unit = span <= 4 ? 0.5 : span <= 10 ? 1 : null;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${rich(chart.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f>${strCache([chart.seriesName])}</c:strRef></c:tx>` +
    `${fill('1F4E79')}<c:invertIfNegative val="0"/>${points}` +
    `<c:dLbls><c:numFmt formatCode="0.00" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr(900)}` +
    `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$${n + 1}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>Sheet1!$B$2:$B$${n + 1}</c:f>${numCache(chart.values)}</c:numRef></c:val>` +
    `</c:ser>` +
    `<c:gapWidth val="50"/><c:axId val="60010001"/><c:axId val="60010002"/></c:barChart>` +
    // categories top to bottom in the order of the table above the chart
    `<c:catAx><c:axId val="60010001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(900)}` +
    `<c:crossAx val="60010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="60010002"/><c:scaling><c:orientation val="minMax"/><c:max val="${chart.max}"/><c:min val="${chart.min}"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:title>${rich(chart.axisTitle, 900, false)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(900)}` +
    `<c:crossAx val="60010001"/><c:crosses val="max"/><c:crossBetween val="between"/>${unit ? `<c:majorUnit val="${unit}"/>` : ''}</c:valAx>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}
