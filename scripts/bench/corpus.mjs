// The CLI's corpus mode on 1,000 transcripts generated from our fixtures: the built
// dist/cli.js with a worker per core against one worker, in the same run, output to /dev/null.
// `node scripts/bench/corpus.mjs` runs it alone (after npm run build); bench.mjs runs it as (f).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMs, markdownTable, median } from './common.mjs';

const FILES = 1000;
/** Fixtures joined into one generated transcript, so each is a few kilobytes like a short call. */
const FIXTURES_PER_FILE = 10;

/** Writes the corpus; returns its directory and size. */
function generateCorpus(root) {
  const require = createRequire(import.meta.url);
  const fixtures = require(join(root, 'out', 'test', 'unit', 'fuzz.test.js')).fixtureTexts(root);
  if (fixtures.length === 0) throw new Error('no fixtures found');
  const dir = mkdtempSync(join(tmpdir(), 'transcript-lens-corpus-'));
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const parts = Array.from({ length: FIXTURES_PER_FILE }, (_, k) => fixtures[(i + k * 7) % fixtures.length]);
    // The call number makes every file different, as in a real folder of calls.
    const text = `Generated call ${i + 1}\n\n${parts.join('\n\n')}`;
    writeFileSync(join(dir, `call-${String(i).padStart(4, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

/** Milliseconds of one CLI run over the directory with the given number of workers. */
function timeCli(root, dir, workers) {
  const sink = openSync('/dev/null', 'w');
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'analyze', dir, '--jsonl', '--workers', String(workers)], {
      stdio: ['ignore', sink, 'pipe'], encoding: 'utf8',
    });
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`the CLI exited ${run.status}: ${run.stderr.split('\n')[0]}`);
    return ms;
  } finally {
    closeSync(sink);
  }
}

/** Runs the comparison; returns rows for bench.mjs's table: [benchmark, measured, goal, result]. */
export function benchCorpus({ root, runs = 3, log = console.log }) {
  const cores = availableParallelism();
  const { dir, bytes } = generateCorpus(root);
  try {
    const mb = bytes / (1 << 20);
    log(`(f) ${FILES} transcripts generated from the fixtures: ${mb.toFixed(1)} MB; ${cores} cores`);
    // Alternate the two settings so a busy minute on the machine hurts both alike.
    const all = [];
    const one = [];
    for (let i = 0; i < runs; i++) {
      all.push(timeCli(root, dir, cores));
      one.push(timeCli(root, dir, 1));
    }
    const allMs = median(all);
    const oneMs = median(one);
    const rate = (ms) => `${(FILES / (ms / 1000)).toFixed(0)} files/s, ${(mb / (ms / 1000)).toFixed(1)} MB/s`;
    log(`(f) analyze DIR --jsonl: ${cores} workers median ${formatMs(allMs)} (${rate(allMs)}); 1 worker median ${formatMs(oneMs)} (${rate(oneMs)}); speed-up ${(oneMs / allMs).toFixed(2)}×`);
    return [[
      `(f) CLI on ${FILES} transcripts (${mb.toFixed(1)} MB): ${cores} workers vs 1 worker`,
      `${formatMs(allMs)} (${rate(allMs)}) vs ${formatMs(oneMs)} (${rate(oneMs)}) = ${(oneMs / allMs).toFixed(2)}× faster`,
      'faster with every core (reported)',
      oneMs > allMs ? 'met' : 'NOT met',
    ]];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const rows = benchCorpus({ root, runs: process.argv.includes('--quick') ? 1 : 3, log: (message) => console.log(`bench: ${message}`) });
  console.log(`\n${markdownTable(['benchmark', 'measured', 'goal', 'result'], rows)}`);
}
