#!/usr/bin/env node
// npm run bench:peers: scores Microsoft Recognizers-Text (through a fair adapter, see
// scripts/bench/recognizers-adapter.mjs) and our CLI on the same seed transcripts with the
// shared scorer, and prints both summaries side by side with the time each took.
// The seeds are ../shared/corpus (other people's texts: read here, never copied), or the
// directory after --corpus. --verbose also lists what the peer missed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRecognizers, recognizeText } from './bench/recognizers-adapter.mjs';
import { ensureBuilt, markdownTable, median, timeRuns } from './bench/common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const corpusOption = process.argv.indexOf('--corpus');
const corpus = corpusOption >= 0 ? process.argv[corpusOption + 1] : join(root, '..', 'shared', 'corpus');
const scorer = join(root, '..', 'shared', 'tools', 'score.mjs');

if (!existsSync(corpus) || !existsSync(scorer)) {
  console.log(`bench:peers: no seed corpus at ${corpus} (or no scorer at ${scorer}); nothing to compare. Exiting.`);
  process.exit(0);
}
ensureBuilt(root);

/** Runs the scorer and returns its SUMMARY fields, its per-file lines and the time it took. */
function score(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [scorer, '--gold', corpus, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  const lines = (result.stdout ?? '').trim().split('\n');
  const summary = lines.find((line) => line.startsWith('SUMMARY')) ?? '';
  if (!summary) throw new Error(`the scorer gave no SUMMARY (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  const fields = Object.fromEntries([...summary.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1], m[2]]));
  return { summary, fields, seconds, lines };
}

const seeds = readdirSync(corpus).filter((name) => name.endsWith('.txt') && existsSync(join(corpus, name.replace(/\.txt$/, '.gold.json')))).sort();
const corpusBytes = seeds.reduce((sum, name) => sum + readFileSync(join(corpus, name)).length, 0);
console.log(`bench:peers: ${seeds.length} seed transcripts, ${(corpusBytes / 1024).toFixed(0)} KB, from ${corpus}\n`);

// The peer: analyze every seed in this process (models built once, as a service would), write
// the contract JSON per seed, then let the scorer read the directory.
const peerDir = mkdtempSync(join(tmpdir(), 'transcript-lens-peer-'));
try {
  const setupStarted = performance.now();
  const models = createRecognizers();
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  const texts = new Map(seeds.map((name) => [name, readFileSync(join(corpus, name), 'utf8').replace(/^\uFEFF/, '')]));
  // One unmeasured pass over the first seed warms each system up (JIT, lazy tables).
  recognizeText(models, texts.get(seeds[0]), seeds[0]);
  const peerStarted = performance.now();
  for (const name of seeds) {
    const text = texts.get(name);
    writeFileSync(join(peerDir, `${basename(name, '.txt')}.json`), JSON.stringify([recognizeText(models, text, join(corpus, name))]));
  }
  const peerSeconds = (performance.now() - peerStarted) / 1000;
  const peer = score(['--analysis', peerDir]);

  // Ours: the CLI once per seed, as the scorer runs it (process start included).
  const ours = score(['--cmd', `"${process.execPath}" dist/cli.js analyze {file} --json`]);
  // And the engine alone, in process, for a like-for-like time with the peer.
  const engine = await import(join(root, 'out', 'server', 'src', 'engine', 'index.js'));
  // Our engine is cheap to repeat: one full warm-up round, then the median of five rounds.
  // The peer runs once: at about 15 s a round, its own warm-up is lost in the noise.
  const engineSeconds = median(timeRuns(() => { for (const name of seeds) engine.analyze(texts.get(name)); }, { runs: 5, warmup: 1 })) / 1000;

  const row = (label, result, analysisTime, readsSpeakers = true) => [
    label,
    // The scorer counts precision over zero turns as 100%; a system without speakers has none to score.
    readsSpeakers ? `${result.fields.turnsP ?? '?'}% / ${result.fields.turnsR ?? '?'}%` : 'none (no speaker model)',
    `${result.fields.figures ?? '?'}%`,
    `${result.fields.metric ?? '?'}%`,
    result.fields.falseDiags ?? '?',
    analysisTime,
  ];
  console.log(markdownTable(
    ['system', 'turns P / R', 'figures', 'metric', 'false diagnostics', 'time for the corpus'],
    [
      row('Transcript Lens (dist/cli.js)', ours, `${engineSeconds.toFixed(3)} s in process (warm, median of 5); ${ours.seconds.toFixed(1)} s via the CLI, one process per file`),
      row('Recognizers-Text 1.3 (en-us, adapter)', peer, `${peerSeconds.toFixed(3)} s in process (after one warm-up seed; + ${setupSeconds.toFixed(2)} s building models)`, false),
    ],
  ));
  const ratio = peerSeconds / Math.max(engineSeconds, 1e-6);
  console.log(`\nIn process, Transcript Lens is ${ratio.toFixed(0)}× faster than Recognizers-Text on these ${seeds.length} seeds.`);
  console.log('\nScorer summaries:');
  console.log(`  Transcript Lens:   ${ours.summary}`);
  console.log(`  Recognizers-Text:  ${peer.summary}`);
  console.log('\nPer seed (Transcript Lens | Recognizers-Text):');
  const perFile = (lines) => lines.filter((line) => /^\S+: turns /.test(line));
  const oursFiles = perFile(ours.lines);
  const peerFiles = perFile(peer.lines);
  oursFiles.forEach((line, i) => console.log(`  ${line}  |  ${(peerFiles[i] ?? '').replace(/^\S+: /, '')}`));
  if (process.argv.includes('--verbose')) {
    console.log('\nRecognizers-Text misses (scorer --verbose):');
    console.log(score(['--analysis', peerDir, '--verbose']).lines.filter((line) => line.startsWith('  ')).join('\n'));
  }
} finally {
  rmSync(peerDir, { recursive: true, force: true });
}
