#!/usr/bin/env node
// npm run bench: the engine's speed and memory, each measured against something run in the
// same process and the same minute, so the ratios hold on any machine:
//   (a) full analysis of 1 MB of transcript vs one regex pass (/\d+/g) over the same text;
//   (b) the engine vs Microsoft Recognizers-Text on a 50 KB slice, extrapolated per MB;
//   (c) the bundled language server over stdio: didOpen/didChange -> publishDiagnostics on
//       50 KB and 5 MB documents, hover and documentSymbol answered from the cache;
//   (d) heap retained by analysis results per MB of transcript (separate --expose-gc process);
//   (e) the fuzzer of test/unit/fuzz.test.ts at full size (10,000 cases);
//   (f) the CLI's corpus mode on 1,000 generated transcripts, a worker per core vs one worker;
//   (g) hover on a small document while the server reads a 20 MB one (off the request path);
//   (h) the server indexing a workspace of 10,000 generated transcripts (about 600 MB):
//       throughput, the server's CPU time beside other processes' (a shared machine's cores
//       bound the throughput), hovers answered meanwhile, and the server's memory
//       (`--index-files N` sets the count).
// Ends with one markdown table: measured value, goal, met or not. About two minutes;
// `node scripts/bench.mjs --quick` runs fewer repetitions and 940 fuzz cases for a first look;
// `--only c` (or `--only a,c`) runs only those rows, `--only c5` (`c50`) only the 5 MB (50 KB) server rows.
// FUZZ_SEED=<n> replays a fuzz run seed printed by an earlier run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt, formatMs, markdownTable, median, quantile, timeRuns } from './bench/common.mjs';
import { startServer } from './bench/lsp-client.mjs';
import { buildText, paragraphLineNear, transcriptSources } from './bench/text.mjs';
import { benchCorpus } from './bench/corpus.mjs';
import { benchWorkspaceIndex } from './bench/workspace.mjs';
import { createRecognizers, recognizeText } from './bench/recognizers-adapter.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const MB = 1 << 20;
const quick = process.argv.includes('--quick');
const onlyFlag = process.argv.indexOf('--only');
/** The rows asked for with --only (a letter per row; c5 is the 5 MB half of c), or null for all. */
const only = onlyFlag > 0 ? new Set((process.argv[onlyFlag + 1] ?? '').split(',').map((row) => row.trim().toLowerCase())) : null;
const runs = (row) => only === null || only.has(row) || (row === 'c50' && only.has('c')) || (row === 'c5' && only.has('c'));
const benchStarted = performance.now();

ensureBuilt(root);
const require = createRequire(import.meta.url);
const enginePath = join(root, 'out', 'server', 'src', 'engine', 'index.js');
const engine = require(enginePath);
const fuzz = require(join(root, 'out', 'test', 'unit', 'fuzz.test.js'));

/** Results for the final table: [benchmark, measured, goal, met]. */
const rows = [];
const verdict = (ok) => (ok ? 'met' : 'NOT met');
const log = (message) => console.log(`bench: ${message}`);

const sources = transcriptSources(root, fuzz);
const oneMB = buildText(sources, MB);
log(`1 MB text: ${oneMB.length.toLocaleString('en-US')} characters, ${oneMB.split('\n').length.toLocaleString('en-US')} lines, from ${sources.map((s) => s.name).join(' + ')}`);

// ---------------------------------------------------------------------------------------
// (a) Full analysis of 1 MB vs a single regex pass.

