/**
 * A formula as it reads from another cell: what Excel does for the cells of a shared formula (ECMA-376 Part 1,
 * §18.3.1.40 `f`, t="shared": each cell's formula is the master's with its relative references moved by the cell's
 * offset from the master). Absolute parts (`$A$1`, `$A1`, `A$1`) stay; whole columns (`A:C`) move by columns and whole
 * rows (`3:5`) by rows; a reference moved past the sheet's edge becomes `#REF!`, as Excel writes it.
 *
 * Left as they are: text in double quotes, quoted sheet names (`'Q1 figures'!A1` — only the cell part moves), table
 * references in brackets (`Table1[[#This Row],[Score]]`), function names with digits (`LOG10(`), defined names and
 * anything longer than a column can be (`ABCD1` is a name, not a cell).
 */

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function colLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** characters that make the text before a reference part of a longer word (a name, a number, a function) */
const WORD = /[A-Za-z0-9_.\\]/;
/** after a reference: a longer name, a function call, a sheet name */
const CELL = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(!])/y;
const COLS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!])/y;
const ROWS = /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(!:])/y;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const moveCol = (abs: string, letters: string): string | null => {
    const n = colNumber(letters);
    if (n > MAX_COL) return null;
    if (abs) return `$${letters.toUpperCase()}`;
    const m = n + dCol;
    return m < 1 || m > MAX_COL ? null : colLetters(m);
  };
  const moveRow = (abs: string, digits: string): string | null => {
    const n = Number(digits);
    if (n < 1 || n > MAX_ROW) return null;
    if (abs) return `$${n}`;
    const m = n + dRow;
    return m < 1 || m > MAX_ROW ? null : String(m);
  };
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // text, or a quoted sheet name: to the closing quote (a doubled quote is one quote)
      let j = i + 1;
      for (; j < n; j++) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j++;
          else break;
        }
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const atWordStart = i === 0 || !WORD.test(formula[i - 1]!);
    if (atWordStart && (ch === '$' || /[A-Za-z0-9]/.test(ch))) {
      let m: RegExpExecArray | null;
      COLS.lastIndex = i;
      if ((m = COLS.exec(formula))) {
        const a = moveCol(m[1]!, m[2]!);
        const b = moveCol(m[3]!, m[4]!);
        if (colNumber(m[2]!) <= MAX_COL && colNumber(m[4]!) <= MAX_COL) {
          out += a === null || b === null ? '#REF!' : `${a}:${b}`;
          i = COLS.lastIndex;
          continue;
        }
      }
      ROWS.lastIndex = i;
      if ((m = ROWS.exec(formula))) {
        const a = moveRow(m[1]!, m[2]!);
        const b = moveRow(m[3]!, m[4]!);
        out += a === null || b === null ? '#REF!' : `${a}:${b}`;
        i = ROWS.lastIndex;
        continue;
      }
      CELL.lastIndex = i;
      if ((m = CELL.exec(formula)) && colNumber(m[2]!) <= MAX_COL && Number(m[4]) >= 1 && Number(m[4]) <= MAX_ROW) {
        const c = moveCol(m[1]!, m[2]!);
        const r = moveRow(m[3]!, m[4]!);
        out += c === null || r === null ? '#REF!' : `${c}${r}`;
        i = CELL.lastIndex;
        continue;
      }
      // a word that is not a reference: copy it whole, so no reference is found inside it
      let j = i + 1;
      while (j < n && WORD.test(formula[j]!)) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
