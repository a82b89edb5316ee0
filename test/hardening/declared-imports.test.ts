/**
 * Every package the code imports is declared in package.json. Shipped code (what runs in Excel, in Google Sheets and on
 * the command line) must find what it runs in `dependencies`; tests, scripts and builds may use `devDependencies`.
 * A package that resolves only because npm hoisted it from another package's dependencies breaks on a fresh install
 * or on the next upgrade of that other package.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFiles, importsOf, packageOf, undeclaredImports, type ImportUse, type PackageJson } from '../support/imports.js';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** Runs in a host or on the command line. sheets-addon/build.ts (and the HtmlService script check it runs) only bundle the add-on: tooling. */
const SHIPPED_DIRS = ['core', 'report', 'file-host', 'memory-host', 'ui', 'excel-addin', 'sheets-addon'];
const BUILD_ONLY = new Set(['sheets-addon/build.ts', 'sheets-addon/html-service-script.ts']);
const TOOLING_DIRS = ['scripts', 'bench', 'test'];
const ROOT_TOOLING = ['vite.config.ts', 'vitest.config.ts', 'eslint.config.js'];

const shown = (u: ImportUse) => `${u.file}: '${u.specifier}'${u.typeOnly ? ' (types)' : ''}`;

function usesIn(dirs: string[], root = ROOT): ImportUse[] {
  return dirs.flatMap((d) => codeFiles(join(root, d))).flatMap((f) => importsOf(f, root));
}

describe('packages imported by the code are declared in package.json', () => {
  const shipped = usesIn(SHIPPED_DIRS).filter((u) => !BUILD_ONLY.has(u.file));
  const tooling = [
    ...usesIn(TOOLING_DIRS),
    ...usesIn(SHIPPED_DIRS).filter((u) => BUILD_ONLY.has(u.file)),
    ...ROOT_TOOLING.flatMap((f) => importsOf(join(ROOT, f), ROOT)),
  ];

  it('finds the imports it is meant to check (a walker that finds nothing would pass everything)', () => {
    const runtime = new Set(shipped.filter((u) => !u.typeOnly).map((u) => u.pkg));
    // known by reading the code: the board report, the panes' .xlsx import, the pane and its icons, the framework schema
    for (const p of ['docx', 'fflate', '@fluentui/react-icons', '@fluentui/react-components', 'react', 'react-dom', 'zod'])
      expect(runtime, p).toContain(p);
    expect(shipped.some((u) => u.file === 'ui/xlsx-table.ts' && u.pkg === 'fflate')).toBe(true);
    expect(tooling.some((u) => u.file === 'vite.config.ts' && u.pkg === 'vite')).toBe(true);
  });

  it('shipped code runs only packages in "dependencies" (types may come from "devDependencies")', () => {
    expect(undeclaredImports(shipped, pkg, true).map(shown)).toEqual([]);
  });

  it('tests, scripts and builds use only declared packages', () => {
    expect(undeclaredImports(tooling, pkg, false).map(shown)).toEqual([]);
  });
});

describe('the check itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'declared-imports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each undeclared import, whatever form it takes, and lets declared ones, Node built-ins and relative paths through', () => {
    mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
    writeFileSync(
      join(dir, 'src', 'a.ts'),
      [
        "import fs from 'node:fs';",
        "import path from 'path';",
        "import { z } from 'zod';",
        "import { helper } from './deep/b.js';",
        "import leftPad from 'left-pad';",
        "import type { Options } from 'dev-only';",
        "import { type Thing } from 'dev-only/sub';",
        "import { type Other, value } from 'dev-only/other';",
        "export * from '@scope/hoisted/sub';",
        "export type { T } from 'never-declared-types';",
        "import 'side-effect-only';",
        'export const x = [fs, path, z, helper, leftPad, value];',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'src', 'deep', 'b.tsx'),
      [
        '/// <reference types="office-js" />',
        "export const helper = () => import('dynamic-pkg');",
        "const cjs = require('required-pkg');",
        "type R = import('import-type-pkg').R;",
        'export const el = <div>{String(cjs)}</div>;',
      ].join('\n'),
    );
    const uses = codeFiles(join(dir, 'src')).flatMap((f) => importsOf(f, dir));
    const declared: PackageJson = { name: 'me', dependencies: { zod: '1' }, devDependencies: { 'dev-only': '1', '@types/office-js': '1' } };

    expect(undeclaredImports(uses, declared, true).map(shown).sort()).toEqual([
      "src/a.ts: '@scope/hoisted/sub'",
      "src/a.ts: 'dev-only/other'", // a value import: it runs, so a devDependency is not enough in shipped code
      "src/a.ts: 'left-pad'",
      "src/a.ts: 'never-declared-types' (types)",
      "src/a.ts: 'side-effect-only'",
      "src/deep/b.tsx: 'dynamic-pkg'",
      "src/deep/b.tsx: 'import-type-pkg' (types)",
      "src/deep/b.tsx: 'required-pkg'",
    ]);
    // in tooling a devDependency is enough
    expect(undeclaredImports(uses, declared, false).map(shown).sort()).toEqual([
      "src/a.ts: '@scope/hoisted/sub'",
      "src/a.ts: 'left-pad'",
      "src/a.ts: 'never-declared-types' (types)",
      "src/a.ts: 'side-effect-only'",
      "src/deep/b.tsx: 'dynamic-pkg'",
      "src/deep/b.tsx: 'import-type-pkg' (types)",
      "src/deep/b.tsx: 'required-pkg'",
    ]);
  });

  it('reads the package a specifier names', () => {
    expect(packageOf('@fluentui/react-icons')).toBe('@fluentui/react-icons');
    expect(packageOf('@scope/name/deep/file.js')).toBe('@scope/name');
    expect(packageOf('zod/v4/locales/en.js')).toBe('zod');
    expect(packageOf('csv-parse/sync')).toBe('csv-parse');
    expect(packageOf('./x.js')).toBeNull();
    expect(packageOf('../x.js')).toBeNull();
    expect(packageOf('node:fs/promises')).toBeNull();
    expect(packageOf('fs')).toBeNull();
    expect(packageOf('child_process')).toBeNull();
  });
});
