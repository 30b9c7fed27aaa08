#!/usr/bin/env node
// How often the metric and change of our figures agree with the hand-made gold: each gold
// figure that measures something is matched to our figure on the same line whose span
// overlaps it (the same kind preferred), and both fields are compared normalized like the
// shared scorer does. Prints per seed and overall; --verbose lists every disagreement.
//
//   node scripts/metric-agreement.mjs [--gold DIR] [--verbose]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const goldIndex = args.indexOf('--gold');
const goldDir = goldIndex >= 0 ? args[goldIndex + 1] : join(root, '..', 'shared', 'corpus');
const verbose = args.includes('--verbose');
const cli = join(root, 'dist', 'cli.js');

if (!existsSync(goldDir)) {
  console.log(`metric-agreement: no gold directory at ${goldDir}, nothing to compare.`);
  process.exit(0);
}
if (!existsSync(cli)) {
  console.error('metric-agreement: dist/cli.js is missing; run `npm run build` first.');
  process.exit(2);
}

// Kinds whose gold carries a metric and a change; dates, labels and the like carry neither.
const MEASURE_KINDS = new Set(['money', 'percent', 'percentagePoints', 'basisPoints', 'count', 'multiple', 'fraction', 'duration', 'unparsed', 'any']);

// The shared scorer's normalization: lower case, markup dropped, punctuation folded to blanks.
const normalize = (value) => (value ?? '').toString().toLowerCase().replace(/[*_`#\\]/g, '').replace(/[^\p{L}\p{N}&]+/gu, ' ').trim();

/** Gives each gold figure its start/end from its text and occurrence on its line, as the scorer does. */
function placeGold(figures, lines) {
  const placed = [];
  for (const figure of figures) {
    const line = lines[figure.line];
    if (line === undefined) continue;
    let at = -1;
    for (let k = 0; k <= (figure.occurrence ?? 0); k++) at = line.indexOf(figure.text, at + 1);
    if (at >= 0) placed.push({ ...figure, start: at, end: at + figure.text.length });
  }
  return placed;
}

const overlaps = (a, b) => a.line === b.line && a.start < b.end && b.start < a.end;
const percent = (hits, total) => (total ? ((100 * hits) / total).toFixed(1) : '100.0');

const total = { figures: 0, metricHits: 0, changeHits: 0 };
const names = readdirSync(goldDir).filter((name) => name.endsWith('.gold.json')).sort();
for (const goldName of names) {
  const name = goldName.replace(/\.gold\.json$/, '');
  const textPath = join(goldDir, `${name}.txt`);
  if (!existsSync(textPath)) continue;
  const lines = readFileSync(textPath, 'utf8').split(/\r\n|\r|\n/);
  const gold = JSON.parse(readFileSync(join(goldDir, goldName), 'utf8'));
  const output = JSON.parse(execFileSync(process.execPath, [cli, 'analyze', textPath, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 }));
  const ours = (Array.isArray(output) ? output[0] : output).figures ?? [];

  const seed = { figures: 0, metricHits: 0, changeHits: 0 };
  const disagreements = [];
  for (const want of placeGold(gold.figures ?? [], lines)) {
    if (!MEASURE_KINDS.has(want.kind)) continue;
    const candidates = ours.filter((figure) => overlaps(figure, want));
    if (!candidates.length) continue;
    const got = candidates.find((figure) => figure.kind === want.kind) ?? candidates[0];
    seed.figures++;
    const metricAgrees = normalize(got.metric) === normalize(want.metric);
    const changeAgrees = (got.change ?? null) === (want.change ?? null);
    if (metricAgrees) seed.metricHits++;
    if (changeAgrees) seed.changeHits++;
    if (!metricAgrees) disagreements.push(`metric L${want.line} "${want.text}": want ${JSON.stringify(want.metric ?? null)}, got ${JSON.stringify(got.metric ?? null)}  | ${lines[want.line].slice(Math.max(0, want.start - 90), want.end + 40)}`);
    if (!changeAgrees) disagreements.push(`change L${want.line} "${want.text}": want ${want.change ?? null}, got ${got.change ?? null}  | ${lines[want.line].slice(Math.max(0, want.start - 60), want.end + 40)}`);
  }
  for (const key of Object.keys(total)) total[key] += seed[key];
  console.log(`${name}: metric ${percent(seed.metricHits, seed.figures)}% (${seed.metricHits}/${seed.figures}), change ${percent(seed.changeHits, seed.figures)}% (${seed.changeHits}/${seed.figures})`);
  if (verbose) for (const line of disagreements) console.log(`  ${line}`);
}
console.log(`SUMMARY metric=${percent(total.metricHits, total.figures)} change=${percent(total.changeHits, total.figures)} figures=${total.figures}`);
