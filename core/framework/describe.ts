/**
 * Small questions asked of a parsed framework: which items are scored, on which scale, and where an item lives.
 * Pure helpers shared by the sheet-plan builders, scoring, validation and the pickers.
 */
import type { Framework, Item, RegisterColumn, Scale, Section } from './schema.js';

/** An item with the section it belongs to and its position (1-based, as a person counts). */
export interface ItemInSection {
  section: Section;
  item: Item;
  sectionNumber: number;
  itemNumber: number;
}

/** A scored item: an item with a 'score' field, and the scale it is scored on. */
export interface ScoredItem extends ItemInSection {
  scale: Scale;
}

/** Every item of every section, in order. */
export function allItems(framework: Framework): ItemInSection[] {
  return framework.sections.flatMap((section, si) =>
    section.items.map((item, ii) => ({ section, item, sectionNumber: si + 1, itemNumber: ii + 1 })),
  );
}

/** The items people score (those with a 'score' field), in order, each with its scale. */
export function scoredItems(framework: Framework): ScoredItem[] {
  return allItems(framework)
    .filter(({ item }) => item.fields.includes('score'))
    .map((entry) => ({ ...entry, scale: scaleOf(framework, entry.item) }));
}

/** Each framework's items by id (the first of an id), made once: frameworks never change once parsed, and an item is
 *  looked up for every cell of a Summary. */
const ITEMS_BY_ID = new WeakMap<object, Map<string, ItemInSection>>();

/** The item with this id, or undefined. */
export function findItem(framework: Framework, itemId: string): ItemInSection | undefined {
  let byId = ITEMS_BY_ID.get(framework.sections);
  if (!byId) {
    byId = new Map();
    for (const entry of allItems(framework)) if (!byId.has(entry.item.id)) byId.set(entry.item.id, entry);
    ITEMS_BY_ID.set(framework.sections, byId);
  }
  return byId.get(itemId);
}

/** The scale with this id; throws, naming the framework's scales, when there is none. */
export function scaleById(framework: Framework, scaleId: string): Scale {
  const scale = framework.scales.find((s) => s.id === scaleId);
  if (!scale) {
    throw new Error(
      `Framework "${framework.id}" has no scale "${scaleId}". Its scales are: ${framework.scales.map((s) => s.id).join(', ')}.`,
    );
  }
  return scale;
}

/** The scale an item is scored on: its own `scale`, else the framework's default scale. Accepts an item or its id. */
export function scaleOf(framework: Framework, item: Item | string): Scale {
  const found = typeof item === 'string' ? findItem(framework, item)?.item : item;
  if (!found) throw new Error(`Framework "${framework.id}" has no item "${typeof item === 'string' ? item : item.id}".`);
  return scaleById(framework, found.scale ?? framework.defaultScale);
}

/** Lowest and highest scored values of a scale (points are in ascending order). */
export function scaleBounds(scale: Scale): { min: number; max: number } {
  return { min: scale.points[0]!.value, max: scale.points[scale.points.length - 1]!.value };
}

/** The register's score columns (delivery tracker: achievement and appropriateness; risk: likelihood and impact). */
export function registerScoreColumns(framework: Framework): RegisterColumn[] {
  return (framework.register?.columns ?? []).filter((c) => c.type === 'score');
}

/** How many things are scored: items with a 'score' field plus the register's score columns. */
export function scoredCount(framework: Framework): number {
  return scoredItems(framework).length + registerScoreColumns(framework).length;
}
