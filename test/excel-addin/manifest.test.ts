import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_URL, productionManifest, productionOrigin } from '../../scripts/build-manifest.js';
import { drawIcon, encodePng } from '../../scripts/make-icons.js';
import { checkManifest, pngSize } from '../../scripts/manifest-check.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');

/** The manifest as plain objects (attributes without prefix), for direct assertions. */
const parsed = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['bt:Image', 'bt:Url', 'bt:String', 'Control', 'Host', 'Set'].includes(name),
}).parse(xml) as {
  OfficeApp: Record<string, any>;
};
const app = parsed.OfficeApp;

/** Top-level element names in document order. */
function topLevelOrder(): string[] {
  const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: true }).parse(xml) as Record<string, unknown>[];
  const office = ordered.find((n) => 'OfficeApp' in n)!['OfficeApp'] as Record<string, unknown>[];
  return office.map((n) => Object.keys(n)[0]!).filter((k) => !k.startsWith('#'));
}

describe('manifest.xml', () => {
  it('is well-formed XML and passes the structural check', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(checkManifest(xml, root)).toEqual([]);
  });

  it('has the required elements in schema order', () => {
    expect(topLevelOrder()).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]);
  });

  it('is a task pane add-in for Excel workbooks, en-GB, with a GUID id and ReadWriteDocument', () => {
    expect(app['xsi:type']).toBe('TaskPaneApp');
    expect(app['Id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(app['DefaultLocale']).toBe('en-GB');
    expect(app['DisplayName'].DefaultValue).toBe('Partnership Review');
    expect(app['Hosts'].Host).toEqual([{ Name: 'Workbook' }]);
    expect(app['Permissions']).toBe('ReadWriteDocument');
    expect(app['Requirements'].Sets.Set).toEqual([{ Name: 'ExcelApi', MinVersion: '1.8' }]);
    expect(app['DefaultSettings'].SourceLocation.DefaultValue).toBe('https://localhost:3000/taskpane.html');
  });

  it('uses https URLs only', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)([a-z]+:\/\/[^"<]+)/gi)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith('https://')).toBe(true);
  });

  it('puts a "Partnership Review" group on the Home tab with a button that opens the pane', () => {
    const host = app['VersionOverrides'].Hosts.Host[0];
    expect(host['xsi:type']).toBe('Workbook');
    const tab = host.DesktopFormFactor.ExtensionPoint.OfficeTab;
    expect(tab.id).toBe('TabHome');
    const strings = new Map<string, string>(
      [
        ...app['VersionOverrides'].Resources['bt:ShortStrings']['bt:String'],
        ...app['VersionOverrides'].Resources['bt:LongStrings']['bt:String'],
      ].map((s: any) => [s.id, s.DefaultValue]),
    );
    expect(strings.get(tab.Group.Label.resid)).toBe('Partnership Review');
    const button = tab.Group.Control[0];
    expect(button['xsi:type']).toBe('Button');
    expect(button.Action['xsi:type']).toBe('ShowTaskpane');
  });

  it('defines every resid it references', () => {
    const referenced = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!));
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]!));
    expect(referenced.size).toBeGreaterThan(5);
    for (const id of referenced) expect(defined.has(id), `resid ${id}`).toBe(true);
  });

  it('ships icon files at the pixel sizes the manifest names', () => {
    const images = app['VersionOverrides'].Resources['bt:Images']['bt:Image'] as { id: string; DefaultValue: string }[];
    const sized = [
      ...images.map((i) => ({ url: i.DefaultValue, size: Number(/icon-(\d+)\.png$/.exec(i.DefaultValue)![1]) })),
      { url: app['IconUrl'].DefaultValue as string, size: 32 },
      { url: app['HighResolutionIconUrl'].DefaultValue as string, size: 64 },
    ];
    expect(sized.map((s) => s.size).sort((a, b) => a - b)).toEqual([16, 32, 32, 64, 80]);
    for (const { url, size } of sized) {
      const file = join(root, url.replace('https://localhost:3000/', ''));
      expect(pngSize(readFileSync(file)), file).toEqual({ width: size, height: size });
    }
  });

  it('the structural check catches the mistakes it is there for', () => {
    const swapped = xml
      .replace(/(<Permissions>ReadWriteDocument<\/Permissions>)/, '')
      .replace('<DefaultSettings>', '<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>');
    expect(checkManifest(swapped, root)).toContain('OfficeApp: <DefaultSettings> must come before <Permissions>');
    expect(checkManifest(xml.replace(/<Id>[^<]+<\/Id>/, '<Id>not-a-guid</Id>'), root)).toContain('<Id> must be a GUID');
    expect(checkManifest(xml.replace('resid="PR.Group.Label"', 'resid="PR.Nope"'), root)).toEqual(
      expect.arrayContaining([
        'VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab/Group/Label: resid "PR.Nope" is not defined in <Resources>',
      ]),
    );
    expect(
      checkManifest(
        xml.replace(
          'https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
          'http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
        ),
        root,
      ),
    ).toContain('OfficeApp/DefaultSettings/SourceLocation DefaultValue: http://localhost:3000/taskpane.html is not an https URL');
    expect(checkManifest(xml.replace('>ReadWriteDocument<', '>ReadDocument<'), root)).toContain('<Permissions> must be ReadWriteDocument');
    expect(checkManifest(xml.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'), root)).toContain(
      '<Hosts> must name exactly one host, Workbook',
    );
    expect(
      checkManifest(xml.replace('size="80" resid="PR.Icon.80"', 'size="80" resid="PR.Icon.32"'), root).some((p) =>
        p.includes('should be a 80×80 PNG'),
      ),
    ).toBe(true);
    expect(checkManifest('<OfficeApp><Id>', root)[0]).toMatch(/^manifest is not well-formed XML/);
  });
});

describe('build-manifest', () => {
  it('swaps the development URL for ADDIN_URL everywhere, keeping AppDomain an origin', () => {
    const out = productionManifest(xml, productionOrigin('https://addins.example.gov.uk/partnership-review/'));
    expect(out).not.toContain('localhost');
    expect(out).toContain('<SourceLocation DefaultValue="https://addins.example.gov.uk/partnership-review/taskpane.html"/>');
    expect(out).toContain('<AppDomain>https://addins.example.gov.uk</AppDomain>');
    expect(out.match(/https:\/\/addins\.example\.gov\.uk\/partnership-review\/assets\/icon-\d+\.png/g)).toHaveLength(5);
    expect(XMLValidator.validate(out)).toBe(true);
  });

  it('defaults to the placeholder and refuses http or a query', () => {
    expect(productionOrigin(undefined)).toBe(PLACEHOLDER_URL);
    expect(productionOrigin('  ')).toBe(PLACEHOLDER_URL);
    expect(() => productionOrigin('http://example.org')).toThrow(/must start with https:\/\//);
    expect(() => productionOrigin('https://example.org/?x=1')).toThrow(/without \?query/);
    expect(() => productionOrigin('not a url')).toThrow(/is not a URL/);
  });
});

describe('icons', () => {
  it('are drawn the same every time (the committed files match the script)', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(encodePng(size, drawIcon(size)).equals(readFileSync(join(root, 'assets', `icon-${size}.png`))), `icon-${size}.png`).toBe(true);
    }
  });

  it('have a transparent corner and an opaque centre', () => {
    const px = drawIcon(32);
    expect(px[3]).toBe(0); // top-left alpha
    expect(px[(16 * 32 + 16) * 4 + 3]).toBe(255);
  });
});
