/**
 * The checks behind the Office.js fake's strictness (see office-js-types.ts), on a reduced model of
 * @types/office-js. Pure: no Node, so the same checks run in the browser when the fake is bundled for a page
 * (test/excel-addin/fake-office-browser.ts); the model is built in Node by office-js-types.ts and handed over.
 */
/** A type from the declarations, reduced to what the check needs (and cacheable as JSON). */
export type T =
  | { k: 'str' | 'num' | 'bool' | 'null' | 'any' }
  /** an array; `of` names the element type when it is an Excel class (a collection's `items`) */
  | { k: 'arr'; of?: string }
  | { k: 'lit'; v: string }
  | { k: 'ref'; n: string }
  | { k: 'union'; t: T[] };

export interface Model {
  /** class or interface name → property → type */
  props: Record<string, Record<string, T>>;
  /** class name → method → return type */
  methods: Record<string, Record<string, T>>;
  /** enum name → member values */
  enums: Record<string, string[]>;
  /** class or interface name → member → the ExcelApi requirement set that brought it ("1.13") */
  sets: Record<string, Record<string, string>>;
}

let model: Model | null = null;
let loader: (() => Model) | null = null;

/** Where the model comes from: built from @types/office-js in Node, or handed over as JSON in a page. */
export function setOfficeJsModelLoader(load: () => Model): void {
  loader = load;
}

export function setOfficeJsModel(m: Model): void {
  model = m;
}

function load(): Model {
  if (model) return model;
  if (!loader) throw new Error('office-js check: no model of @types/office-js was given');
  return (model = loader());
}

const minor = (v: string): number => Number(v.split('.')[1] ?? 0);

/** The ExcelApi set that brought `typeName.member`, where the declarations say. */
export function apiSetOf(typeName: string, member: string): string | undefined {
  return load().sets[typeName]?.[member];
}

/**
 * On an Excel that has ExcelApi up to `max` (undefined: any), a member of a newer set is not there: Office.js fails
 * the call (ApiNotFound), so the fake does too.
 */
export function checkApi(typeName: string, member: string, max: string | undefined): void {
  if (max === undefined) return;
  const set = apiSetOf(typeName, member);
  if (set !== undefined && minor(set) > minor(max)) {
    throw Object.assign(
      new Error(`fake Office.js: ApiNotFound: Excel.${typeName}.${member} needs ExcelApi ${set}; this Excel has ${max}`),
      { code: 'ApiNotFound' },
    );
  }
}

/** Does `value` fit type `t`? Returns null when it does, else why not. */
function fits(t: T, value: unknown, where: string, max?: string): string | null {
  const m = load();
  switch (t.k) {
    case 'union': {
      const reasons = t.t.map((x) => fits(x, value, where, max));
      return reasons.some((r) => r === null) ? null : reasons.find((r) => r !== null)!;
    }
    case 'null':
      return value === null ? null : `${where}: not null`;
    case 'lit':
      return value === t.v ? null : `${where}: ${JSON.stringify(value)} is not "${t.v}"`;
    case 'arr':
      return Array.isArray(value) ? null : `${where}: needs an array`;
    case 'str':
      return typeof value === 'string' ? null : `${where}: needs text, got ${JSON.stringify(value)}`;
    case 'num':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${where}: needs a number, got ${JSON.stringify(value)}`;
    case 'bool':
      return typeof value === 'boolean' ? null : `${where}: needs true or false, got ${JSON.stringify(value)}`;
    case 'any':
      return null;
  }
  const e = m.enums[t.n];
  if (e) return typeof value === 'string' && e.includes(value) ? null : `${where}: ${JSON.stringify(value)} is not one of Excel.${t.n}`;
  const props = m.props[t.n];
  if (!props) return null; // a type this check does not model
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${where}: needs an Excel.${t.n} object`;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const pt = props[k];
    if (!pt) return `${where}: Excel.${t.n} has no property "${k}"`;
    const set = m.sets[t.n]?.[k];
    if (max !== undefined && set !== undefined && minor(set) > minor(max))
      return `${where}.${k} needs ExcelApi ${set}; this Excel has ${max}`;
    const why = fits(pt, v, `${where}.${k}`, max);
    if (why) return why;
  }
  return null;
}

