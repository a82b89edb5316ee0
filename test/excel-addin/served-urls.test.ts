/**
 * Every address the production manifest names is served by the built add-in (issue 15, Excel 1): the pane, the
 * ribbon icons and the support page, each with status 200 and the right content type — not only present in the
 * repository. Also the readable message an old webview shows instead of a blank pane.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { productionManifest } from '../../scripts/build-manifest.js';
import { insideOffice } from '../../excel-addin/taskpane/office-check.js';
import { useServedPane } from './e2e-support.js';

const ROOT = join(import.meta.dirname, '..', '..');
const pane = useServedPane({ browser: false });
let urls: string[];

beforeAll(() => {
  const xml = productionManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), pane.origin);
  urls = [...new Set([...xml.matchAll(/(?:DefaultValue|Url)="([^"]+)"/g)].map((m) => m[1]!).filter((u) => u.startsWith(pane.origin)))];
});

describe('the built add-in serves every URL in the manifest', () => {
  it('finds the pane, four icons and the support page in the manifest (hand count)', () => {
    expect(urls.map((u) => u.slice(pane.origin.length)).sort()).toEqual([
      '/assets/icon-16.png',
      '/assets/icon-32.png',
      '/assets/icon-64.png',
      '/assets/icon-80.png',
      '/assets/support.html',
      '/taskpane.html',
    ]);
  });

  it('answers each with 200 and its content type', async () => {
    for (const url of urls) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      const want = url.endsWith('.png') ? 'image/png' : 'text/html';
      expect(res.headers.get('content-type') ?? '', url).toContain(want);
      const body = Buffer.from(await res.arrayBuffer());
      if (url.endsWith('.png')) expect([...body.subarray(0, 4)], url).toEqual([0x89, 0x50, 0x4e, 0x47]);
      else expect(body.toString('utf8'), url).toMatch(/<html/i);
    }
  });

  it('shows a readable message in the page itself, for a webview that cannot run the pane', () => {
    const html = readFileSync(join(pane.dist, 'taskpane.html'), 'utf8');
    expect(html).toContain('If this message stays, this copy of Excel cannot run the add-in');
  });
});

describe('office.js blocked inside Excel', () => {
  it('knows it is inside Office from the address Office opens the pane with', () => {
    expect(insideOffice('?_host_Info=Excel$Win32$16.01$en-US$$$$0')).toBe(true);
    expect(insideOffice('?et=&_host_Info=Excel$Mac$16.01$en-GB')).toBe(true);
    expect(insideOffice('')).toBe(false);
    expect(insideOffice('?preview=1')).toBe(false);
  });
});
