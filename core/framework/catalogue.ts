/**
 * The built-in frameworks, parsed with the schema once and frozen, and the summaries the pickers show.
 */
import { FrameworkSchema, type Framework, type FrameworkInput } from './schema.js';
import { scoredCount } from './describe.js';
import { partnershipTree } from './builtins/partnership-tree.js';
import { hallmarks } from './builtins/hallmarks.js';
import { nruPartnership } from './builtins/nru-partnership.js';
import { deliveryTracker } from './builtins/delivery-tracker.js';
import { riskExercise } from './builtins/risk-exercise.js';
import { frameworkReview } from './builtins/framework-review.js';
import { biannualReview } from './builtins/biannual-review.js';
import { PREPARSED_BUILTINS } from './builtins/preparsed.js';

/** The built-ins as written, in the order the pickers list them. */
export const BUILTIN_INPUTS: readonly FrameworkInput[] = [
  partnershipTree,
  hallmarks,
  nruPartnership,
  deliveryTracker,
  riskExercise,
  frameworkReview,
  biannualReview,
];

/** What a picker shows for one framework. */
export interface FrameworkSummary {
  id: string;
  title: string;
  description: string;
  source: Framework['source'];
  /** scored items (items with a 'score' field) plus, for register frameworks, the score columns */
  items: number;
  multiplePartnerships: boolean;
}

/** Each built-in once parsed, by its place in BUILTIN_INPUTS: a command needs one framework, so only that one is
 *  parsed (the schema check is the largest part of starting the command line). */
const parsed: Array<Framework | undefined> = [];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

function parseBuiltin(input: FrameworkInput): Framework {
  const result = FrameworkSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`The built-in framework "${input.id}" does not match the schema: ${problems}`);
  }
  return deepFreeze(result.data);
}

/** All built-in frameworks, parsed and frozen (a new array each call; the frameworks themselves are shared). */
export function builtinFrameworks(): Framework[] {
  return BUILTIN_INPUTS.map((_, i) => builtinAt(i));
}

function builtinAt(i: number): Framework {
  return (parsed[i] ??= PREPARSED_BUILTINS ? deepFreeze(PREPARSED_BUILTINS[i]!) : parseBuiltin(BUILTIN_INPUTS[i]!));
}

/** The built-in with this id as its stored JSON (`JSON.stringify` of the parsed framework, as PR_Meta holds it), made
 *  once: a workbook whose stored framework is exactly this is using the built-in, and needs no schema check. */
const storedJson = new Map<string, string>();
export function builtinFrameworkJson(id: string): string {
  let json = storedJson.get(id);
  if (json === undefined) storedJson.set(id, (json = JSON.stringify(getFramework(id))));
  return json;
}

/** The ids of the built-ins, in catalogue order. */
export function builtinFrameworkIds(): string[] {
  return BUILTIN_INPUTS.map((f) => f.id);
}

/** True when `id` is a built-in framework's id (case and surrounding spaces ignored). */
export function isBuiltinFrameworkId(id: string): boolean {
  const key = id.trim().toLowerCase();
  return BUILTIN_INPUTS.some((f) => f.id.toLowerCase() === key);
}

/** The built-in framework with this id; throws an Error listing the valid ids when there is none. */
export function getFramework(id: string): Framework {
  const i = BUILTIN_INPUTS.findIndex((f) => f.id === id.trim());
  if (i < 0) {
    throw new Error(`There is no built-in framework "${id}". Choose one of: ${builtinFrameworkIds().join(', ')}.`);
  }
  return builtinAt(i);
}

/** One line per built-in for pickers. */
export function frameworkSummaries(): FrameworkSummary[] {
  return builtinFrameworks().map((f) => ({
    id: f.id,
    title: f.title,
    description: f.description,
    source: f.source,
    items: scoredCount(f),
    multiplePartnerships: f.multiplePartnerships,
  }));
}
