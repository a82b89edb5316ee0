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

import { type Model, type T, setOfficeJsModelLoader } from './office-js-check.js';

export * from './office-js-check.js';

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
    return ts.isTypeReferenceNode(el)
      ? { k: 'arr', of: ts.isIdentifier(el.typeName) ? el.typeName.text : el.typeName.right.text }
      : { k: 'arr' };
  }
  if (t.kind === ts.SyntaxKind.StringKeyword) return { k: 'str' };
  if (t.kind === ts.SyntaxKind.NumberKeyword) return { k: 'num' };
  if (t.kind === ts.SyntaxKind.BooleanKeyword) return { k: 'bool' };
  if (ts.isTypeReferenceNode(t)) return { k: 'ref', n: ts.isIdentifier(t.typeName) ? t.typeName.text : t.typeName.right.text };
  return { k: 'any' };
}

/** The reduced model of @types/office-js (cached per version in the temporary folder). */
export function buildOfficeJsModel(): Model {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@types/office-js/package.json'));
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  // parsing 190,000 lines of declarations takes seconds: the reduced model is cached per @types/office-js version
  const cache = join(tmpdir(), `partnership-review-office-js-${version}-v3.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Model;
  const text = readFileSync(join(dir, 'index.d.ts'), 'utf8');
  const src = ts.createSourceFile('index.d.ts', text, ts.ScriptTarget.Latest, false);
  const m: Model = { props: {}, methods: {}, enums: {}, sets: {} };
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
      const sets = (m.sets[name] ??= {});
      for (const member of n.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        const key = nameOf(member.name);
        if (!key) continue;
        // the member's requirement set, from its documentation ("[Api set: ExcelApi 1.13]")
        const set = /\[Api set: ExcelApi (\d+\.\d+)/.exec(text.slice(member.pos, member.getStart(src)))?.[1];
        if (set && sets[key] === undefined) sets[key] = set;
        if ((ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) && member.type) props[key] = reduce(member.type);
        if ((ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) && member.type) methods[key] = reduce(member.type);
      }
    } else if (ts.isEnumDeclaration(n)) {
      const name = nameOf(n.name);
      if (name)
        m.enums[name] = n.members.map((e) =>
          e.initializer && ts.isStringLiteral(e.initializer) ? e.initializer.text : (nameOf(e.name) ?? ''),
        );
    }
  };
  ts.forEachChild(src, (c) => visit(c, false));
  try {
    writeFileSync(cache, JSON.stringify(m));
  } catch {
    // no cache: parse again next time
  }
  return m;
}

setOfficeJsModelLoader(buildOfficeJsModel);
