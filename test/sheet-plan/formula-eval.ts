/**
 * A small spreadsheet formula evaluator for tests: just the functions the Summary uses (SUM, IF, AND, INT, SQRT,
 * AVERAGE, IFERROR, ISNUMBER, COUNT, COUNTA, COUNTIF, COUNTIFS, SUBSTITUTE), with Excel's rules for blanks, text, errors and
 * COUNTIF criteria (operators, wildcards * ? with ~ escapes, case-insensitive). It evaluates formulas stored in a
 * MemoryWorkbook, recursively, so a test can compare every live formula with the value core put beside it.
 */
import type { MemoryWorkbook } from '../../memory-host/index.js';
import { columnNumber } from '../../core/util/a1.js';

type Err = { error: string };
type Scalar = number | string | boolean | null | Err;
type RangeVal = { range: Scalar[] };
type Val = Scalar | RangeVal;

const isErr = (v: unknown): v is Err => typeof v === 'object' && v !== null && 'error' in v;
const isRange = (v: unknown): v is RangeVal => typeof v === 'object' && v !== null && 'range' in v;

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: string } | { t: 'name'; v: string } | { t: 'op'; v: string };

function tokenise(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: 'str', v: s });
      continue;
    }
    // sheet-qualified or plain reference / range
    const refRe = /^((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_ ]*?)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/;
    const m = refRe.exec(src.slice(i));
    if (m && !/^[A-Za-z_]+\(/.test(src.slice(i)) && (m[1] || /^\$?[A-Z]{1,3}\$?\d/.test(m[0]))) {
      out.push({ t: 'ref', v: m[0] });
      i += m[0].length;
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>(),:'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    throw new Error(`cannot read “${ch}” in ${src}`);
  }
  return out;
}

type Node =
  | { k: 'lit'; v: Scalar }
  | { k: 'ref'; v: string }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'neg'; a: Node };

function parse(tokens: Tok[]): Node {
  let p = 0;
  const peek = () => tokens[p];
  const eat = (v?: string) => {
    const t = tokens[p++];
    if (!t || (v !== undefined && t.v !== v)) throw new Error(`expected ${v ?? 'a token'}`);
    return t;
  };
  const levels = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];
  function bin(level: number): Node {
    if (level === levels.length) return unary();
    let a = bin(level + 1);
    for (;;) {
      const t = peek();
      if (t && t.t === 'op' && levels[level]!.includes(t.v)) {
        p++;
        a = { k: 'bin', op: t.v, a, b: bin(level + 1) };
      } else return a;
    }
  }
  function unary(): Node {
    const t = peek();
    if (t && t.t === 'op' && t.v === '-') {
      p++;
      return { k: 'neg', a: unary() };
    }
    if (t && t.t === 'op' && t.v === '+') {
      p++;
      return unary();
    }
    return primary();
  }
  function primary(): Node {
    const t = eat();
    if (t.t === 'num') return { k: 'lit', v: t.v };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'ref') return { k: 'ref', v: t.v };
    if (t.t === 'name') {
      if (t.v === 'TRUE' || t.v === 'FALSE') return { k: 'lit', v: t.v === 'TRUE' };
      eat('(');
      const args: Node[] = [];
      if (!(peek()?.t === 'op' && peek()!.v === ')')) {
        args.push(bin(0));
        while (peek()?.t === 'op' && peek()!.v === ',') {
          p++;
          args.push(bin(0));
        }
      }
      eat(')');
      return { k: 'call', name: t.v, args };
    }
    if (t.v === '(') {
      const n = bin(0);
      eat(')');
      return n;
    }
    throw new Error(`unexpected ${t.v}`);
  }
  const n = bin(0);
  if (p !== tokens.length) throw new Error(`trailing tokens after ${p}`);
  return n;
}

export class FormulaEvaluator {
  private memo = new Map<string, Scalar>();
  private stack = new Set<string>();
  /** functions seen, to check the formula uses only what every spreadsheet has */
  readonly functions = new Set<string>();

  constructor(private wb: MemoryWorkbook) {}

