/**
 * Schema validation of OOXML packages for the tests: every XML part whose root namespace has a schema in
 * `../shared/ooxml-schemas/` (the ECMA-376 / ISO/IEC 29500-4:2016 transitional schemas and the OPC schemas) is
 * validated with `xmllint --noout --schema`, as that folder's README says:
 * 1. Markup Compatibility (Part 3) first, as a consumer that knows only the schema's namespaces: attributes and
 *    elements in a namespace listed in an `mc:Ignorable` in scope are removed, then the `mc:Ignorable` attributes;
 *    `mc:AlternateContent` is replaced by the children of its `mc:Fallback` (removed when it has none);
 * 2. `xml:space` on `<t>` is dropped (the transitional schema types `t` as a plain string);
 * 3. the parts are written to a temporary folder and validated in one xmllint call per schema.
 * Parts in other namespaces (core properties, whose schema imports Dublin Core from the web; customXml items; VML)
 * are listed as not validated, so a test can say what was and was not checked.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The schemas folder: `../shared/ooxml-schemas/` beside the checkout (CI clones beside a copy of shared/). */
export const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/ooxml-schemas');

/** Root namespace → schema file (the README's table). */
export const SCHEMA_BY_NAMESPACE: Record<string, string> = {
  [SML]: 'ISO-IEC29500-4_2016/sml.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'ISO-IEC29500-4_2016/dml-chart.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'ISO-IEC29500-4_2016/dml-spreadsheetDrawing.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'ISO-IEC29500-4_2016/dml-main.xsd',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ecma/fouth-edition/opc-contentTypes.xsd',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'ecma/fouth-edition/opc-relationships.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': 'ISO-IEC29500-4_2016/shared-documentPropertiesExtended.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': 'ISO-IEC29500-4_2016/shared-documentPropertiesCustom.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/customXml': 'ISO-IEC29500-4_2016/shared-customXmlDataProperties.xsd',
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'ISO-IEC29500-4_2016/wml.xsd',
};

export interface PartError {
  /** `label:part` (label names the workbook) */
  part: string;
  message: string;
}

export interface ValidationResult {
  /** parts validated, as `label:part` */
  validated: string[];
  /** XML parts with no schema here, as `label:part (namespace)` */
  notValidated: string[];
  errors: PartError[];
}

/** Unzip a package into part name → bytes. */
export function unzipPackage(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}

function isXmlPart(name: string, data: Uint8Array): boolean {
  if (/\.(xml|rels|vml)$/i.test(name)) return true;
  // an XML part with another extension still starts with "<"
  let i = 0;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) i = 3;
  while (i < data.length && (data[i] === 0x20 || data[i] === 0x0a || data[i] === 0x0d || data[i] === 0x09)) i++;
  return data[i] === 0x3c && !/\.bin$/i.test(name);
}

type El = Element;

function elementChildren(n: Node): El[] {
  const out: El[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as El);
  return out;
}

/** Markup Compatibility pre-processing and the `<t xml:space>` drop, in place. */
export function preprocess(doc: Document): void {
  const walk = (el: El, ignorable: Set<string>): void => {
    let scope = ignorable;
    const ign = el.getAttributeNS(MC, 'Ignorable');
    if (ign) {
      scope = new Set(ignorable);
      for (const prefix of ign.trim().split(/\s+/)) {
        const ns = el.lookupNamespaceURI(prefix);
        if (ns) scope.add(ns);
      }
    }
    if (el.hasAttributeNS(MC, 'Ignorable')) el.removeAttributeNS(MC, 'Ignorable');
    for (const a of Array.from(el.attributes)) {
      if (a.namespaceURI && scope.has(a.namespaceURI)) el.removeAttributeNode(a);
    }
    if (el.localName === 't' && el.namespaceURI === SML && el.hasAttributeNS(XML_NS, 'space')) el.removeAttributeNS(XML_NS, 'space');
    for (const child of elementChildren(el)) {
      if (child.namespaceURI === MC && child.localName === 'AlternateContent') {
        const fallback = elementChildren(child).find((c) => c.namespaceURI === MC && c.localName === 'Fallback');
        const replacement = fallback ? Array.from(fallback.childNodes) : [];
        for (const r of replacement) el.insertBefore(r, child);
        el.removeChild(child);
        for (const r of replacement) if (r.nodeType === 1) walk(r as El, scope);
        continue;
      }
      if (child.namespaceURI && scope.has(child.namespaceURI)) {
        el.removeChild(child);
        continue;
      }
      walk(child, scope);
    }
  };
  if (doc.documentElement) walk(doc.documentElement, new Set());
}

