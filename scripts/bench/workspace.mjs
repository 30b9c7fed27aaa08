// (h) of npm run bench: the language server indexes a workspace of generated transcripts
// (speakers of every file, for workspace symbols and references), reporting work-done
// progress. Measures throughput (MB of text per second, from initialize to the progress
// end) and the server's resident memory before and after. The files are written to a
// temporary folder and deleted afterwards.
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

export async function benchWorkspaceIndex({ serverPath, indexModule, source, files, fileSize = 60 * 1024, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'transcript-lens-index-'));
  try {
    const written = performance.now();
    const bytes = writeWorkspace(dir, source, files, fileSize, log);
    log(`(h) wrote ${files} transcripts, ${(bytes / MB).toFixed(0)} MB, in ${formatMs(performance.now() - written)}`);
    let ended;
    const finished = new Promise((resolve) => { ended = resolve; });
    let lastReport = 0;
    const started = performance.now();
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
      let timer;
      const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('indexing did not end within 20 minutes')), 20 * 60_000); });
      const end = await Promise.race([finished, limit]).finally(() => clearTimeout(timer));
      clearInterval(sampler);
      const seconds = (end - started) / 1000;
      // A forced collection in the server is not available; the resident size after the index is what the user pays.
      const resident = residentBytes(server.pid);
      const found = await server.connection.sendRequest('workspace/symbol', { query: 'Operator' });
      return { files, bytes, seconds, throughput: bytes / MB / seconds, idleResident, resident, peakResident, symbols: found?.length ?? 0, retained: indexHeap(indexModule, dir) };
    } finally {
      clearInterval(sampler);
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