let analyzeMs = null;
if (runs('a')) {
  const countDigits = (text) => {
    let count = 0;
    for (const _ of text.matchAll(/\d+/g)) count++;
    return count;
  };
  const countMatches = (regex, text) => {
    const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
    let count = 0;
    while (global.exec(text)) count++;
    return count;
  };
  // What finding the reader's vocabularies costs alone: one global pass of each over the same
  // text, the fastest a regex engine finds them, before any figure is read. Their sum is a floor
  // under any reader that must recognize these words wherever they stand.
  const vocabularies = require(join(root, 'out', 'server', 'src', 'engine', 'figures', 'index.js')).vocabularyPatterns();
  const passes = {
    analyze: () => engine.analyze(oneMB).figures.length,
    digits: () => countDigits(oneMB),
    lines: () => oneMB.split('\n').length,
    ...Object.fromEntries(Object.entries(vocabularies).map(([name, regex]) => [name, () => countMatches(regex, oneMB)])),
    words: () => countMatches(/\S+/g, oneMB),
  };
  const passTimes = Object.fromEntries(Object.keys(passes).map((name) => [name, []]));
  for (const pass of Object.values(passes)) pass();
  // Interleaved, every other round in reverse, so a noisy minute weighs on every pass alike.
  const rounds = quick ? 5 : 11;
  for (let round = 0; round < rounds; round++) {
    const order = Object.entries(passes);
    for (const [name, pass] of round % 2 ? order.reverse() : order) {
      const started = performance.now();
      pass();
      passTimes[name].push(performance.now() - started);
    }
  }
  analyzeMs = median(passTimes.analyze);
  const regexMs = median(passTimes.digits);
  const analysisOfOneMB = engine.analyze(oneMB);
  const regexRatio = analyzeMs / regexMs;
  const ratioOf = (name) => median(passTimes[name]) / regexMs;
  const vocabularyNames = Object.keys(vocabularies);
  const floorRatio = ['digits', 'lines', ...vocabularyNames].reduce((sum, name) => sum + ratioOf(name), 0);
  log(`(a) analyze(1 MB) median ${formatMs(analyzeMs)} (${analysisOfOneMB.turns.length} turns, ${analysisOfOneMB.figures.length} figures); /\\d+/g pass median ${formatMs(regexMs)} (${countDigits(oneMB)} matches)`);
  log(`(a) one pass each, as multiples of the /\\d+/g pass: ${Object.keys(passes).filter((name) => name !== 'analyze').map((name) => `${name} ${ratioOf(name).toFixed(1)}×`).join(', ')}`);
  rows.push(['(a) analyze 1 MB vs one /\\d+/g pass', `${formatMs(analyzeMs)} vs ${formatMs(regexMs)} = ${regexRatio.toFixed(1)}×`, '≤ 8×', verdict(regexRatio <= 8)]);
  rows.push([
    '(a) finding alone: one global pass each of digits, line ends and the reader\'s vocabularies over the same 1 MB, summed',
    `${floorRatio.toFixed(1)}× (${vocabularyNames.map((name) => `${name} ${ratioOf(name).toFixed(1)}×`).join(', ')}; visiting every word ${ratioOf('words').toFixed(1)}×)`,
    'none set: a floor under (a)',
    '—',
  ]);
}

// ---------------------------------------------------------------------------------------
// (b) Against Recognizers-Text on a 50 KB slice, extrapolated per MB.

if (runs('b')) {
  // The slice mixes the same sources as the 1 MB text, so the comparison is like for like.
  analyzeMs ??= median(timeRuns(() => engine.analyze(oneMB), { runs: 3, warmup: 1 }));
  const slice = buildText(sources, 50 * 1024);
  const models = createRecognizers();
  recognizeText(models, slice.slice(0, 4000), 'warmup');
  const peerStarted = performance.now();
  const peerResult = recognizeText(models, slice, 'slice');
  const peerMs = performance.now() - peerStarted;
  const ourSliceMs = median(timeRuns(() => engine.analyze(slice), { runs: 9, warmup: 2 }));
  const peerPerMB = peerMs * (MB / slice.length);
  const oursPerMB = analyzeMs * (MB / oneMB.length);
  // The verdict compares both systems on the very same characters; the per-MB line is context.
  const peerRatio = peerMs / ourSliceMs;
  log(`(b) Recognizers-Text on ${(slice.length / 1024).toFixed(0)} KB: ${formatMs(peerMs)} (${peerResult.figures.length} figures) → ${(peerPerMB / 1000).toFixed(1)} s per MB extrapolated; our engine on the same slice ${formatMs(ourSliceMs)}, on 1 MB ${formatMs(oursPerMB)} per MB`);
  rows.push([
    `(b) vs Recognizers-Text on the same ${(slice.length / 1024).toFixed(0)} KB slice (peer extrapolated per MB)`,
    `${formatMs(peerMs)} vs ${formatMs(ourSliceMs)} = ${peerRatio.toFixed(0)}× faster; per MB: ${(peerPerMB / 1000).toFixed(1)} s vs our ${formatMs(oursPerMB)} on the 1 MB text (${(peerPerMB / oursPerMB).toFixed(0)}×)`,
    '≥ 1000× faster',
    verdict(peerRatio >= 1000),
  ]);
}

