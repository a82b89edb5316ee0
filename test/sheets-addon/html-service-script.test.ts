/**
 * The sidebar's inline script against the model of HtmlService's comment stripping (sheets-addon/html-service-script.ts):
 * crafted scripts holding each unsafe sequence fail the check; the rewrite removes them from string and regular
 * expression literals without changing what the script computes; the real built sidebar passes.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSheetsAddon, type SheetsBuild } from '../../sheets-addon/build.js';
import { assertSurvivesHtmlService, htmlServiceHazards, rewriteForHtmlService } from '../../sheets-addon/html-service-script.js';

/**
 * What a comment stripper that does not parse JavaScript does (the strictest reading of the reports): `//` to the end of
 * the line, `/* … *\/` and `<!-- … -->` removed wherever they appear. Used only to show that the hazards are real.
 */
function naiveStrip(script: string): string {
  return script.replace(/<!--[\s\S]*?-->|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
}

function run(script: string): unknown {
  const sandbox: { out?: unknown } = {};
  runInNewContext(script, sandbox);
  return sandbox.out;
}

describe('the model of HtmlService comment stripping', () => {
  it('finds each unsafe sequence, where it is', () => {
    const found = (s: string): [string, number][] => htmlServiceHazards(s).map((h) => [h.sequence, h.index]);
    expect(found('a="https://x"')).toEqual([['//', 9]]);
    expect(found('b=`x/*y`')).toEqual([['/*', 4]]);
    expect(found('c="<!--"+"-->"')).toEqual([
      ['<!--', 3],
      ['-->', 10],
    ]);
    expect(found('d="</SCRIPT>"')).toEqual([['</script', 3]]);
    expect(found('e="<script"')).toEqual([['<script', 3]]);
    expect(found('f="<?xml"')).toEqual([['<?', 3]]);
    expect(found('g=1/2*3/4;h="a/b"')).toEqual([]);
  });

  it('a crafted script that a naive stripper would break fails the check', () => {
    const script = 'var u = "https://example.invalid/"; out = u.length;';
    // what HtmlService may do to it: the rest of the line goes, and the script no longer parses
    expect(naiveStrip(script)).toBe('var u = "https:');
    expect(() => run(naiveStrip(script))).toThrow('Invalid or unexpected token');
    expect(() => assertSurvivesHtmlService(script)).toThrow(/"\/\/" at offset 15.*as a JavaScript comment/);
    const tpl = 'out = `a /* b */ c`;';
    expect(run(naiveStrip(tpl))).toBe('a  c');
    expect(() => assertSurvivesHtmlService(tpl)).toThrow(/"\/\*" at offset 9/);
  });
});

describe('rewriting the bundle for HtmlService', () => {
  it('escapes the sequences inside strings and regular expressions, and the script computes the same', () => {
    const script = [
      'var a = "https://x/*y*/<!--z--></script><?p";',
      "var b = '\\/\\/ and \\< \\>';",
      'var c = /\\/\\//g;',
      'var d = /\\/\\*+/;',
      'var e = /^https?:\\/\\//i;',
      'var f = 6/3/2;',
      'out = [a, b, c.test("a//b"), d.exec("x/**/y")[0], d.source, e.test("http://q"), e.test("http:/q"), f, c.source.length];',
    ].join('\n');
    expect(htmlServiceHazards(script).length).toBeGreaterThan(0);
    const safe = rewriteForHtmlService(script);
    expect(htmlServiceHazards(safe)).toEqual([]);
    // hand-made: what each expression gives in plain JavaScript (a regular expression's source text included)
    const expected = ['https://x/*y*/<!--z--></script><?p', '// and < >', true, '/**', '\\/\\*+', true, false, 1, 4];
    expect(run(script)).toEqual(expected);
    expect(run(safe)).toEqual(expected);
    // and a naive stripper leaves the rewritten script as it is
    expect(naiveStrip(safe)).toBe(safe);
  });

  it('leaves code without literals, numbers, names and directives as they were', () => {
    const script = '"use strict";var x=1/2,y=x<3&&x>0;var out=[x,y]';
    expect(rewriteForHtmlService(script)).toBe(script);
    expect(run(script)).toEqual([0.5, true]);
  });

  it('refuses a template literal or code it cannot make safe', () => {
    expect(() => rewriteForHtmlService('out = `see https://x`;')).toThrow(/"\/\/" at offset 17/);
    // a bare / in a class: new RegExp might re-spell its source, so the build stops instead
    expect(() => rewriteForHtmlService('out = /[/*]+/;')).toThrow(/"\/\*" at offset 8/);
    expect(() => rewriteForHtmlService('out = a-->b;')).toThrow(/"-->"/);
  });
});

describe('the built sidebar', () => {
  let built: SheetsBuild;
  beforeAll(async () => {
    built = await buildSheetsAddon();
  }, 120_000);

  it('holds one inline script with no unsafe sequence, and no HTML comment anywhere', () => {
    const html = readFileSync(built.sidebarHtml, 'utf8');
    const open = html.indexOf('<script>');
    const close = html.lastIndexOf('</script>');
    expect(open).toBeGreaterThan(0);
    expect(html.indexOf('<script', open + 1)).toBe(-1);
    const script = html.slice(open + '<script>'.length, close);
    expect(htmlServiceHazards(script)).toEqual([]);
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('-->');
    // React's own namespace URLs are in it, written with escapes (the bundle holds them as plain "http://…")
    expect(script).toContain('"http:\\x2F\\x2Fwww.w3.org\\x2F2000\\x2Fsvg"');
  });
});