const refName = (t: T | undefined): string | null => (t && t.k === 'ref' ? t.n : null);

/** The type of `typeName.prop`, or throws naming what Excel lacks. */
export function propertyType(typeName: string, prop: string): string {
  const props = load().props[typeName];
  if (!props) throw new Error(`office-js check: no type Excel.${typeName}`);
  const t = props[prop];
  if (!t) throw new Error(`fake Office.js: Excel.${typeName} has no property "${prop}"`);
  const name = refName(t);
  if (!name || !load().props[name]) throw new Error(`fake Office.js: Excel.${typeName}.${prop} is a value, not an object`);
  return name;
}

/** The return type of `typeName.method(...)`. */
export function methodType(typeName: string, method: string): string {
  const t = load().methods[typeName]?.[method];
  if (!t) throw new Error(`fake Office.js: Excel.${typeName} has no method "${method}"`);
  const name = refName(t);
  if (!name) throw new Error(`fake Office.js: Excel.${typeName}.${method} returns no object`);
  return name;
}

/** Throws (as Excel would, InvalidArgument) unless `typeName.prop = value` is what @types/office-js allows. */
export function checkAssignment(typeName: string, prop: string, value: unknown, max?: string): void {
  const props = load().props[typeName];
  if (!props) throw new Error(`office-js check: no type Excel.${typeName}`);
  const t = props[prop];
  if (!t) throw new Error(`fake Office.js: Excel.${typeName} has no property "${prop}"`);
  checkApi(typeName, prop, max);
  const why = fits(t, value, `${typeName}.${prop}`, max);
  if (why) throw Object.assign(new Error(`fake Office.js: InvalidArgument: ${why}`), { code: 'InvalidArgument' });
}

/** Is `typeName.prop` a value (a scalar, an array or an options object), as opposed to a navigation object? */
export function isValueProperty(typeName: string, prop: string): boolean {
  const props = load().props[typeName];
  const t = props?.[prop];
  if (!t) throw new Error(`fake Office.js: Excel.${typeName} has no property "${prop}"`);
  const name = refName(t);
  // a navigation property's type is an Office.js object (a class with load()); options such as DataValidationRule are values
  return !name || !load().methods[name]?.['load'];
}

/**
 * Checks the paths given to `load()` (`'items/name,items/title/text'`, `'format/protection/locked'`) against
 * @types/office-js, as Office.js refuses a property an object does not have (PropertyNotFound... InvalidArgument in
 * the sync). Each path must end on a value; `items/` steps into a collection's item type; on an Excel with ExcelApi
 * up to `max`, a property of a newer set is refused. Returns the paths.
 */
export function checkLoad(typeName: string, props: string, max?: string): string[] {
  const paths = props
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (paths.length === 0)
    throw new Error(`fake Office.js: load() on Excel.${typeName} without property names loads everything; name the properties`);
  for (const path of paths) {
    let type = typeName;
    const steps = path.split('/');
    steps.forEach((step, i) => {
      const m = load();
      const t = m.props[type]?.[step];
      if (!t)
        throw Object.assign(new Error(`fake Office.js: Excel.${type} has no property "${step}" (load('${path}'))`), {
          code: 'InvalidArgument',
        });
      checkApi(type, step, max);
      const last = i === steps.length - 1;
      if (step === 'items' && t.k === 'arr' && t.of) {
        if (last) throw new Error(`fake Office.js: load('${path}') names no property of the items`);
        type = t.of;
        return;
      }
      if (last) {
        if (!isValueProperty(type, step))
          throw new Error(`fake Office.js: load('${path}') ends on Excel.${type}.${step}, an object; name its properties`);
        return;
      }
      const next = refName(t);
      if (!next || !m.methods[next]?.['load'])
        throw new Error(`fake Office.js: Excel.${type}.${step} is a value; load('${path}') cannot go inside it`);
      type = next;
    });
  }
  return paths;
}
