/**
 * A structural check of the add-in manifest that works offline (the Microsoft validator needs the network):
 * well-formed XML, elements in the order of Microsoft's TaskPaneApp schema (offappmanifest 1.1 and
 * VersionOverrides 1.0), a GUID id, https URLs only, host Workbook, ReadWriteDocument, every resid defined, string
 * lengths within Office's limits, and icon files present at the sizes the manifest claims.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A node as fast-xml-parser gives it with `preserveOrder`. */
export type XNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export const DEV_ORIGIN = 'https://localhost:3000';

/** Children of OfficeApp (TaskPaneApp) in schema order; the required ones are marked. */
export const OFFICE_APP_ORDER: { name: string; required: boolean }[] = [
  { name: 'Id', required: true },
  { name: 'AlternateId', required: false },
  { name: 'Version', required: true },
  { name: 'ProviderName', required: true },
  { name: 'DefaultLocale', required: true },
  { name: 'DisplayName', required: true },
  { name: 'Description', required: true },
  { name: 'IconUrl', required: false },
  { name: 'HighResolutionIconUrl', required: false },
  { name: 'SupportUrl', required: false },
  { name: 'AppDomains', required: false },
  { name: 'Hosts', required: false },
  { name: 'Requirements', required: false },
  { name: 'DefaultSettings', required: true },
  { name: 'Permissions', required: true },
  { name: 'AllowSnapshot', required: false },
  { name: 'Dictionary', required: false },
  { name: 'VersionOverrides', required: false },
];

/** Schema order inside the VersionOverrides elements the manifest uses. */
export const NESTED_ORDER: Record<string, string[]> = {
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title'],
  Resources: ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'],
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseManifest(xml: string): XNode[] {
  return new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment' }).parse(
    xml,
  ) as XNode[];
}

export function tagOf(n: XNode): string {
  return Object.keys(n).find((k) => k !== ':@') ?? '';
}

export function childrenOf(n: XNode): XNode[] {
  const c = n[tagOf(n)];
  return Array.isArray(c) ? (c as XNode[]).filter((x) => !['#text', '#comment'].includes(tagOf(x))) : [];
}

export function attrs(n: XNode): Record<string, string> {
  return n[':@'] ?? {};
}

export function textOf(n: XNode): string {
  const c = n[tagOf(n)];
  if (!Array.isArray(c)) return '';
  return (
    (c as XNode[])
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a parsed XML text node is a string or a number
      .map((x) => (x['#text'] === undefined ? '' : String(x['#text'])))
      .join('')
      .trim()
  );
}

export function child(n: XNode, name: string): XNode | undefined {
  return childrenOf(n).find((c) => tagOf(c) === name);
}

/** Depth-first walk over every element. */
export function walk(n: XNode, visit: (n: XNode, path: string) => void, path = tagOf(n)): void {
  visit(n, path);
  for (const c of childrenOf(n)) walk(c, visit, `${path}/${tagOf(c)}`);
}

