/**
 * Charts in the saved package. ExcelJS neither writes charts nor keeps the ones a file already has, so:
 * - on open, `keptCharts` copies every chart anchored on each sheet (ours and ones people made), with its parts;
 * - on save, `writeCharts` puts the kept charts and the plan's new ones back: chart parts, a drawing part per sheet,
 *   their relationships, the sheet's `<drawing r:id>` and the content types.
 */
import type JSZip from 'jszip';
import {
  CONTENT_TYPE,
  REL,
  addOverrides,
  contentTypeOf,
  getAttr,
  parseRels,
  readContentTypes,
  readText,
  relativeTarget,
  relsPathOf,
  relsXml,
  resolveTarget,
  sheetParts,
  type Relationship,
} from './opc.js';
import { NS } from './chart-xml.js';

/** A chart carried over from the opened file. */
export interface KeptChart {
  /** our chart id when the anchor is named `PR chart <id>`, else null (a chart a person made) */
  id: string | null;
  /** the anchor element, with the chart's relationship id replaced by `__PR_CHART_REL__` */
  anchor: string;
  /** namespace declarations of the drawing it came from (prefix → uri) */
  namespaces: Record<string, string>;
  chartPath: string;
  /** the chart part and every part it refers to, with their content types */
  parts: Array<{ path: string; data: Uint8Array; type: string | null }>;
}

/** A chart ready to place: a finished anchor (with the placeholder) and its chart part. */
export interface NewChart {
  anchor: string;
  chartXml: string;
}

export const CHART_NAME_PREFIX = 'PR chart ';
const REL_PLACEHOLDER = '__PR_CHART_REL__';
const ANCHOR_RE = /<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1\2>/g;
const BASE_NS: Record<string, string> = { xdr: NS.xdr, a: NS.a, r: NS.r, c: NS.c };

function namespacesOf(rootTag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of rootTag.matchAll(/\sxmlns:(\w+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

async function partClosure(zip: JSZip, start: string, types: Awaited<ReturnType<typeof readContentTypes>>, seen: Set<string>): Promise<KeptChart['parts']> {
  const out: KeptChart['parts'] = [];
  const queue = [start];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = zip.file(path);
    if (!file) continue;
    out.push({ path, data: await file.async('uint8array'), type: contentTypeOf(types, path) });
    const relsPath = relsPathOf(path);
    const relsFile = zip.file(relsPath);
    if (relsFile) {
      out.push({ path: relsPath, data: await relsFile.async('uint8array'), type: null });
      for (const r of parseRels(await relsFile.async('string'))) if (!r.external) queue.push(resolveTarget(path, r.target));
    }
  }
  return out;
}

/** Every chart on every sheet of an opened package, by sheet name. */
export async function keptCharts(zip: JSZip): Promise<Map<string, KeptChart[]>> {
  const out = new Map<string, KeptChart[]>();
  const types = await readContentTypes(zip);
  for (const [sheet, sheetPath] of await sheetParts(zip)) {
    const sheetXml = await readText(zip, sheetPath);
    const drawingTag = sheetXml ? /<(?:\w+:)?drawing\b[^>]*>/.exec(sheetXml) : null;
    if (!drawingTag) continue;
    const rid = getAttr(drawingTag[0], 'r:id');
    const rel = parseRels(await readText(zip, relsPathOf(sheetPath))).find((r) => r.id === rid);
    if (!rel) continue;
    const drawingPath = resolveTarget(sheetPath, rel.target);
    const drawingXml = await readText(zip, drawingPath);
    if (!drawingXml) continue;
    const rootTag = /<(\w+:)?wsDr\b[^>]*>/.exec(drawingXml)?.[0] ?? '';
    const namespaces = namespacesOf(rootTag);
    const drawingRels = parseRels(await readText(zip, relsPathOf(drawingPath)));
    const charts: KeptChart[] = [];
    for (const m of drawingXml.matchAll(ANCHOR_RE)) {
      const anchor = m[0];
      const chartRef = /<(\w+):chart\b[^>]*\s(\w+):id\s*=\s*"([^"]+)"[^>]*>/.exec(anchor);
      if (!chartRef) continue; // pictures are ExcelJS's to keep; shapes are not kept
      const chartNs = namespaces[chartRef[1]!] ?? /xmlns:(\w+)="([^"]+)"/.exec(chartRef[0])?.[2];
      if (chartNs && chartNs !== NS.c) continue; // newer chart kinds (chartex) are not carried over
      const chartRel = drawingRels.find((r) => r.id === chartRef[3]);
      if (!chartRel || chartRel.external) continue;
      const chartPath = resolveTarget(drawingPath, chartRel.target);
      const name = /<(?:\w+:)?cNvPr\b[^>]*>/.exec(anchor)?.[0];
      const shapeName = name ? getAttr(name, 'name') : null;
      const id = shapeName?.startsWith(CHART_NAME_PREFIX) ? shapeName.slice(CHART_NAME_PREFIX.length) : null;
      const fixed = anchor.replace(chartRef[0], chartRef[0].replace(`"${chartRef[3]}"`, `"${REL_PLACEHOLDER}"`));
      charts.push({ id, anchor: fixed, namespaces, chartPath, parts: await partClosure(zip, chartPath, types, new Set()) });
    }
    if (charts.length) out.set(sheet, charts);
  }
  return out;
}

