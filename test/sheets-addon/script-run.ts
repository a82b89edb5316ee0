/**
 * What `google.script.run` lets through from a sidebar to a server function (Apps Script, "Class google.script.run",
 * myFunction(...)): "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as
 * JavaScript objects and arrays that are composed of primitives, objects and arrays. A form element within the page
 * is also legal as a parameter, but it must be the function's only parameter. Requests fail if you attempt to pass a
 * Date, Function, DOM element besides a form, or other prohibited type, including prohibited types inside objects or
 * arrays. Objects that create circular references will also fail, and undefined fields within arrays become null."
 * The server gets a copy. (Under the V8 runtime a file input inside a form does not arrive as usable bytes either,
 * which is why the sidebar reads the picked file itself and sends a table.)
 *
 * Self-contained (no imports, no outer names): sidebar.test.ts puts its source into the page, so the built sidebar's
 * calls go through the same rules in Chromium as the Node tests' calls.
 */
export function scriptRunCopy(args: unknown[]): unknown[] {
  const refuse = (what: string): never => {
    throw new Error(`google.script.run cannot pass ${what} to a server function`);
  };
  const isForm = (v: unknown): boolean =>
    typeof v === 'object' &&
    v !== null &&
    (v as { nodeType?: unknown }).nodeType === 1 &&
    String((v as { nodeName?: unknown }).nodeName).toUpperCase() === 'FORM';
  if (args.some(isForm)) {
    if (args.length !== 1) refuse('a form together with other parameters (a form must be the only parameter)');
    return args; // a form alone: not modelled further (the add-on sends none)
  }
  const seen: object[] = [];
  const copy = (v: unknown): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v === 'undefined') return undefined;
    if (typeof v === 'function') return refuse('a function');
    if (typeof v !== 'object') return refuse(`a ${typeof v}`);
    if (Object.prototype.toString.call(v) === '[object Date]') return refuse('a Date');
    if (typeof (v as { nodeType?: unknown }).nodeType === 'number') return refuse('a page element other than a form');
    if (seen.includes(v)) return refuse('an object that refers to itself (a circular reference)');
    // a plain object's prototype is its realm's Object.prototype (the server's objects come from another realm)
    const proto = Object.getPrototypeOf(v) as object | null;
    if (Array.isArray(v)) {
      seen.push(v);
      const out = Array.from(v, (x) => {
        const c = copy(x);
        return c === undefined ? null : c;
      });
      seen.pop();
      return out;
    }
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return refuse(`a ${Object.prototype.toString.call(v).slice(8, -1)}`);
    seen.push(v);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = copy(x);
      if (c !== undefined) out[k] = c;
    }
    seen.pop();
    return out;
  };
  return args.map(copy);
}
