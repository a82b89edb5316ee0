/**
 * Property paths and values checked against @types/office-js, for the fake's recorders (formats, conditional
 * formats, charts, page layout): a property Excel does not have (Office.js would silently ignore it) or a value of the
 * wrong type or outside an enum (Excel answers InvalidArgument) is refused when the adapter queues it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** A type from the declarations, reduced to what the check needs (and cacheable as JSON). */
type T =
  | { k: 'str' | 'num' | 'bool' | 'null' | 'any' }
  /** an array; `of` names the element type when it is an Excel class (a collection's `items`) */
  | { k: 'arr'; of?: string }
  | { k: 'lit'; v: string }
  | { k: 'ref'; n: string }
  | { k: 'union'; t: T[] };

interface Model {
  /** class or interface name → property → type */
  props: Record<string, Record<string, T>>;
  /** class name → method → return type */
  methods: Record<string, Record<string, T>>;
  /** enum name → member values */
  enums: Record<string, string[]>;
}

let model: Model | null = null;

function reduce(t: ts.TypeNode): T {
  if (ts.isUnionTypeNode(t)) return { k: 'union', t: t.types.map(reduce) };
  if (ts.isParenthesizedTypeNode(t)) return reduce(t.type);
  if (ts.isLiteralTypeNode(t)) {
    if (t.literal.kind === ts.SyntaxKind.NullKeyword) return { k: 'null' };
    if (ts.isStringLiteral(t.literal)) return { k: 'lit', v: t.literal.text };
    return { k: 'any' };
  }
  if (ts.isArrayTypeNode(t)) {
    const el = t.elementType;
    return ts.isTypeReferenceNode(el) ? { k: 'arr', of: ts.isIdentifier(el.typeName) ? el.typeName.text : el.typeName.right.text } : { k: 'arr' };
  }
  if (t.kind === ts.SyntaxKind.StringKeyword) return { k: 'str' };
  if (t.kind === ts.SyntaxKind.NumberKeyword) return { k: 'num' };
  if (t.kind === ts.SyntaxKind.BooleanKeyword) return { k: 'bool' };
  if (ts.isTypeReferenceNode(t)) return { k: 'ref', n: ts.isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text };
  return { k: 'any' };
}

function load(): Model {
  if (model) return model;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@types/office-js/package.json'));
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  // parsing 190,000 lines of declarations takes seconds: the reduced model is cached per @types/office-js version
  const cache = join(tmpdir(), `partnership-review-office-js-${version}-v2.json`);
  if (existsSync(cache)) return (model = JSON.parse(readFileSync(cache, 'utf8')) as Model);
  const text = readFileSync(join(dir, 'index.d.ts'), 'utf8');
  const src = ts.createSourceFile('index.d.ts', text, ts.ScriptTarget.Latest, false);
  const m: Model = { props: {}, methods: {}, enums: {} };
  const nameOf = (n: ts.Node | undefined): string | undefined => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : undefined);
  const visit = (n: ts.Node, inExcel: boolean): void => {
    if (ts.isModuleDeclaration(n)) {
      const name = nameOf(n.name);
      if (n.body) ts.forEachChild(n.body, (c) => visit(c, inExcel || name === 'Excel'));
      return;
    }
    if (!inExcel) return;
    if (ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n)) {
      const name = nameOf(n.name);
      if (!name) return;
      const props = (m.props[name] ??= {});
      const methods = (m.methods[name] ??= {});
      for (const member of n.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        const key = nameOf(member.name);
        if (!key) continue;
        if ((ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) && member.type) props[key] = reduce(member.type);
        if ((ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) && member.type) methods[key] = reduce(member.type);
      }
    } else if (ts.isEnumDeclaration(n)) {
      const name = nameOf(n.name);
      if (name) m.enums[name] = n.members.map((e) => (e.initializer && ts.isStringLiteral(e.initializer) ? e.initializer.text : (nameOf(e.name) ?? '')));
    }
  };
  ts.forEachChild(src, (c) => visit(c, false));
  try {
    writeFileSync(cache, JSON.stringify(m));
  } catch {
    // no cache: parse again next time
  }
  return (model = m);
}

