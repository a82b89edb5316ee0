/** Workshop Notes back into strengths and areas for improvement per section. */
import type { Framework } from '../framework/schema.js';
import type { TabSnapshot } from '../host/types.js';
import type { SectionFreeText } from '../review/types.js';
import type { Problem } from '../validation/types.js';
import { nameKey } from '../scoring/names.js';
import { cell, isBlankValue, textOf } from './cells.js';
import type { FoundTable } from './locate.js';

export function readNotes(tab: TabSnapshot, found: FoundTable, framework: Framework, problems: Problem[]): SectionFreeText[] {
  const byKey = new Map<string, string>();
  for (const s of framework.sections) {
    byKey.set(nameKey(s.id), s.id);
    if (!byKey.has(nameKey(s.title))) byKey.set(nameKey(s.title), s.id);
  }
  const out: SectionFreeText[] = [];
  const seen = new Set<string>();
  const c = found.cols;
  for (let r = found.firstDataRow; r <= found.lastRow; r++) {
    const idCell = c['section'] !== undefined ? textOf(cell(tab, r, c['section'])) : '';
    const titleCell = c['title'] !== undefined ? textOf(cell(tab, r, c['title'])) : '';
    const strengths = c['strengths'] !== undefined ? cell(tab, r, c['strengths']) : null;
    const areas = c['areasForImprovement'] !== undefined ? cell(tab, r, c['areasForImprovement']) : null;
    const hasText = !isBlankValue(strengths) || !isBlankValue(areas);
    const sectionId = byKey.get(nameKey(idCell)) ?? byKey.get(nameKey(titleCell));
    if (!sectionId) {
      if (hasText) {
        problems.push({
          severity: 'warning',
          code: 'notes.unknown-section',
          at: { sheet: found.name, row: r, col: c['section'] ?? 1 },
          message: `This row's notes are not read because “${idCell.trim() || titleCell.trim()}” is not one of the framework's ${framework.sections.length > 1 ? 'sections' : 'items'} (${framework.sections.map((s) => s.id).join(', ')}). Put the id back, or move the notes to the right row.`,
        });
      }
      continue;
    }
    if (seen.has(sectionId)) {
      if (hasText) {
        problems.push({
          severity: 'warning',
          code: 'notes.duplicate-section',
          at: { sheet: found.name, row: r, col: c['section'] ?? 1 },
          message: `“${sectionId}” has a second row of notes here; only the first is used on the Summary. Merge the two rows into one.`,
        });
      }
      continue;
    }
    seen.add(sectionId);
    out.push({
      sectionId,
      strengths: textOf(strengths),
      areasForImprovement: textOf(areas),
      at: { sheet: found.name, row: r, col: c['strengths'] ?? c['section'] ?? 1 },
    });
  }
  return out;
}
