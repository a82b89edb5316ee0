/**
 * `npm run fuzz -- --cases 10000 [--seed N]`: the long fuzz run of issue 7. Generates workbooks with the same
 * generators as the property tests (test/hardening/support/fuzz-case.ts) — every built-in framework, created on the
 * in-memory workbook, then edited as people edit workbooks — and runs check, summarise and plan on each.
 *
 * Prints `cases: N, crashes: N, cells lost: N` (and the other checks) on stdout, progress on stderr; exits 1 when
 * anything failed, with the first failures described and the seed to replay them.
 */
import fc from 'fast-check';
import { describeOutcome, fuzzCase, isClean, runFuzzCase, type FuzzCase } from '../test/hardening/support/fuzz-case.js';
import { identityCase, runIdentityCase } from '../test/hardening/support/fuzz-identity.js';
import { previousCase, runPreviousCase } from '../test/hardening/support/fuzz-previous.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} needs a whole number, not "${raw}"`);
    process.exit(2);
  }
  return n;
}

const cases = option('cases', 10_000);
const seed = option('seed', Date.now() % 2_147_483_647);
const CHUNK = 250;

const totals = {
  previousCases: 0,
  previousWrong: 0,
  identityCases: 0,
  merged: 0,
  cases: 0,
  crashes: 0,
  cellsLost: 0,
  unlocated: 0,
  missed: 0,
  falseAlarms: 0,
  refused: 0,
  problems: 0,
  scoresChecked: 0,
  cellsCompared: 0,
};
const failures: { index: number; frameworkId: string; lines: string[] }[] = [];
const started = Date.now();

for (let done = 0; done < cases; done += CHUNK) {
  const n = Math.min(CHUNK, cases - done);
  const batch: FuzzCase[] = fc.sample(fuzzCase(), { numRuns: n, seed: seed + done });
  // one case in every 10,000 (and the first) is a workbook with more than 10,000 rows
  if (done % 10_000 === 0) batch[0] = { ...batch[0]!, frameworkId: 'partnership-tree', extraRows: 10_050 };
  batch.forEach((c, i) => {
    const o = runFuzzCase(c);
    totals.cases++;
    if (o.crash) totals.crashes++;
    totals.cellsLost += o.lost.length;
    totals.unlocated += o.unlocated.length;
    totals.missed += o.missed.length;
    totals.falseAlarms += o.falseAlarms.length;
    totals.refused += o.refused ? 1 : 0;
    totals.problems += o.problems;
    totals.scoresChecked += o.scoresChecked;
    totals.cellsCompared += o.cellsCompared;
    if (!isClean(o) && failures.length < 20) failures.push({ index: done + i, frameworkId: c.frameworkId, lines: describeOutcome(o) });
  });
  const secs = (Date.now() - started) / 1000;
  process.stderr.write(
    `\rfuzz: ${totals.cases}/${cases} workbooks, ${totals.crashes} crashes, ${totals.cellsLost} cells lost (${secs.toFixed(0)} s)`,
  );
}
process.stderr.write('\n');

// issue #11: identity, re-import and tab-collision cases (one for every ten workbooks above)
const idCases = fc.sample(identityCase(), { numRuns: Math.max(1, Math.ceil(cases / 10)), seed });
for (const [i, c] of idCases.entries()) {
  const o = runIdentityCase(c);
  totals.cases++;
  totals.identityCases++;
  if (o.crash) totals.crashes++;
  if (o.merged) totals.merged++;
  totals.cellsLost += o.lost.length;
  if ((o.crash || o.merged || o.lost.length) && failures.length < 20)
    failures.push({ index: i, frameworkId: 'identity', lines: [o.crash ?? '', o.merged ?? '', ...o.lost].filter(Boolean) });
}

// issue #11: previous review carried across runs, cleared, typed over, another framework, the same review
const prevCases = fc.sample(previousCase(), { numRuns: Math.max(1, Math.ceil(cases / 10)), seed: seed + 1 });
for (const [i, c] of prevCases.entries()) {
  const o = runPreviousCase(c);
  totals.cases++;
  totals.previousCases++;
  if (o.crash) totals.crashes++;
  totals.cellsLost += o.lost.length;
  totals.previousWrong += o.wrong.length;
  if ((o.crash || o.lost.length || o.wrong.length) && failures.length < 20)
    failures.push({
      index: i,
      frameworkId: `previous ${c.frameworkId} ${c.action}`,
      lines: [o.crash ?? '', ...o.lost, ...o.wrong].filter(Boolean),
    });
}

for (const f of failures) {
  console.log(`case ${f.index} (${f.frameworkId}):`);
  for (const l of f.lines.slice(0, 10)) console.log(`  ${l.split('\n').slice(0, 6).join('\n  ')}`);
}
console.log(`seed: ${seed} (replay with --seed ${seed} --cases ${cases})`);
console.log(
  `checked: ${totals.scoresChecked} typed scores at their cells, ${totals.cellsCompared} person-owned cells compared, ${totals.problems} problems located; ` +
    `${totals.refused} workbooks with PR_Meta broken refused as expected`,
);
console.log(
  `problems without a cell: ${totals.unlocated}, invalid scores missed: ${totals.missed}, valid scores called errors: ${totals.falseAlarms}`,
);
console.log(
  `identity cases (repeated names, anonymous rows, corrections between imports, tab collisions): ${totals.identityCases}, respondents merged: ${totals.merged}`,
);
console.log(
  `previous-review cases (carried across runs, cleared, typed over, another framework, the same review): ${totals.previousCases}, comparisons wrong: ${totals.previousWrong}`,
);
console.log(`cases: ${totals.cases}, crashes: ${totals.crashes}, cells lost: ${totals.cellsLost}`);
process.exitCode = isCleanRun() ? 0 : 1;

function isCleanRun(): boolean {
  return (
    totals.crashes === 0 &&
    totals.merged === 0 &&
    totals.previousWrong === 0 &&
    totals.cellsLost === 0 &&
    totals.unlocated === 0 &&
    totals.missed === 0 &&
    totals.falseAlarms === 0
  );
}
