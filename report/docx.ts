/**
 * The report content as a Word document (.docx), with the `docx` package. Editable as a document a person wrote:
 * every heading is a real heading style, body text, notes, captions and table text are paragraph styles, tables take
 * one table style and repeat their header row on each page, and the chart is a real Word chart (DrawingML, its values
 * carried in the document) with alternative text. No I/O: bytes out; the caller saves or downloads them.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImportedXmlComponent,
  LevelFormat,
  LineRuleType,
  Packer,
  PackagePart,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  XmlComponent,
  type IContext,
  type IXmlableObject,
} from 'docx';
import type { ReportBlock, ReportContent } from '../core/report/types.js';
import type { Rag } from '../core/scoring/types.js';
import { xmlEscape } from '../core/util/xml-escape.js';
import { barChartXml } from './chart-xml.js';

const RAG_FILL: Record<Rag, string> = { red: 'C00000', amber: 'FFC000', green: '70AD47' };
/** A4 portrait with 2 cm margins: 17 cm of text width. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH_EMU = Math.round(((PAGE.width - 2 * PAGE.margin) / 1440) * 914400);

const TABLE_STYLE = `<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="table" w:styleId="ReportTable">
<w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:qFormat/>
<w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>
<w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>
</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>
<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DEEAF6"/></w:tcPr></w:tblStylePr>
</w:style>`;

/** A run holding the chart: adds the chart part (and its relationship) when the document is written. */
class ChartRun extends XmlComponent {
  private readonly part: PackagePart;
  private readonly inner: ImportedXmlComponent;
  constructor(chartXml: string, id: number, title: string, alt: string, heightEmu: number) {
    super('w:r');
    this.part = new PackagePart({
      folder: 'charts',
      name: 'chart',
      extension: 'xml',
      contentType: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
      relationshipType: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
      content: new TextEncoder().encode(chartXml),
    });
    const drawing =
      `<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:drawing>` +
      `<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">` +
      `<wp:extent cx="${TEXT_WIDTH_EMU}" cy="${heightEmu}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
      `<wp:docPr id="${1000 + id}" name="Chart ${id}" title="${xmlEscape(title)}" descr="${xmlEscape(alt)}"/>` +
      `<wp:cNvGraphicFramePr/>` +
      `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${this.part.relationshipId}"/>` +
      `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    this.inner = ImportedXmlComponent.fromXmlString(drawing);
  }
  override prepForXml(context: IContext): IXmlableObject | undefined {
    this.part.addTo(context);
    return this.inner.prepForXml(context);
  }
}

function cellParagraphs(text: string, style: string): Paragraph[] {
  const lines = text.split('\n');
  return lines.map((line) => new Paragraph({ style, children: [new TextRun(line)] }));
}

function table(block: Extract<ReportBlock, { kind: 'table' }>, landscape: boolean): Table {
  const cols = block.header.length;
  const widths = block.widths && block.widths.length === cols ? block.widths : Array.from({ length: cols }, () => 1);
  const sum = widths.reduce((a, b) => a + b, 0);
  const twips = (landscape ? PAGE.height : PAGE.width) - 2 * PAGE.margin;
  const colTwips = widths.map((w) => Math.floor((w / sum) * twips));
  const numeric = (s: string) => /^[+−-]?[\d.,]+%?$|^–$/.test(s.trim());
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.header.map(
      (h, i) => new TableCell({ width: { size: colTwips[i]!, type: WidthType.DXA }, children: cellParagraphs(h, 'TableHeading') }),
    ),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map(
          (v, i) =>
            new TableCell({
              width: { size: colTwips[i]!, type: WidthType.DXA },
              children: cellParagraphs(v, i > 0 && numeric(v) ? 'TableNumber' : 'TableText'),
            }),
        ),
      }),
  );
  return new Table({ style: 'ReportTable', width: { size: twips, type: WidthType.DXA }, columnWidths: colTwips, rows: [header, ...rows] });
}

function heading(level: 1 | 2 | 3): (typeof HeadingLevel)[keyof typeof HeadingLevel] {
  return level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
}

type Child = Paragraph | Table;
interface Part {
  landscape: boolean;
  children: Child[];
}

/** The document's parts: a new one (a Word section, on a new page) wherever the orientation changes. */
function render(content: ReportContent): Part[] {
  const parts: Part[] = [{ landscape: false, children: [] }];
  let out: Child[] = parts[0]!.children;
  let landscape = false;
  out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title)] }));
  for (const line of content.titlePage) {
    out.push(new Paragraph({ style: 'TitlePageLabel', children: [new TextRun(line.label)] }));
    out.push(new Paragraph({ style: 'TitlePageValue', children: [new TextRun(line.value)] }));
  }
  out.push(new Paragraph({ pageBreakBefore: false, children: [], style: 'Normal' }));
  let tables = 0;
  let figures = 0;
  let first = true;
  for (const b of content.blocks) {
    switch (b.kind) {
      case 'heading':
        // the first heading starts the body on a new page, after the title page
        out.push(
          new Paragraph({ heading: heading(b.level), pageBreakBefore: first && parts.length === 1, children: [new TextRun(b.text)] }),
        );
        first = false;
        break;
      case 'paragraph':
        out.push(new Paragraph({ ...(b.style === 'note' ? { style: 'Note' } : {}), children: [new TextRun(b.text)] }));
        break;
      case 'bullets':
        for (const item of b.items)
          out.push(
            new Paragraph({ style: 'ListBullet', numbering: { reference: 'report-bullets', level: 0 }, children: [new TextRun(item)] }),
          );
        break;
      case 'table':
        tables += 1;
        out.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(`Table ${tables}: ${b.caption}`)] }));
        out.push(table(b, landscape));
        out.push(new Paragraph({ style: 'AfterTable', children: [] }));
        break;
      case 'chart': {
        figures += 1;
        const series = b.series[0]!;
        const xml = barChartXml({
          title: b.title,
          categories: b.categories,
          seriesName: series.name,
          values: series.values,
          colours: b.rag.map((r) => (r ? RAG_FILL[r] : null)),
          min: b.min,
          max: b.max,
          axisTitle: b.axisTitle,
        });
        // 0.9 cm a bar plus room for the title and axis, within half a page
        const heightCm = Math.min(13, 3.5 + 0.9 * b.categories.length);
        out.push(
          new Paragraph({
            style: 'Figure',
            keepNext: true,
            children: [new ChartRun(xml, figures, b.title, b.alt, Math.round(heightCm * 360000)) as unknown as TextRun],
          }),
        );
        out.push(
          new Paragraph({
            style: 'Caption',
            children: [new TextRun(`Figure ${figures}: ${b.title}. Bars are coloured by RAG: green, amber or red.`)],
          }),
        );
        break;
      }
      case 'pageBreak':
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
      case 'orientation': {
        const want = b.orientation === 'landscape';
        if (want === landscape) break;
        landscape = want;
        const part = { landscape, children: [] as Child[] };
        parts.push(part);
        out = part.children;
        first = false;
        break;
      }
    }
  }
  return parts.filter((p, i) => i === 0 || p.children.length > 0);
}

export function reportDocument(content: ReportContent): Document {
  const font = 'Calibri';
  const doc = new Document({
    creator: 'Partnership Review',
    title: content.title,
    description: content.titlePage.map((l) => `${l.label}: ${l.value}`).join('; '),
    styles: {
      default: {
        document: {
          run: { font, size: 22, language: { value: content.language } },
          paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font, size: 48, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 2400, after: 480 } } },
        heading1: {
          run: { font, size: 32, bold: true, color: '1F3864' },
          paragraph: { keepNext: true, keepLines: true, spacing: { before: 360, after: 120 } },
        },
        heading2: {
          run: { font, size: 26, bold: true, color: '1F3864' },
          paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 80 } },
        },
        heading3: {
          run: { font, size: 22, bold: true },
          paragraph: { keepNext: true, keepLines: true, spacing: { before: 200, after: 60 } },
        },
      },
      paragraphStyles: [
        {
          id: 'TitlePageLabel',
          name: 'Title Page Label',
          basedOn: 'Normal',
          next: 'TitlePageValue',
          quickFormat: true,
          run: { size: 20, color: '595959' },
          paragraph: { keepNext: true, spacing: { before: 240, after: 0 } },
        },
        {
          id: 'TitlePageValue',
          name: 'Title Page Value',
          basedOn: 'Normal',
          next: 'TitlePageLabel',
          quickFormat: true,
          run: { size: 28 },
          paragraph: { spacing: { after: 0 } },
        },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '595959' } },
        {
          id: 'Caption',
          name: 'caption',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { bold: true, size: 20, color: '1F3864' },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
        {
          id: 'Figure',
          name: 'Figure',
          basedOn: 'Normal',
          next: 'Caption',
          quickFormat: true,
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 } },
        },
        {
          id: 'TableHeading',
          name: 'Table Heading',
          basedOn: 'Normal',
          quickFormat: true,
          run: { bold: true, size: 18 },
          paragraph: { keepNext: true, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
        {
          id: 'TableText',
          name: 'Table Text',
          basedOn: 'Normal',
          quickFormat: true,
          run: { size: 18 },
          paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
        { id: 'TableNumber', name: 'Table Number', basedOn: 'TableText', quickFormat: true, paragraph: { alignment: AlignmentType.RIGHT } },
        {
          id: 'AfterTable',
          name: 'After Table',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 8 },
          paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
        { id: 'ListBullet', name: 'List Bullet', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 60 } } },
        {
          id: 'Footer',
          name: 'footer',
          basedOn: 'Normal',
          run: { size: 18, color: '595959' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'report-bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
      ],
    },
    sections: render(content).map((part) => ({
      properties: {
        page: {
          size: {
            width: PAGE.width,
            height: PAGE.height,
            orientation: part.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
        },
      },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({
              style: 'Footer',
              children: [new TextRun({ children: [`${content.title} · page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
            }),
          ],
        }),
      },
      children: part.children,
    })),
  });
  // the table style goes beside docx's default styles (passing it in `importedStyles` would replace them)
  doc.Styles.addChildElement(ImportedXmlComponent.fromXmlString(TABLE_STYLE));
  return doc;
}

/** The .docx file's bytes. */
export async function reportDocx(content: ReportContent): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(content)));
}
