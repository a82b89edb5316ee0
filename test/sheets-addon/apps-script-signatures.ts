/**
 * Argument counts and simple types of every Apps Script method, read from @types/google-apps-script (the declared
 * overloads), so the fake refuses a call the real service would: `setBorder(true)` (the real method takes 6 or 8
 * arguments), `setFrozenRows('1')`, `addEditors('a@b')` (takes an array). Objects (Range, User, …) are not checked
 * beyond being present; primitives, arrays and null are.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

interface Param {
  name: string;
  optional: boolean;
  rest: boolean;
  /** 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any', and whether null is allowed */
  kinds: Set<string>;
}
type Overload = Param[];

const FILES = [
  'google-apps-script.spreadsheet.d.ts',
  'google-apps-script.base.d.ts',
  'google-apps-script.html.d.ts',
  'google-apps-script.lock.d.ts',
  'google-apps-script.charts.d.ts',
  'google-apps-script.utilities.d.ts',
];

const enums = new Set<string>();

function kindsOf(t: ts.TypeNode | undefined, aliases: Map<string, ts.TypeNode>): Set<string> {
  const out = new Set<string>();
  const add = (n: ts.TypeNode | undefined): void => {
    if (!n) return void out.add('any');
    if (ts.isUnionTypeNode(n)) return n.types.forEach(add);
    if (ts.isParenthesizedTypeNode(n)) return add(n.type);
    if (ts.isArrayTypeNode(n) || ts.isTupleTypeNode(n)) return void out.add('array');
    if (ts.isLiteralTypeNode(n)) {
      if (n.literal.kind === ts.SyntaxKind.NullKeyword) return void out.add('null');
      if (ts.isStringLiteral(n.literal)) return void out.add('string');
      return void out.add('any');
    }
    switch (n.kind) {
      case ts.SyntaxKind.StringKeyword:
        return void out.add('string');
      case ts.SyntaxKind.NumberKeyword:
        return void out.add('number');
      case ts.SyntaxKind.BooleanKeyword:
        return void out.add('boolean');
      case ts.SyntaxKind.NullKeyword:
        return void out.add('null');
    }
    if (ts.isTypeReferenceNode(n)) {
      const name = n.typeName.getText();
      if (name === 'Integer' || name === 'Byte') return void out.add('number');
      if (name === 'Date' || name === 'Base.Date') return void out.add('object');
      if (name === 'Array') return void out.add('array');
      if (enums.has(name.split('.').pop()!)) return void out.add('any'); // the fake's enum values are plain strings
      const alias = aliases.get(name.split('.').pop()!);
      if (alias) return add(alias);
      return void out.add('object');
    }
    out.add('any');
  };
  add(t);
  return out;
}

let cache: Map<string, Map<string, Overload[]>> | null = null;

/** interface name (last part, e.g. `Range`) → method → overloads */
export function appsScriptSignatures(): Map<string, Map<string, Overload[]>> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@types/google-apps-script/package.json'));
  const sources = FILES.map((f) => ts.createSourceFile(f, readFileSync(join(dir, f), 'utf8'), ts.ScriptTarget.Latest, true));
  const aliases = new Map<string, ts.TypeNode>();
  const visitAliases = (n: ts.Node): void => {
    if (ts.isTypeAliasDeclaration(n)) aliases.set(n.name.text, n.type);
    if (ts.isEnumDeclaration(n)) enums.add(n.name.text);
    ts.forEachChild(n, visitAliases);
  };
  sources.forEach(visitAliases);
  const out = new Map<string, Map<string, Overload[]>>();
  const visit = (n: ts.Node): void => {
    if (ts.isInterfaceDeclaration(n)) {
      const methods = out.get(n.name.text) ?? new Map<string, Overload[]>();
      for (const m of n.members) {
        if (!ts.isMethodSignature(m) || !m.name) continue;
        const name = m.name.getText();
        const params: Param[] = m.parameters.map((p) => ({
          name: p.name.getText(),
          optional: p.questionToken !== undefined,
          rest: p.dotDotDotToken !== undefined,
          kinds: kindsOf(p.type, aliases),
        }));
        methods.set(name, [...(methods.get(name) ?? []), params]);
      }
      out.set(n.name.text, methods);
    }
    ts.forEachChild(n, visit);
  };
  sources.forEach(visit);
  cache = out;
  return out;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function fits(o: Overload, args: unknown[]): boolean {
  const required = o.filter((p) => !p.optional && !p.rest).length;
  const rest = o.some((p) => p.rest);
  if (args.length < required || (!rest && args.length > o.length)) return false;
  return args.every((a, i) => {
    const p = o[Math.min(i, o.length - 1)]!;
    if (p.kinds.has('any')) return true;
    const k = kindOf(a);
    if (p.rest) return true;
    if (a === undefined) return p.optional;
    if (k === 'object' || k === 'function') return p.kinds.has('object') || p.kinds.has('any');
    return p.kinds.has(k);
  });
}

/**
 * Throws as Apps Script does ("The parameters (…) don't match the method signature for …") when no declared
 * overload of `iface.method` takes these arguments. Unknown interfaces or methods are left to the fake's other guard.
 */
export function checkCall(ifaces: string[], method: string, args: unknown[]): void {
  const sigs = appsScriptSignatures();
  const overloads = ifaces.flatMap((i) => sigs.get(i)?.get(method) ?? []);
  if (overloads.length === 0) return;
  // trailing undefined arguments are how JavaScript passes "not given"
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const given = args.slice(0, n);
  if (overloads.some((o) => fits(o, given))) return;
  const shown = given
    .map((a) => (a === null ? 'null' : Array.isArray(a) ? 'Object[]' : typeof a === 'object' ? 'Object' : typeof a))
    .join(',');
  throw new Error(`fake Apps Script: The parameters (${shown}) don't match the method signature for ${ifaces[0]}.${method}.`);
}