/** Elements that follow `<drawing>` in a worksheet (CT_Worksheet order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function insertDrawingElement(sheetXml: string, relId: string): string {
  const el = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf('</worksheet>');
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

function freePath(zip: JSZip, taken: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const p = make(n);
    if (!zip.file(p) && !taken.has(p)) {
      taken.add(p);
      return p;
    }
  }
}

function freeRelId(rels: Relationship[], stem: string): string {
  for (let n = 1; ; n++) {
    const id = `${stem}${n}`;
    if (!rels.some((r) => r.id === id)) return id;
  }
}

/** Put charts into a package that ExcelJS wrote. */
export async function writeCharts(zip: JSZip, bySheet: Map<string, { kept: KeptChart[]; added: NewChart[] }>): Promise<void> {
  const parts = await sheetParts(zip);
  const taken = new Set<string>();
  for (const { kept } of bySheet.values()) for (const k of kept) for (const p of k.parts) taken.add(p.path);
  const overrides: Array<{ path: string; type: string }> = [];

  for (const [sheet, { kept, added }] of bySheet) {
    if (kept.length === 0 && added.length === 0) continue;
    const sheetPath = parts.get(sheet);
    if (!sheetPath) continue;
    let sheetXml = (await readText(zip, sheetPath)) ?? '';
    const sheetRelsPath = relsPathOf(sheetPath);
    const sheetRels = parseRels(await readText(zip, sheetRelsPath));

    // the drawing part: ExcelJS's own (when the sheet has pictures) or a new one
    const existingTag = /<(?:\w+:)?drawing\b[^>]*>/.exec(sheetXml);
    const existingRel = existingTag ? sheetRels.find((r) => r.id === getAttr(existingTag[0], 'r:id')) : undefined;
    let drawingPath: string;
    let drawingXml: string;
    if (existingRel) {
      drawingPath = resolveTarget(sheetPath, existingRel.target);
      drawingXml = (await readText(zip, drawingPath)) ?? '';
    } else {
      drawingPath = freePath(zip, taken, (n) => `xl/drawings/drawing${n}.xml`);
      drawingXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:c="${NS.c}"></xdr:wsDr>`;
      const relId = freeRelId(sheetRels, 'rIdPrDrawing');
      sheetRels.push({ id: relId, type: REL.drawing, target: relativeTarget(sheetPath, drawingPath), external: false });
      sheetXml = insertDrawingElement(sheetXml, relId);
      zip.file(sheetPath, sheetXml);
      zip.file(sheetRelsPath, relsXml(sheetRels));
      overrides.push({ path: drawingPath, type: CONTENT_TYPE.drawing });
    }
    const drawingRelsPath = relsPathOf(drawingPath);
    const drawingRels = parseRels(await readText(zip, drawingRelsPath));

    // namespaces every anchor needs, declared on the drawing's root
    const needed: Record<string, string> = { ...BASE_NS };
    for (const k of kept) Object.assign(needed, k.namespaces);
    const rootMatch = /<(\w+:)?wsDr\b[^>]*>/.exec(drawingXml);
    if (rootMatch) {
      const have = namespacesOf(rootMatch[0]);
      const extra = Object.entries(needed)
        .filter(([p]) => !(p in have))
        .map(([p, uri]) => ` xmlns:${p}="${uri}"`)
        .join('');
      drawingXml = drawingXml.replace(rootMatch[0], rootMatch[0].replace(/\/?>$/, (end) => `${extra}${end}`));
    }
    let nextShapeId = Math.max(1, ...[...drawingXml.matchAll(/cNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1]))) + 1;

    const anchors: string[] = [];
    for (const k of kept) {
      for (const p of k.parts) {
        zip.file(p.path, p.data);
        if (p.type) overrides.push({ path: p.path, type: p.type });
      }
      const relId = freeRelId(drawingRels, 'rIdPrChart');
      drawingRels.push({ id: relId, type: REL.chart, target: relativeTarget(drawingPath, k.chartPath), external: false });
      anchors.push(k.anchor.replace(REL_PLACEHOLDER, relId).replace(/(cNvPr\b[^>]*\sid=")\d+"/, `$1${nextShapeId++}"`));
    }
    for (const a of added) {
      const chartPath = freePath(zip, taken, (n) => `xl/charts/chart${n}.xml`);
      zip.file(chartPath, a.chartXml);
      overrides.push({ path: chartPath, type: CONTENT_TYPE.chart });
      const relId = freeRelId(drawingRels, 'rIdPrChart');
      drawingRels.push({ id: relId, type: REL.chart, target: relativeTarget(drawingPath, chartPath), external: false });
      anchors.push(a.anchor.replace(REL_PLACEHOLDER, relId).replace(/(cNvPr\b[^>]*\sid=")\d+"/, `$1${nextShapeId++}"`));
    }
    drawingXml = drawingXml.replace(/<\/(\w+:)?wsDr>\s*$/, (end) => `${anchors.join('')}${end}`);
    zip.file(drawingPath, drawingXml);
    zip.file(drawingRelsPath, relsXml(drawingRels));
  }
  await addOverrides(zip, overrides);
}

export { REL_PLACEHOLDER };
