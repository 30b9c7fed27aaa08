// (h) of npm run bench: the language server indexes a workspace of generated transcripts
// (speakers of every file, for workspace symbols and references), reporting work-done
// progress. Measures throughput (MB of text per second, from initialize to the progress
// end), the server's resident memory before and after, its CPU time (every thread) beside
// what the rest of the machine used meanwhile (on a shared machine throughput follows the
// cores left free), and hovers on an open document answered while the index is built. The
// files are written to a temporary folder and deleted afterwards.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatMs } from './common.mjs';
import { startServer } from './lsp-client.mjs';

const MB = 1 << 20;

/** Resident memory of a process in bytes (Linux), or null where /proc is not there. */
function residentBytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user and system, every thread) of a process in seconds, or null where /proc is not there. */
function cpuSeconds(pid) {
  try {
    // Fields after the command's closing parenthesis start at the third (state); utime and stime are the 14th and 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop().split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Busy CPU time of the whole machine (every core) in seconds, or null where /proc is not there. */
function machineBusySeconds() {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    const busy = ticks.slice(0, 8).reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
    return busy / 100;
  } catch {
    return null;
  }
}

/**
 * Writes `files` transcripts of about `fileSize` characters, each a different line-aligned
 * window of `source` (so no two files are the same), into 100 folders.
 */
function writeWorkspace(dir, source, files, fileSize, log) {
  let bytes = 0;
  const span = source.length - fileSize - 1;
  for (let i = 0; i < files; i++) {
    const folder = join(dir, `batch-${String(i % 100).padStart(2, '0')}`);
    if (i < 100) mkdirSync(folder, { recursive: true });
    const from = source.indexOf('\n', (i * 7919 * 61) % span) + 1;
    const to = source.indexOf('\n', from + fileSize);
    const text = `Generated Call ${i} Earnings Call\n\n${source.slice(from, to < 0 ? source.length : to + 1)}`;
    writeFileSync(join(folder, `call-${i}.transcript`), text);
    bytes += Buffer.byteLength(text);
    if ((i + 1) % 2000 === 0) log(`(h) wrote ${i + 1}/${files} files (${(bytes / MB).toFixed(0)} MB)`);
  }
  return bytes;
}

/** The heap the index keeps for the folder, after full collections, in a process of its own; null when it fails. */
function indexHeap(indexModule, dir) {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'index-memory.mjs');
  const run = spawnSync(process.execPath, ['--expose-gc', script, indexModule, dir], { encoding: 'utf8' });
  const line = (run.stdout ?? '').trim().split('\n').pop() ?? '';
  return run.status === 0 && line.startsWith('{') ? JSON.parse(line).retainedBytes : null;
}

/** Hovers at `positions` of an open document, one every 100 ms until `done()`; their times in ms. */
async function hoverWhile(server, uri, positions, done) {
  const times = [];
  for (let i = 0; !done(); i++) {
    const sent = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] });
    if (!done()) times.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return times;
}

export async function benchWorkspaceIndex({ serverPath, indexModule, source, files, fileSize = 60 * 1024, hover, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'transcript-lens-index-'));
  try {
    const written = performance.now();
    const bytes = writeWorkspace(dir, source, files, fileSize, log);
    log(`(h) wrote ${files} transcripts, ${(bytes / MB).toFixed(0)} MB, in ${formatMs(performance.now() - written)}`);
    let ended;
    let isDone = false;
    const finished = new Promise((resolve) => { ended = resolve; }).then((at) => { isDone = true; return at; });
    let lastReport = 0;
    const started = performance.now();
    const machineBusyAtStart = machineBusySeconds();
    const benchCpuAtStart = process.cpuUsage();
    let peakResident = 0;
    let server = null;
    const sample = () => {
      const resident = server ? residentBytes(server.pid) : null;
      if (resident !== null) peakResident = Math.max(peakResident, resident);
    };
    const sampler = setInterval(sample, 250);
    server = await startServer(serverPath, {
      workspaceFolders: [pathToFileURL(dir).href],
      onProgress: (value) => {
        sample();
        if (value.kind === 'end') ended(performance.now());
        else if (value.kind === 'report' && performance.now() - lastReport > 5000) {
          lastReport = performance.now();
          log(`(h) indexing: ${value.message} after ${formatMs(lastReport - started)}`);
        }
      },
    });
    const idleResident = residentBytes(server.pid);
    try {
      // A document open in the editor meanwhile, outside the workspace folder.
      const hoverUri = pathToFileURL(join(tmpdir(), 'transcript-lens-bench-open.transcript')).href;
      const opened = server.diagnosticsFor(hoverUri, 1);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: hoverUri, languageId: 'transcript', version: 1, text: hover.text } });
      const hovers = opened.then(() => hoverWhile(server, hoverUri, hover.positions, () => isDone));
      let timer;
      const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('indexing did not end within 20 minutes')), 20 * 60_000); });
      const end = await Promise.race([finished, limit]).finally(() => clearTimeout(timer));
      clearInterval(sampler);
      const seconds = (end - started) / 1000;
      const serverCpu = cpuSeconds(server.pid);
      const machineBusy = machineBusySeconds();
      const benchCpu = process.cpuUsage(benchCpuAtStart);
      // What neither the server nor this script used: other processes on the machine.
      const othersCpu = machineBusy === null || machineBusyAtStart === null || serverCpu === null ? null
        : Math.max(0, machineBusy - machineBusyAtStart - serverCpu - (benchCpu.user + benchCpu.system) / 1e6);
      // A forced collection in the server is not available; the resident size after the index is what the user pays.
      const resident = residentBytes(server.pid);
      const found = await server.connection.sendRequest('workspace/symbol', { query: 'Operator' });
      return {
        files, bytes, seconds, throughput: bytes / MB / seconds, idleResident, resident, peakResident, symbols: found?.length ?? 0,
        retained: indexHeap(indexModule, dir), serverCpu, othersCpu, hoverTimes: await hovers,
      };
    } finally {
      clearInterval(sampler);
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