// ---------------------------------------------------------------------------------------
// (c) The running server.

/** Positions inside figures (for hover) spread over the document. */
function hoverPositions(text, count) {
  const figures = engine.analyze(text).figures;
  if (figures.length === 0) return [{ line: 0, character: 0 }];
  return Array.from({ length: count }, (_, i) => {
    const figure = figures[Math.floor((i * figures.length) / count)];
    return { line: figure.line, character: figure.start + Math.floor((figure.end - figure.start) / 2) };
  });
}

async function measureServer(label, text, { opens, changes, requests, warmups = 0 }) {
  const server = await startServer(join(root, 'dist', 'server.js'));
  const dir = mkdtempSync(join(tmpdir(), 'transcript-lens-bench-'));
  const uriOf = (name) => pathToFileURL(join(dir, name)).href;
  const { connection } = server;
  try {
    // didOpen -> publishDiagnostics: a fresh document each time, so nothing is cached. The first
    // `warmups` opens of a server just started (its code not yet compiled) are reported apart.
    const openTimes = [];
    const warmupTimes = [];
    for (let i = 0; i < warmups + opens; i++) {
      const uri = uriOf(`open-${i}.transcript`);
      const arrived = server.diagnosticsFor(uri, 1);
      const sent = performance.now();
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text } });
      (i < warmups ? warmupTimes : openTimes).push((await arrived) - sent);
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }

    // didChange -> publishDiagnostics, end to end, as the editor sees it (typing pause included).
    const uri = uriOf(`edited.transcript`);
    let version = 1;
    const opened = server.diagnosticsFor(uri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version, text } });
    await opened;
    // A one-line edit as typing makes it: a letter typed into a paragraph halfway down, then removed.
    const editLine = paragraphLineNear(text, 0.5);
    const edit = (inserting) => ({
      range: { start: { line: editLine, character: 10 }, end: { line: editLine, character: inserting ? 10 : 11 } },
      text: inserting ? 'x' : '',
    });
    /** Sends the i-th edit as a new version; returns when it left and when its diagnostics arrive. */
    const sendEdit = async (i) => {
      version++;
      const arrived = server.diagnosticsFor(uri, version);
      const sent = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit(i % 2 === 0)] });
      return { arrived, sent };
    };
    const changeTimes = [];
    const changeAnswerTimes = [];
    for (let i = 0; i < changes; i++) {
      const { arrived, sent } = await sendEdit(i);
      changeTimes.push((await arrived) - sent);
    }
    // didChange -> the first answer about the new version (documentSymbol right after the
    // change): the analysis itself and the outline, without the server's pause for typing.
    for (let i = 0; i < changes; i++) {
      const { arrived, sent } = await sendEdit(i);
      await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      changeAnswerTimes.push(performance.now() - sent);
      await arrived;
    }

    // Hover and documentSymbol on the settled version, answered from the cache.
    const positions = hoverPositions(text, requests);
    const hoverTimes = [];
    let hovers = 0;
    for (const position of positions) {
      const sent = performance.now();
      const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      hoverTimes.push(performance.now() - sent);
      if (hover) hovers++;
    }
    const symbolTimes = [];
    // What the answer's JSON alone costs, encoded and decoded here in the same loop: the part of
    // a documentSymbol round trip no cache can save (the server encodes it, the client decodes it).
    const payloadTimes = [];
    let symbols = 0;
    let payloadBytes = 0;
    const countSymbols = (list) => (list ?? []).reduce((sum, symbol) => sum + 1 + countSymbols(symbol.children), 0);
    for (let i = 0; i < requests; i++) {
      const sent = performance.now();
      const answer = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      symbolTimes.push(performance.now() - sent);
      symbols = countSymbols(answer);
      const encoded = performance.now();
      const json = JSON.stringify({ jsonrpc: '2.0', id: i, result: answer });
      JSON.parse(json);
      payloadTimes.push(performance.now() - encoded);
      payloadBytes = Buffer.byteLength(json);
    }
    log(`(c) ${label}: didOpen→diagnostics median ${formatMs(median(openTimes))}; didChange→diagnostics median ${formatMs(median(changeTimes))}; didChange→answer median ${formatMs(median(changeAnswerTimes))}; hover median ${formatMs(median(hoverTimes))} (${hovers}/${positions.length} hovers had content); documentSymbol median ${formatMs(median(symbolTimes))} (${symbols} symbols, ${(payloadBytes / 1024).toFixed(0)} KB of JSON; encoding and decoding it alone median ${formatMs(median(payloadTimes))})`);
    return { openTimes, warmupTimes, changeTimes, changeAnswerTimes, hoverTimes, symbolTimes, symbols, payloadBytes, payloadTimes };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const stats = (times) => `median ${formatMs(median(times))}, p95 ${formatMs(quantile(times, 0.95))} (n=${times.length})`;
