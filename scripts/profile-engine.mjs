#!/usr/bin/env node
// A small profiling harness for the engine: 1 MB of transcript (the seed corpus beside the
// repo and our fixtures, repeated) timed for analyze, readTurns and readFigures against one
// /\d+/g pass over the same text in the same run. Ratios, not absolute times, compare runs.
// Run after `npx tsc -b`; add `node --cpu-prof scripts/profile-engine.mjs` for a profile.
// `--runs N` sets the repetitions (default 15). `--baseline DIR` also times the analyze of
// another compiled engine (DIR/index.js, e.g. an older commit's out/server/src/engine) in the
// same run, for a before/after ratio on the same minute of the same machine.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = join(root, 'out', 'server', 'src', 'engine');
const { analyze, splitLines } = require(join(out, 'index.js'));
const { readTurns } = require(join(out, 'turns.js'));
const { readFigures } = require(join(out, 'figures', 'index.js'));

const MB = 1 << 20;
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;
const baselineFlag = process.argv.indexOf('--baseline');
const baseline = baselineFlag > 0 ? require(resolve(process.argv[baselineFlag + 1], 'index.js')) : null;

function textFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return name.endsWith('.txt') ? [path] : [];
  });
}

// `--earnings21` reads the Earnings-21 calls instead: long paragraphs of spoken numbers.
const sourceDirs = process.argv.includes('--earnings21')
  ? [join(root, '..', 'shared', 'corpus-earnings21')]
  : [join(root, '..', 'shared', 'corpus'), join(root, 'fixtures')];
const texts = sourceDirs.flatMap(textFiles)
  .map((path) => readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
const parts = [];
for (let length = 0, i = 0; length < MB; i++) {
  const text = texts[i % texts.length];
  parts.push(text.endsWith('\n') ? text : `${text}\n`);
  length += text.length + 1;
}
const oneMB = parts.join('');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

let sink = 0;
const digitPass = () => {
  const regex = /\d+/g;
  while (regex.exec(oneMB)) sink++;
};
const lines = splitLines(oneMB);
const measures = {
  'digit regex': digitPass,
  analyze: () => { sink += analyze(oneMB).figures.length; },
  splitLines: () => { sink += splitLines(oneMB).length; },
  readTurns: () => { sink += readTurns(lines).turns.length; },
  readFigures: () => { sink += readFigures(lines, {}).figures.length; },
};
if (baseline) measures['baseline'] = () => { sink += baseline.analyze(oneMB).figures.length; };
const samples = Object.fromEntries(Object.keys(measures).map((name) => [name, []]));
for (const fn of Object.values(measures)) fn();
// Interleaved, so a noisy minute weighs on every measure alike, and in reversed order every
// other round, so neither engine of an A/B comparison always runs second (warmer, or later).
const order = Object.entries(measures);
const pairRatios = [];
for (let run = 0; run < runs; run++) {
  for (const [name, fn] of run % 2 ? [...order].reverse() : order) samples[name].push(time(fn));
  if (baseline) pairRatios.push(samples.analyze[run] / samples.baseline[run]);
}
const digitMs = median(samples['digit regex']);
console.log(`${oneMB.length.toLocaleString('en-US')} characters, ${lines.length.toLocaleString('en-US')} lines, ${texts.length} source texts, median of ${runs} runs`);
for (const [name, times] of Object.entries(samples)) {
  const ms = median(times);
  console.log(`${name.padEnd(12)} ${ms.toFixed(2).padStart(8)} ms  ${(ms / digitMs).toFixed(1).padStart(6)}x`);
}
if (baseline) {
  const sorted = [...pairRatios].sort((a, b) => a - b);
  console.log(`analyze / baseline, round by round: median ${median(pairRatios).toFixed(3)} (quartiles ${sorted[Math.floor(sorted.length / 4)].toFixed(3)}–${sorted[Math.floor((3 * sorted.length) / 4)].toFixed(3)})`);
}
if (sink < 0) console.log(sink);
