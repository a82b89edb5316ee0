/**
 * `xl/sharedStrings.xml`: read as plain text per index (rich-text runs joined, phonetic runs left out, `_xHHHH_`
 * undone), and new strings appended at the end — existing indices never change, and the part's existing items are
 * written back as they were.
 */
import { escText, localName, parseXml, retag, unescapeOoxml, type XNode } from './xml.js';

export function stringItemText(node: XNode): string {
  let out = '';
  for (const c of node.children) {
    const l = localName(c.name);
    if (l === 't') out += c.text;
    else if (l === 'r') for (const t of c.children) if (localName(t.name) === 't') out += t.text;
  }
  return unescapeOoxml(out);
}

export const NEW_SHARED_STRINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`;

export class SharedStrings {
  readonly strings: string[] = [];
  private readonly original: number;
  private index: Map<string, number> | null = null;
  private readonly root: XNode;
  private added: string[] = [];
  /** references to appended strings (`count` grows by these) */
  private newRefs = 0;

  constructor(private readonly src: string) {
    this.root = parseXml(src);
    for (const si of this.root.children) if (localName(si.name) === 'si') this.strings.push(stringItemText(si));
    this.original = this.strings.length;
  }

  /** Changed only by a string appended: a cell written with a string already there most often replaces one that held
   *  it, so the part (and its `count`) stays as it was and a second run writes the same bytes. */
  get changed(): boolean {
    return this.added.length > 0;
  }

  get(i: number): string | undefined {
    return this.strings[i];
  }

  /** The index of `text`, appending it when it is new. */
  indexOf(text: string): number {
    if (!this.index) {
      this.index = new Map();
      // only strings written as plain text are reused (a rich-text item keeps its formatting for its own cells)
      let i = 0;
      for (const si of this.root.children) {
        if (localName(si.name) !== 'si') continue;
        if (si.children.length === 1 && localName(si.children[0]!.name) === 't' && !this.index.has(this.strings[i]!))
          this.index.set(this.strings[i]!, i);
        i++;
      }
      this.added.forEach((s, k) => this.index!.has(s) || this.index!.set(s, this.original + k));
    }
    const hit = this.index.get(text);
    if (hit !== undefined) return hit;
    this.newRefs++;
    const i = this.strings.length;
    this.strings.push(text);
    this.added.push(text);
    this.index.set(text, i);
    return i;
  }

  serialise(): string {
    if (!this.changed) return this.src;
    const p = this.root.name.includes(':') ? this.root.name.slice(0, this.root.name.indexOf(':') + 1) : '';
    const tail = this.added
      .map((s) => {
        const space = /^[\s]|[\s]$/.test(s) || s.includes('\n') ? ' xml:space="preserve"' : '';
        return `<${p}si><${p}t${space}>${escText(s)}</${p}t></${p}si>`;
      })
      .join('');
    const count = Number(this.root.attrs['count'] ?? this.original) + this.newRefs;
    const open = retag(this.root, { count: String(Math.max(count, this.strings.length)), uniqueCount: String(this.strings.length) }, false);
    const r = this.root;
    const inner = r.innerEnd === r.end ? '' : this.src.slice(r.innerStart, r.innerEnd);
    return this.src.slice(0, r.start) + open + inner + tail + `</${r.name}>` + this.src.slice(r.end);
  }
}