// The server waits for a pause in typing as long as the document's last update took (2 ms when under 50 ms).
const debounceNote = ' (the server\'s typing pause included)';
const text50K = oneMB.slice(0, oneMB.indexOf('\n', 50 * 1024) + 1);
const text5MB = buildText(sources, 5 * MB);
try {
  const small = runs('c50') ? await measureServer('50 KB', text50K, { opens: quick ? 5 : 40, warmups: 5, changes: quick ? 5 : 20, requests: quick ? 50 : 200 }) : null;
  // As many edits as on 50 KB: the first ones after opening are slower (see the row), the median is steady typing.
  const large = runs('c5') ? await measureServer('5 MB', text5MB, { opens: quick ? 2 : 3, changes: quick ? 5 : 20, requests: quick ? 10 : 30 }) : null;
  if (small) {
    rows.push(['(c) 50 KB didOpen → publishDiagnostics (after five warm-up opens)', `${stats(small.openTimes)}; the first open after the server started ${formatMs(small.warmupTimes[0])}`, '≤ 20 ms', verdict(quantile(small.openTimes, 0.5) <= 20)]);
    rows.push([`(c) 50 KB didChange → publishDiagnostics${debounceNote}`, stats(small.changeTimes), '≤ 20 ms', verdict(median(small.changeTimes) <= 20)]);
    rows.push(['(c) 50 KB didChange → answer for the new version (no typing pause)', stats(small.changeAnswerTimes), '≤ 20 ms', verdict(median(small.changeAnswerTimes) <= 20)]);
  }
  if (large) {
    rows.push(['(c) 5 MB didOpen → publishDiagnostics', stats(large.openTimes), '≤ 500 ms', verdict(median(large.openTimes) <= 500)]);
    rows.push([`(c) 5 MB didChange → publishDiagnostics, one-line edit${debounceNote}`, `${stats(large.changeTimes)}; first edit after opening ${formatMs(large.changeTimes[0])}`, '≤ 50 ms', verdict(median(large.changeTimes) <= 50)]);
    rows.push(['(c) 5 MB didChange → answer for the new version, one-line edit (no typing pause)', stats(large.changeAnswerTimes), '≤ 50 ms', verdict(median(large.changeAnswerTimes) <= 50)]);
  }
  if (small) {
    rows.push(['(c) 50 KB hover from cache', stats(small.hoverTimes), '≤ 2 ms', verdict(median(small.hoverTimes) <= 2)]);
    rows.push(['(c) 50 KB documentSymbol from cache', stats(small.symbolTimes), '≤ 2 ms', verdict(median(small.symbolTimes) <= 2)]);
  }
  if (large) {
    rows.push(['(c) 5 MB hover from cache', stats(large.hoverTimes), '≤ 2 ms', verdict(median(large.hoverTimes) <= 2)]);
    rows.push([
      '(c) 5 MB documentSymbol from cache',
      `${stats(large.symbolTimes)}; ${large.symbols} symbols, ${(large.payloadBytes / 1024).toFixed(0)} KB of JSON, whose encoding and decoding alone take median ${formatMs(median(large.payloadTimes))}`,
      '≤ 2 ms',
      verdict(median(large.symbolTimes) <= 2),
    ]);
  }
} catch (error) {
  console.error(`bench: the server benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  rows.push(['(c) language server', `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, '—', 'NOT met']);
}

// ---------------------------------------------------------------------------------------
// (d) Memory per MB, in a process of its own with --expose-gc.

