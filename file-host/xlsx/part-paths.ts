/** Part names in a package (browser-safe: no Node module here). */

/** xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels; '' (the package) → _rels/.rels */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Where a relationship's target is, from the part that names it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The largest part the engine (and the panes' reader) unpacks: 256 MiB. A 1,000-respondent Hallmarks review's largest
 *  part is 7.3 MB; a part declared larger is refused before anything is unpacked (a "zip bomb" would otherwise take
 *  gigabytes of memory). */
export const MAX_PART_BYTES = 256 * 1024 * 1024;