/** Problems with the order of `names` against `order` (unknown names included). */
export function orderProblems(where: string, names: string[], order: string[]): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const name of names) {
    const i = order.indexOf(name);
    if (i < 0) problems.push(`${where}: <${name}> is not expected here (expected one of ${order.join(', ')})`);
    else if (i < last) problems.push(`${where}: <${name}> must come before <${order[last]}>`);
    else last = i;
  }
  return problems;
}

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function pngSize(buf: Buffer): { width: number; height: number } | undefined {
  if (buf.length < 24 || buf.toString('latin1', 1, 4) !== 'PNG' || buf.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Every problem found; empty when the manifest is sound. `root` is where `assets/` lives. */
export function checkManifest(xml: string, root: string, origin = DEV_ORIGIN): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) return [`manifest is not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  const doc = parseManifest(xml).filter((n) => !['?xml', '#comment'].includes(tagOf(n)));
  const app = doc[0];
  if (!app || doc.length !== 1 || tagOf(app) !== 'OfficeApp') return ['the root element must be <OfficeApp>'];
  const p: string[] = [];
  const a = attrs(app);
  if (a['xsi:type'] !== 'TaskPaneApp') p.push('OfficeApp must have xsi:type="TaskPaneApp"');
  if (a['xmlns'] !== 'http://schemas.microsoft.com/office/appforoffice/1.1') p.push('OfficeApp must use the appforoffice 1.1 namespace');

  const top = childrenOf(app).map(tagOf);
  p.push(
    ...orderProblems(
      'OfficeApp',
      top,
      OFFICE_APP_ORDER.map((e) => e.name),
    ),
  );
  for (const e of OFFICE_APP_ORDER) if (e.required && !top.includes(e.name)) p.push(`OfficeApp: <${e.name}> is required`);
  for (const name of new Set(top)) if (top.filter((t) => t === name).length > 1) p.push(`OfficeApp: <${name}> appears more than once`);

  const id = child(app, 'Id');
  if (!id || !GUID.test(textOf(id))) p.push('<Id> must be a GUID');
  const version = child(app, 'Version');
  if (!version || !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(textOf(version))) p.push('<Version> must be n.n.n.n');
  const display = child(app, 'DisplayName');
  if ((attrs(display ?? {})['DefaultValue'] ?? '').length > 125) p.push('<DisplayName> is longer than 125 characters');
  const description = child(app, 'Description');
  if ((attrs(description ?? {})['DefaultValue'] ?? '').length > 250) p.push('<Description> is longer than 250 characters');

  for (const [name, size] of [
    ['IconUrl', 32],
    ['HighResolutionIconUrl', 64],
  ] as const) {
    const url = attrs(child(app, name) ?? {})['DefaultValue'];
    if (url === undefined) continue;
    const file = iconFile(url, root, origin);
    const dim = file && existsSync(file) ? pngSize(readFileSync(file)) : undefined;
    if (!dim || dim.width !== size || dim.height !== size)
      p.push(`<${name}> must point to a ${size}×${size} PNG in ${origin}/assets/ (got ${url})`);
  }

  const hosts = child(app, 'Hosts');
  const hostNames = hosts ? childrenOf(hosts).map((h) => attrs(h)['Name']) : [];
  if (hostNames.length !== 1 || hostNames[0] !== 'Workbook') p.push('<Hosts> must name exactly one host, Workbook');
  const permissions = child(app, 'Permissions');
  if (!permissions || textOf(permissions) !== 'ReadWriteDocument') p.push('<Permissions> must be ReadWriteDocument');
  const source = child(app, 'DefaultSettings');
  if (!source || !child(source, 'SourceLocation')) p.push('<DefaultSettings> must hold a <SourceLocation>');

  // URLs: https only, anywhere (namespace declarations are names, not addresses)
  walk(app, (n, path) => {
    for (const [k, v] of Object.entries(attrs(n))) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      if (/^[a-z]+:\/\//i.test(v) && !v.startsWith('https://')) p.push(`${path} ${k}: ${v} is not an https URL`);
    }
    const t = textOf(n);
    if (childrenOf(n).length === 0 && /^[a-z]+:\/\//i.test(t) && !t.startsWith('https://')) p.push(`${path}: ${t} is not an https URL`);
  });

  const vo = child(app, 'VersionOverrides');
  if (vo) p.push(...checkVersionOverrides(vo, root, origin));
  return p;
}

function checkVersionOverrides(vo: XNode, root: string, origin: string): string[] {
  const p: string[] = [];
  if (attrs(vo)['xsi:type'] !== 'VersionOverridesV1_0') p.push('VersionOverrides must have xsi:type="VersionOverridesV1_0"');
  walk(vo, (n, path) => {
    const order = NESTED_ORDER[tagOf(n)];
    if (order) p.push(...orderProblems(path, childrenOf(n).map(tagOf), order));
  });

  // resources: ids defined once; every resid used is defined; string limits
  const resources = child(vo, 'Resources');
  const defined = new Map<string, { kind: string; value: string }>();
  for (const group of resources ? childrenOf(resources) : []) {
    for (const item of childrenOf(group)) {
      const { id, DefaultValue } = attrs(item);
      if (!id) continue;
      if (defined.has(id)) p.push(`resource id ${id} is defined twice`);
      defined.set(id, { kind: tagOf(group), value: DefaultValue ?? '' });
      if (tagOf(group) === 'bt:ShortStrings' && (DefaultValue ?? '').length > 125)
        p.push(`short string ${id} is longer than 125 characters`);
      if (tagOf(group) === 'bt:LongStrings' && (DefaultValue ?? '').length > 250) p.push(`long string ${id} is longer than 250 characters`);
    }
  }
  const used = new Set<string>();
  let ribbonButton = false;
  walk(vo, (n, path) => {
    const resid = attrs(n)['resid'];
    if (resid) {
      used.add(resid);
      if (!defined.has(resid)) p.push(`${path}: resid "${resid}" is not defined in <Resources>`);
    }
    if (tagOf(n) === 'bt:Image' && resid && attrs(n)['size']) {
      const file = iconFile(defined.get(resid)?.value ?? '', root, origin);
      const size = Number(attrs(n)['size']);
      if (!file) p.push(`${path}: image ${resid} is not served from ${origin}/assets/`);
      else if (!existsSync(file)) p.push(`${path}: icon file ${file} is missing`);
      else {
        const dim = pngSize(readFileSync(file));
        if (!dim || dim.width !== size || dim.height !== size) p.push(`${path}: ${file} should be a ${size}×${size} PNG`);
      }
    }
    if (tagOf(n) === 'OfficeTab' && attrs(n)['id'] === 'TabHome') {
      walk(n, (c) => {
        if (tagOf(c) === 'Action' && attrs(c)['xsi:type'] === 'ShowTaskpane') ribbonButton = true;
      });
    }
  });
  for (const id of defined.keys()) if (!used.has(id)) p.push(`resource id ${id} is defined but never used`);
  if (!ribbonButton) p.push('the Home tab (TabHome) needs a button whose action is ShowTaskpane');
  return p;
}

/** assets/icon-32.png for https://localhost:3000/assets/icon-32.png */
export function iconFile(url: string, root: string, origin = DEV_ORIGIN): string | undefined {
  const prefix = `${origin}/assets/`;
  return url.startsWith(prefix) ? join(root, 'assets', url.slice(prefix.length)) : undefined;
}