if (runs('d')) {
    const dir = mkdtempSync(join(tmpdir(), 'transcript-lens-memory-'));
    try {
      const textPath = join(dir, 'one-mb.txt');
      writeFileSync(textPath, oneMB);
      const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'scripts', 'bench', 'memory.mjs'), enginePath, textPath, '3'], { encoding: 'utf8' });
      const line = (run.stdout ?? '').trim().split('\n').pop() ?? '';
      if (run.status !== 0 || !line.startsWith('{')) throw new Error(`${run.stderr}${run.stdout}`.trim() || `exit ${run.status}`);
      const memory = JSON.parse(line);
      const perMB = memory.retainedBytesPerMB / MB;
      log(`(d) heap retained by ${memory.copies} analyses of ${memory.textMB.toFixed(2)} MB: ${perMB.toFixed(1)} MB per MB of text (${memory.figures} figures, ${memory.turns} turns each; the text itself is not counted)`);
      rows.push(['(d) heap retained per MB of transcript (analysis results, text excluded)', `${perMB.toFixed(1)} MB/MB`, 'no goal set (reported)', '—']);
    } catch (error) {
      rows.push(['(d) heap retained per MB of transcript', `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, '—', 'NOT met']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
}

// ---------------------------------------------------------------------------------------
// (e) The fuzzer at full size: 3,200 cases of each short generator and 400 very long lines.

if (runs('e')) {
    const runSeed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
    // The fuzzer gets what is left of about three minutes (at least 30 s): the short cases
    // first, with 70% of it, then the long lines with whatever remains.
    const benchLimitMs = quick ? 60_000 : 170_000;
    const remainingMs = () => Math.max(30_000, benchLimitMs - (performance.now() - benchStarted));
    const plans = [
      { generators: ['unicode', 'synthetic', 'mutation'], casesPerGenerator: quick ? 300 : 3300, share: 0.7 },
      { generators: ['longLine'], casesPerGenerator: quick ? 40 : 200, share: 1 },
    ];
    const reports = [];
    for (const { share, ...plan } of plans) reports.push(await fuzz.runFuzz({ runSeed, ...plan, budgetMs: remainingMs() * share, maxHangs: 10 }));
    const cases = reports.reduce((sum, r) => sum + r.cases, 0);
    const planned = plans.reduce((sum, p) => sum + p.generators.length * p.casesPerGenerator, 0);
    const failures = reports.reduce((sum, r) => sum + r.failureCount, 0);
    const hangs = reports.reduce((sum, r) => sum + r.hangs, 0);
    const seconds = reports.reduce((sum, r) => sum + r.elapsedMs, 0) / 1000;
    const slowest = reports.reduce((a, b) => (b.slowestMs > a.slowestMs ? b : a));
    log(`(e) fuzz run seed ${runSeed}: ${cases}/${planned} cases in ${seconds.toFixed(1)} s (${(cases / seconds).toFixed(0)} cases/s), ${failures} failing (${hangs} hangs); slowest finished case ${formatMs(slowest.slowestMs)} (seed ${slowest.slowestSeed})`);
    for (const report of reports) {
      if (report.failureCount) console.log(`${fuzz.describeProblemKinds(report)}\n${fuzz.describeFailures({ ...report, failures: report.failures.slice(0, 3) })}`);
      if (report.outOfTime) log(`(e) the time budget ended a fuzz run after ${report.cases} cases`);
      if (report.hangs >= 10) log('(e) a fuzz run stopped after 10 hangs');
    }
    rows.push([`(e) fuzz (run seed ${runSeed})`, `${cases} cases, ${(cases / seconds).toFixed(0)} cases/s, ${failures} failing (${hangs} hangs)`, '≥ 10,000 cases, 0 failing', verdict(cases >= 10_000 && failures === 0)]);
}

// ---------------------------------------------------------------------------------------
// (f) The CLI on a corpus: every core against one worker (after the fuzzer, so its time budget is unchanged).

if (runs('f')) {
  try {
    rows.push(...benchCorpus({ root, runs: quick ? 1 : 3, log }));
  } catch (error) {
    rows.push(['(f) CLI corpus mode', `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, '—', 'NOT met']);
  }
}

// ---------------------------------------------------------------------------------------
// (g) Hover while a 20 MB document is being analyzed.

