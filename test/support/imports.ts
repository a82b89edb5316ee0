/**
 * Which packages the code imports, read with TypeScript's own parser (static and dynamic `import`, `export … from`,
 * `require`, `import('x').T` and `/// <reference types>`), and which of them package.json does not declare.
 * A package that works only because npm hoisted it from another package's dependencies breaks on a fresh install.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface ImportUse {
  file: string;
  specifier: string;
  /** the package the specifier names: `@scope/name` or `name` */
  pkg: string;
  /** only types: erased before anything runs, so a devDependency is enough */
  typeOnly: boolean;
}

const CODE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Every code file under `dir` (recursively), skipping node_modules and dot-folders. */
export function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...codeFiles(p));
    else if (CODE.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** `@scope/name/sub` → `@scope/name`; `name/sub?raw` → `name`; relative paths and Node built-ins → null. */
export function packageOf(specifier: string): string | null {
  const s = specifier.split('?')[0]!;
  if (s.startsWith('.') || s.startsWith('/') || s.startsWith('node:')) return null;
  const parts = s.split('/');
  const pkg = s.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  if (builtinModules.includes(pkg)) return null;
  return pkg;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import 'x'` runs x
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings) return false;
  if (ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** Every package `file` imports, with whether the import is erased (types only). */
export function importsOf(file: string, root: string): ImportUse[] {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : /\.(m|c)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const uses: ImportUse[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const pkg = packageOf(specifier);
    if (pkg) uses.push({ file: relative(root, file), specifier, pkg, typeOnly });
  };
  for (const ref of sf.typeReferenceDirectives) add(ref.fileName, true);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text, isTypeOnlyImport(node));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      add(node.moduleSpecifier.text, node.isTypeOnly);
    else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    )
      add(node.moduleReference.expression.text, node.isTypeOnly);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      add(node.argument.literal.text, true);
    else if (ts.isCallExpression(node)) {
      const [arg] = node.arguments;
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if ((isImport || isRequire) && arg && ts.isStringLiteralLike(arg)) add(arg.text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return uses;
}

export interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  name?: string;
}

/**
 * Imports package.json does not allow: in shipped code, anything that runs must be in `dependencies` (an install
 * without dev packages still runs it) and types in either; in tooling (tests, scripts, builds), either list.
 */
export function undeclaredImports(uses: ImportUse[], pkg: PackageJson, shipped: boolean): ImportUse[] {
  const deps = new Set(Object.keys(pkg.dependencies ?? {}));
  const all = new Set([...deps, ...Object.keys(pkg.devDependencies ?? {})]);
  if (pkg.name) all.add(pkg.name);
  return uses.filter((u) => {
    // `/// <reference types="office-js" />` and bare type names resolve to @types/…
    const typesName = u.pkg.startsWith('@') ? `@types/${u.pkg.slice(1).replace('/', '__')}` : `@types/${u.pkg}`;
    if (u.typeOnly) return !all.has(u.pkg) && !all.has(typesName);
    return shipped ? !deps.has(u.pkg) : !all.has(u.pkg);
  });
}