const run = promisify(execFile);

/** True when `xmllint` can be run. */
export async function haveXmllint(): Promise<boolean> {
  try {
    await run('xmllint', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Validate every XML part of the packages (label → .xlsx bytes) against the schemas. One xmllint call per schema
 * (in chunks of 200 files), so a whole set of workbooks costs a few seconds.
 */
export async function validatePackages(packages: Map<string, Uint8Array>): Promise<ValidationResult> {
  if (!existsSync(join(SCHEMA_DIR, 'README.md'))) {
    throw new Error(`The OOXML schemas are not at ${SCHEMA_DIR}: the checkout needs ../shared/ooxml-schemas/ beside it.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'pr-ooxml-'));
  const result: ValidationResult = { validated: [], notValidated: [], errors: [] };
  try {
    const bySchema = new Map<string, { file: string; part: string }[]>();
    let n = 0;
    for (const [label, bytes] of packages) {
      for (const [name, data] of unzipPackage(bytes)) {
        if (!isXmlPart(name, data)) continue;
        const part = `${label}:${name}`;
        const text = strFromU8(data);
        const errors: string[] = [];
        let doc: Document | null = null;
        try {
          doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(
            text,
            'text/xml',
          ) as unknown as Document;
        } catch (e) {
          errors.push((e as Error).message);
        }
        if (errors.length > 0 || !doc?.documentElement) {
          result.errors.push({ part, message: `not well-formed XML: ${errors.join('; ') || 'no root element'}` });
          continue;
        }
        const ns = doc.documentElement.namespaceURI ?? '';
        const schema = SCHEMA_BY_NAMESPACE[ns];
        if (!schema) {
          result.notValidated.push(`${part} (${ns || 'no namespace'})`);
          continue;
        }
        preprocess(doc);
        const file = join(dir, `${n++}.xml`);
        await writeFile(file, new XMLSerializer().serializeToString(doc as never));
        const list = bySchema.get(schema) ?? [];
        list.push({ file, part });
        bySchema.set(schema, list);
      }
    }
    for (const [schema, files] of bySchema) {
      for (let i = 0; i < files.length; i += 200) {
        const chunk = files.slice(i, i + 200);
        const byFile = new Map(chunk.map((f) => [f.file, f.part]));
        let stderr = '';
        try {
          ({ stderr } = await run('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMA_DIR, schema), ...chunk.map((f) => f.file)], {
            maxBuffer: 64 * 1024 * 1024,
          }));
        } catch (e) {
          const err = e as { stderr?: string; code?: number };
          if (err.stderr === undefined) throw e;
          stderr = err.stderr;
        }
        const failed = new Set<string>();
        for (const line of stderr.split('\n')) {
          const m = /^(\S+?\.xml):(\d+): (.*)$/.exec(line);
          if (m && byFile.has(m[1]!)) {
            failed.add(m[1]!);
            result.errors.push({
              part: byFile.get(m[1]!)!,
              message: `line ${m[2]}: ${m[3]!.replace(/\{http:\/\/schemas\.openxmlformats\.org\/[^}]*\}/g, '')}`,
            });
          } else {
            const f = /^(\S+?\.xml) fails to validate$/.exec(line);
            if (f && byFile.has(f[1]!) && !failed.has(f[1]!)) {
              failed.add(f[1]!);
              result.errors.push({ part: byFile.get(f[1]!)!, message: 'fails to validate' });
            }
          }
        }
        result.validated.push(...chunk.map((f) => f.part));
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return result;
}

/** A short text of the errors for a test failure message (first few per part). */
export function describeErrors(errors: PartError[], perPart = 3, parts = 20): string {
  const byPart = new Map<string, string[]>();
  for (const e of errors) byPart.set(e.part, [...(byPart.get(e.part) ?? []), e.message]);
  return [...byPart]
    .slice(0, parts)
    .map(([p, ms]) => `${p}\n  ${ms.slice(0, perPart).join('\n  ')}${ms.length > perPart ? `\n  … ${ms.length - perPart} more` : ''}`)
    .join('\n');
}
