/**
 * Charts in a tab's drawing part. A chart the plan adds goes into the tab's drawing (made when the tab has none);
 * a chart of ours with the same id (its anchor is named `PR chart <id>`) is replaced in place, reusing its chart
 * part; every other anchor in the drawing — pictures, shapes, charts people made — stays as it was.
 */
import type { Package } from '../package.js';
import { CT, NS as PKG_NS, REL } from '../package.js';
import type { SheetModel } from '../sheet.js';
import { attrLocal, localName, parseXml, type XNode } from '../xml.js';
import { NS } from './chart-xml.js';

export const CHART_NAME_PREFIX = 'PR chart ';
export const REL_PLACEHOLDER = '__PR_CHART_REL__';

export interface NewChart {
  id: string;
  chartXml: string;
  /** the anchor, with REL_PLACEHOLDER where the chart's relationship id goes */
  anchor: string;
}

function descendants(n: XNode, local: string, out: XNode[] = []): XNode[] {
  for (const c of n.children) {
    if (localName(c.name) === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

function drawingPathOf(pkg: Package, sheetPart: string, model: SheetModel): string | null {
  const rid = model.drawingRelId();
  if (!rid) return null;
  const rel = pkg.rels(sheetPart).find((r) => r.id === rid);
  return rel && !rel.external ? pkg.resolve(sheetPart, rel.target) : null;
}

interface AnchorInfo {
  node: XNode;
  /** our id, null for a chart a person made, undefined for anything that is not a chart */
  id: string | null | undefined;
  chartRel: string | null;
}

function anchors(root: XNode): AnchorInfo[] {
  return root.children
    .filter((c) => /Anchor$/.test(localName(c.name)))
    .map((node) => {
      const chart = descendants(node, 'chart').find((c) => attrLocal(c, 'id') !== undefined);
      const name = descendants(node, 'cNvPr')[0]?.attrs['name'] ?? '';
      if (!chart) return { node, id: undefined, chartRel: null };
      return {
        node,
        id: name.startsWith(CHART_NAME_PREFIX) ? name.slice(CHART_NAME_PREFIX.length) : null,
        chartRel: attrLocal(chart, 'id') ?? null,
      };
    });
}

/** The charts on a tab: our id, or null for a chart a person made. */
export function chartIdsOf(pkg: Package, sheetPart: string, model: SheetModel): Array<string | null> {
  const path = drawingPathOf(pkg, sheetPart, model);
  const root = path ? pkg.xml(path) : null;
  if (!root) return [];
  return anchors(root)
    .filter((a) => a.id !== undefined)
    .map((a) => a.id as string | null);
}

export function putCharts(pkg: Package, sheetPart: string, model: SheetModel, charts: NewChart[]): void {
  if (charts.length === 0) return;
  let path = drawingPathOf(pkg, sheetPart, model);
  if (!path || !pkg.has(path)) {
    path = pkg.freeName((n) => `xl/drawings/drawing${n}.xml`);
    pkg.set(
      path,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:c="${NS.c}"></xdr:wsDr>`,
    );
    pkg.setOverride(path, CT.drawing);
    const old = model.drawingRelId();
    if (old) pkg.removeRel(sheetPart, old);
    model.setDrawing(pkg.addRel(sheetPart, REL.drawing, path, 'rIdPrDrawing'));
  }
  let src = pkg.text(path)!;
  let root = parseXml(src);
  // the prefixes the anchors use, declared on the drawing's root when it lacks them
  const need: Record<string, string> = { xdr: NS.xdr, a: NS.a, r: PKG_NS.r };
  const extra = Object.entries(need)
    .filter(([p]) => !(`xmlns:${p}` in root.attrs))
    .map(([p, uri]) => ` xmlns:${p}="${uri}"`)
    .join('');
  if (extra) {
    const tagEnd = root.innerStart - (root.innerEnd === root.end ? 2 : 1);
    src = src.slice(0, tagEnd) + extra + src.slice(tagEnd);
    root = parseXml(src);
  }
  if (root.innerEnd === root.end) {
    src = `${src.slice(0, root.end - 2)}></${root.name}>${src.slice(root.end)}`;
    root = parseXml(src);
  }
  const list = anchors(root);
  let nextId = Math.max(1, ...descendants(root, 'cNvPr').map((n) => Number(n.attrs['id']) || 0)) + 1;
  const replacements: Array<{ start: number; end: number; text: string }> = [];
  const appended: string[] = [];
  for (const chart of charts) {
    const mine = list.find((a) => a.id === chart.id);
    const shaped = chart.anchor.replace(/(cNvPr\b[^>]*\sid=")\d+"/, `$1${nextId++}"`);
    const rel = mine?.chartRel ? pkg.rels(path).find((r) => r.id === mine.chartRel) : undefined;
    if (mine && rel && !rel.external) {
      pkg.set(pkg.resolve(path, rel.target), chart.chartXml);
      replacements.push({ start: mine.node.start, end: mine.node.end, text: shaped.replace(REL_PLACEHOLDER, rel.id) });
      continue;
    }
    const chartPath = pkg.freeName((n) => `xl/charts/chart${n}.xml`);
    pkg.set(chartPath, chart.chartXml);
    pkg.setOverride(chartPath, CT.chart);
    const relId = pkg.addRel(path, REL.chart, chartPath, 'rIdPrChart');
    if (mine) replacements.push({ start: mine.node.start, end: mine.node.end, text: shaped.replace(REL_PLACEHOLDER, relId) });
    else appended.push(shaped.replace(REL_PLACEHOLDER, relId));
  }
  let out = src.slice(0, root.innerEnd) + appended.join('') + src.slice(root.innerEnd);
  for (const r of replacements.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  pkg.set(path, out);
}