async function hoverWhileReadingLarge(smallText, largeText) {
  const server = await startServer(join(root, 'dist', 'server.js'));
  const dir = mkdtempSync(join(tmpdir(), 'transcript-lens-bench-'));
  try {
    const small = pathToFileURL(join(dir, 'small.transcript')).href;
    const large = pathToFileURL(join(dir, 'large.transcript')).href;
    const opened = server.diagnosticsFor(small, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'transcript', version: 1, text: smallText } });
    await opened;
    const positions = hoverPositions(smallText, 200);
    let largeDone = false;
    const sentAt = performance.now();
    const largeAnalyzed = server.diagnosticsFor(large, 1, 300_000).then((at) => { largeDone = true; return at; });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: large, languageId: 'transcript', version: 1, text: largeText } });
    const times = [];
    for (let i = 0; !largeDone; i++) {
      const sent = performance.now();
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: positions[i % positions.length] });
      if (!largeDone) times.push(performance.now() - sent);
    }
    const largeMs = (await largeAnalyzed) - sentAt;
    return { times, largeMs };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (runs('g')) {
  try {
    const text20MB = buildText(sources, 20 * MB);
    const { times, largeMs } = await hoverWhileReadingLarge(text50K, text20MB);
    log(`(g) ${times.length} hovers on a 50 KB document answered while the server read a ${(text20MB.length / MB).toFixed(0)} MB one (${formatMs(largeMs)} from didOpen to its diagnostics): ${stats(times)}`);
    rows.push([`(g) hover p95 on 50 KB while a 20 MB document is analyzed (${times.length} hovers during its ${formatMs(largeMs)})`, stats(times), 'p95 ≤ 2 ms', verdict(times.length > 0 && quantile(times, 0.95) <= 2)]);
  } catch (error) {
    rows.push(['(g) hover while a 20 MB document is analyzed', `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, '—', 'NOT met']);
  }
}

// ---------------------------------------------------------------------------------------
// (h) Workspace index of generated transcripts.

if (runs('h')) {
  try {
    const filesFlag = process.argv.indexOf('--index-files');
    const files = filesFlag > 0 ? Number(process.argv[filesFlag + 1]) : quick ? 1000 : 10_000;
    const index = await benchWorkspaceIndex({ serverPath: join(root, 'dist', 'server.js'), indexModule: join(root, 'out', 'server', 'src', 'workspaceIndex.js'), source: text5MB, files, hover: { text: text50K, positions: hoverPositions(text50K, 50) }, log });
    const mb = (bytes) => (bytes === null ? 'n/a' : `${(bytes / MB).toFixed(0)} MB`);
    const grown = index.resident !== null && index.idleResident !== null ? index.resident - index.idleResident : null;
    const cores = (cpu) => (cpu === null ? 'n/a' : `${cpu.toFixed(1)} CPU-s = ${(cpu / index.seconds).toFixed(2)} cores`);
  log(`(h) indexed ${index.files} files, ${(index.bytes / MB).toFixed(0)} MB, in ${index.seconds.toFixed(1)} s = ${index.throughput.toFixed(1)} MB/s; the server used ${cores(index.serverCpu)} (of ${availableParallelism()}), other processes ${cores(index.othersCpu)}; server resident ${mb(index.idleResident)} at start, ${mb(index.resident)} after (peak ${mb(index.peakResident)}); the index's heap after collection ${mb(index.retained)}; workspace symbols for "Operator": ${index.symbols}`);
    rows.push([`(h) workspace index of ${index.files.toLocaleString('en-US')} generated transcripts (${(index.bytes / MB).toFixed(0)} MB): throughput`, `${index.throughput.toFixed(1)} MB/s (${index.seconds.toFixed(1)} s)`, '≥ 100 MB/s', verdict(index.throughput >= 100)]);
    rows.push(['(h) hover on an open 50 KB document while the workspace is indexed (one every 100 ms)', stats(index.hoverTimes), 'reported', '—']);
  rows.push(['(h) the index\'s memory: heap it keeps after full collections (same WorkspaceIndex, --expose-gc process)', mb(index.retained), '≤ 100 MB', verdict(index.retained !== null && index.retained <= 100 * MB)]);
    rows.push(['(h) the server process while indexing: resident at start → after (peak); garbage not yet collected included', `${mb(index.idleResident)} → ${mb(index.resident)} (+${mb(grown)}; peak ${mb(index.peakResident)})`, 'reported', '—']);
  } catch (error) {
    rows.push(['(h) workspace index', `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, '—', 'NOT met']);
  }
}

console.log(`\n${markdownTable(['benchmark', 'measured', 'goal', 'result'], rows)}`);
console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}; ratios are measured in the same run; total bench time ${((performance.now() - benchStarted) / 1000).toFixed(0)} s.`);