  /** Evaluate the cell (formula or value). */
  cell(sheet: string, row: number, col: number): Scalar {
    const s = this.wb.find(sheet);
    if (!s) return { error: '#REF!' };
    const key = `${s.name}!${row},${col}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    const c = s.get(row, col);
    if (!c) return null;
    if (c.formula === undefined) return c.value;
    if (this.stack.has(key)) throw new Error(`circular reference at ${key}`);
    this.stack.add(key);
    const v = this.formula(c.formula, s.name);
    this.stack.delete(key);
    const out = isRange(v) ? { error: '#VALUE!' } : v;
    this.memo.set(key, out);
    return out;
  }

  formula(f: string, sheet: string): Val {
    const node = parse(tokenise(f.replace(/^=/, '')));
    return this.eval(node, sheet);
  }

  private refTo(ref: string, sheet: string): { sheet: string; r1: number; c1: number; r2: number; c2: number } {
    let s = sheet;
    let body = ref;
    const bang = ref.lastIndexOf('!');
    if (bang >= 0) {
      s = ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
      body = ref.slice(bang + 1);
    }
    const [a, b] = body.replace(/\$/g, '').split(':');
    const pa = /^([A-Z]+)(\d+)$/.exec(a!)!;
    const pb = /^([A-Z]+)(\d+)$/.exec(b ?? a!)!;
    return { sheet: s, r1: Number(pa[2]), c1: columnNumber(pa[1]!), r2: Number(pb[2]), c2: columnNumber(pb[1]!) };
  }

  private eval(n: Node, sheet: string): Val {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'neg': {
        const v = num(this.scalar(n.a, sheet));
        return isErr(v) ? v : -v;
      }
      case 'ref': {
        const r = this.refTo(n.v, sheet);
        if (r.r1 === r.r2 && r.c1 === r.c2) return this.cell(r.sheet, r.r1, r.c1);
        const out: Scalar[] = [];
        const s = this.wb.find(r.sheet);
        const maxRow = s ? s.extent().rows : 0;
        for (let row = r.r1; row <= Math.min(r.r2, Math.max(maxRow, r.r1)); row++)
          for (let c = r.c1; c <= r.c2; c++) out.push(this.cell(r.sheet, row, c));
        return { range: out };
      }
      case 'bin':
        return this.binary(n.op, this.scalar(n.a, sheet), this.scalar(n.b, sheet));
      case 'call':
        this.functions.add(n.name);
        return this.call(n.name, n.args, sheet);
    }
  }

  private scalar(n: Node, sheet: string): Scalar {
    const v = this.eval(n, sheet);
    return isRange(v) ? { error: '#VALUE!' } : v;
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const c = compare(a, b);
      return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    if (op === '&') return text(a) + text(b);
    const x = num(a);
    const y = num(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return y === 0 ? { error: '#DIV/0!' } : x / y;
      case '^':
        return Math.pow(x, y);
    }
    throw new Error(`operator ${op}`);
  }

  private values(args: Node[], sheet: string): { v: Scalar; fromRange: boolean }[] {
    const out: { v: Scalar; fromRange: boolean }[] = [];
    for (const a of args) {
      const v = this.eval(a, sheet);
      if (isRange(v)) for (const x of v.range) out.push({ v: x, fromRange: true });
      else out.push({ v, fromRange: a.k === 'ref' });
    }
    return out;
  }

  private call(name: string, args: Node[], sheet: string): Val {
    switch (name) {
      case 'IF': {
        const c = this.scalar(args[0]!, sheet);
        if (isErr(c)) return c;
        const t = typeof c === 'string' ? { error: '#VALUE!' } : Boolean(c);
        if (isErr(t)) return t;
        return t ? this.scalar(args[1]!, sheet) : args[2] ? this.scalar(args[2], sheet) : false;
      }
      case 'IFERROR': {
        const v = this.scalar(args[0]!, sheet);
        return isErr(v) ? this.scalar(args[1]!, sheet) : v;
      }
      case 'AND': {
        let all = true;
        for (const a of args) {
          const v = this.scalar(a, sheet);
          if (isErr(v)) return v;
          if (!v) all = false;
        }
        return all;
      }
      case 'ISNUMBER':
        return typeof this.scalar(args[0]!, sheet) === 'number';
      case 'INT': {
        const v = num(this.scalar(args[0]!, sheet));
        return isErr(v) ? v : Math.floor(v);
      }
      case 'SQRT': {
        const v = num(this.scalar(args[0]!, sheet));
        return isErr(v) ? v : v < 0 ? { error: '#NUM!' } : Math.sqrt(v);
      }
      case 'SUM':
      case 'AVERAGE':
      case 'COUNT': {
        let s = 0;
        let n = 0;
        for (const { v, fromRange } of this.values(args, sheet)) {
          if (isErr(v)) return v;
          let x: number | null = null;
          if (typeof v === 'number') x = v;
          else if (!fromRange && (typeof v === 'boolean' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)))))
            x = Number(v);
          if (x === null) continue;
          s += x;
          n++;
        }
        if (name === 'SUM') return s;
        if (name === 'COUNT') return n;
        return n === 0 ? { error: '#DIV/0!' } : s / n;
      }
      case 'SUBSTITUTE': {
        const [t, from, to] = [0, 1, 2].map((i) => this.scalar(args[i]!, sheet));
        for (const v of [t, from, to]) if (isErr(v)) return v;
        const f = text(from as Scalar);
        return f === ''
          ? text(t as Scalar)
          : text(t as Scalar)
              .split(f)
              .join(text(to as Scalar));
      }
      case 'COUNTA':
        return this.values(args, sheet).filter(({ v }) => v !== null).length;
      case 'COUNTIF': {
        const range = this.eval(args[0]!, sheet);
        const crit = this.scalar(args[1]!, sheet);
        const cells = isRange(range) ? range.range : [range];
        return cells.filter((c) => matches(c, crit)).length;
      }
      case 'COUNTIFS': {
        const pairs: { cells: Scalar[]; crit: Scalar }[] = [];
        for (let i = 0; i < args.length; i += 2) {
          const range = this.eval(args[i]!, sheet);
          pairs.push({ cells: isRange(range) ? range.range : [range], crit: this.scalar(args[i + 1]!, sheet) });
        }
        const len = pairs[0]!.cells.length;
        if (pairs.some((p) => p.cells.length !== len)) return { error: '#VALUE!' };
        let n = 0;
        for (let i = 0; i < len; i++) if (pairs.every((p) => matches(p.cells[i]!, p.crit))) n++;
        return n;
      }
    }
    throw new Error(`function ${name} is not supported by the test evaluator`);
  }
}

function num(v: Scalar): number | Err {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return { error: '#VALUE!' };
}

function text(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isErr(v)) return v.error;
  return String(v);
}

/** Excel ordering: numbers < text < booleans; blank is 0 against numbers and "" against text. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number') return a - (b as number);
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function wildcard(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '~' && i + 1 < pattern.length && '~*?'.includes(pattern[i + 1]!)) {
      re += `\\${pattern[++i]}`;
    } else if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

/** COUNTIF criterion matching, as Excel does it. */
function matches(cell: Scalar, crit: Scalar): boolean {
  if (isErr(cell)) return false;
  if (typeof crit === 'number') {
    if (typeof cell === 'number') return cell === crit;
    if (typeof cell === 'string' && cell.trim() !== '' && !Number.isNaN(Number(cell))) return Number(cell) === crit;
    return false;
  }
  if (typeof crit === 'boolean') return cell === crit;
  if (isErr(crit)) return false;
  const c = crit === null ? '' : crit;
  const m = /^(<=|>=|<>|=|<|>)?(.*)$/s.exec(c)!;
  const op = m[1] ?? '=';
  const operand = m[2]!;
  const numeric = operand.trim() !== '' && !Number.isNaN(Number(operand));
  if (numeric) {
    const x = Number(operand);
    const v =
      typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : null;
    if (v === null) return op === '<>';
    return op === '=' ? v === x : op === '<>' ? v !== x : op === '<' ? v < x : op === '>' ? v > x : op === '<=' ? v <= x : v >= x;
  }
  if (op === '=' || op === '<>') {
    if (operand === '') {
      const blank = cell === null || cell === '';
      return op === '=' ? blank : !blank;
    }
    const hit = typeof cell === 'string' && wildcard(operand).test(cell);
    return op === '=' ? hit : !hit;
  }
  if (typeof cell !== 'string') return false;
  const cmp = compare(cell, operand);
  return op === '<' ? cmp < 0 : op === '>' ? cmp > 0 : op === '<=' ? cmp <= 0 : cmp >= 0;
}

export function isError(v: unknown): v is { error: string } {
  return isErr(v);
}