/** Does `value` fit type `t`? Returns null when it does, else why not. */
function fits(t: T, value: unknown, where: string): string | null {
  const m = load();
  switch (t.k) {
    case 'union': {
      const reasons = t.t.map((x) => fits(x, value, where));
      return reasons.some((r) => r === null) ? null : reasons.find((r) => r !== null)!;
    }
    case 'null':
      return value === null ? null : `${where}: not null`;
    case 'lit':
      return value === t.v ? null : `${where}: ${JSON.stringify(value)} is not "${t.v}"`;
    case 'arr':
      return Array.isArray(value) ? null : `${where}: needs an array`;
    case 'str':
      return typeof value === 'string' ? null : `${where}: needs text, got ${JSON.stringify(value)}`;
    case 'num':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${where}: needs a number, got ${JSON.stringify(value)}`;
    case 'bool':
      return typeof value === 'boolean' ? null : `${where}: needs true or false, got ${JSON.stringify(value)}`;
    case 'any':
      return null;
  }
  const e = m.enums[t.n];
  if (e) return typeof value === 'string' && e.includes(value) ? null : `${where}: ${JSON.stringify(value)} is not one of Excel.${t.n}`;
  const props = m.props[t.n];
  if (!props) return null; // a type this check does not model
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${where}: needs an Excel.${t.n} object`;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const pt = props[k];
    if (!pt) return `${where}: Excel.${t.n} has no property "${k}"`;
    const why = fits(pt, v, `${where}.${k}`);
    if (why) return why;
  }
  return null;
}

const refName = (t: T | undefined): string | null => (t && t.k === 'ref' ? t.n : null);

/** The type of `typeName.prop`, or throws naming what Excel lacks. */
export function propertyType(typeName: string, prop: string): string {
  const props = load().props[typeName];
  if (!props) throw new Error(`office-js check: no type Excel.${typeName}`);
  const t = props[prop];
  if (!t) throw new Error(`fake Office.js: Excel.${typeName} has no property "${prop}"`);
  const name = refName(t);
  if (!name || !load().props[name]) throw new Error(`fake Office.js: Excel.${typeName}.${prop} is a value, not an object`);
  return name;
}

/** The return type of `typeName.method(...)`. */
export function methodType(typeName: string, method: string): string {
  const t = load().methods[typeName]?.[method];
  if (!t) throw new Error(`fake Office.js: Excel.${typeName} has no method "${method}"`);
  const name = refName(t);
  if (!name) throw new Error(`fake Office.js: Excel.${typeName}.${method} returns no object`);
  return name;
}

/** Throws (as Excel would, InvalidArgument) unless `typeName.prop = value` is what @types/office-js allows. */
export function checkAssignment(typeName: string, prop: string, value: unknown): void {
  const props = load().props[typeName];
  if (!props) throw new Error(`office-js check: no type Excel.${typeName}`);
  const t = props[prop];
  if (!t) throw new Error(`fake Office.js: Excel.${typeName} has no property "${prop}"`);
  const why = fits(t, value, `${typeName}.${prop}`);
  if (why) throw Object.assign(new Error(`fake Office.js: InvalidArgument: ${why}`), { code: 'InvalidArgument' });
}

/** Is `typeName.prop` a value (a scalar, an array or an options object), as opposed to a navigation object? */
export function isValueProperty(typeName: string, prop: string): boolean {
  const props = load().props[typeName];
  const t = props?.[prop];
  if (!t) throw new Error(`fake Office.js: Excel.${typeName} has no property "${prop}"`);
  const name = refName(t);
  // a navigation property's type is an Office.js object (a class with load()); options such as DataValidationRule are values
  return !name || !load().methods[name]?.['load'];
}

/**
 * Checks the paths given to `load()` (`'items/name,items/title/text'`, `'format/protection/locked'`) against
 * @types/office-js, as Office.js refuses a property an object does not have (PropertyNotFound... InvalidArgument in
 * the sync). Each path must end on a value; `items/` steps into a collection's item type. Returns the paths.
 */
export function checkLoad(typeName: string, props: string): string[] {
  const paths = props.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (paths.length === 0) throw new Error(`fake Office.js: load() on Excel.${typeName} without property names loads everything; name the properties`);
  for (const path of paths) {
    let type = typeName;
    const steps = path.split('/');
    steps.forEach((step, i) => {
      const m = load();
      const t = m.props[type]?.[step];
      if (!t) throw Object.assign(new Error(`fake Office.js: Excel.${type} has no property "${step}" (load('${path}'))`), { code: 'InvalidArgument' });
      const last = i === steps.length - 1;
      if (step === 'items' && t.k === 'arr' && t.of) {
        if (last) throw new Error(`fake Office.js: load('${path}') names no property of the items`);
        type = t.of;
        return;
      }
      if (last) {
        if (!isValueProperty(type, step)) throw new Error(`fake Office.js: load('${path}') ends on Excel.${type}.${step}, an object; name its properties`);
        return;
      }
      const next = refName(t);
      if (!next || !m.methods[next]?.['load']) throw new Error(`fake Office.js: Excel.${type}.${step} is a value; load('${path}') cannot go inside it`);
      type = next;
    });
  }
  return paths;
}
