#!/usr/bin/env node
// Times the incremental update of a one-line edit on the 5 MB text of `npm run bench` row (c),
// in process: analyzeIncrementally once, then a letter typed into a paragraph halfway down and
// removed again, `--runs N` times (default 20); `--split` types a line break there instead
// (a paragraph split, which moves every line below). Run after `npx tsc -b`; add
// `node --cpu-prof scripts/profile-incremental.mjs` for a profile. `--check` also compares
// every update with a full analysis of the new text (slow).
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, quantile, formatMs } from './bench/common.mjs';
import { buildText, paragraphLineNear, transcriptSources } from './bench/text.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const engine = require(join(root, 'out', 'server', 'src', 'engine', 'index.js'));
const { analyzeIncrementally, update } = require(join(root, 'out', 'server', 'src', 'engine', 'incremental.js'));
const fuzz = require(join(root, 'out', 'test', 'unit', 'fuzz.test.js'));

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 20;
const check = process.argv.includes('--check');
const typed = process.argv.includes('--split') ? '\n' : 'x';

const text = buildText(transcriptSources(root, fuzz), 5 * (1 << 20));
const editLine = paragraphLineNear(text, 0.5);
let offset = 0;
for (let line = 0; line < editLine; line++) offset = text.indexOf('\n', offset) + 1;
const at = offset + 10;

let started = performance.now();
let current = analyzeIncrementally(text);
console.log(`full reading of ${(text.length / (1 << 20)).toFixed(1)} MB: ${formatMs(performance.now() - started)} (${current.analysis.figures.length} figures, ${current.analysis.turns.length} turns, ${current.analysis.diagnostics.length} diagnostics); editing line ${editLine}`);
const times = [];
for (let i = 0; i < runs; i++) {
  const edit = i % 2 === 0 ? { start: at, end: at, text: typed } : { start: at, end: at + 1, text: '' };
  started = performance.now();
  current = update(current, edit);
  times.push(performance.now() - started);
  if (check && !isDeepStrictEqual(current.analysis, engine.analyze(current.text))) throw new Error(`update ${i} differs from a full analysis`);
}
console.log(`update, ${typed === 'x' ? 'a letter typed or removed' : 'a line split or joined'}: median ${formatMs(median(times))}, p95 ${formatMs(quantile(times, 0.95))}, min ${formatMs(Math.min(...times))} (n=${runs})`);
