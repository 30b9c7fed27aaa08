// The CLI's corpus mode: `analyze` and `figures` over files, directories and globs, spread
// over worker threads, printed in the order the inputs were given whichever worker finishes
// first. An unreadable file is reported on stderr and the rest go on (exit 2 at the end).
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { csvHeader, runFileJob } from './cliFile';
import type { FileJob, FileResult, OutputMode } from './cliFile';

export const CORPUS_USAGE = `usage: transcript-lens analyze <file|directory|glob>... [--json | --jsonl] [--workers N]
       transcript-lens figures <file|directory|glob>... [--csv | --jsonl] [--workers N]

  analyze            the analysis of each file (the contract in ../shared/spec/analysis-json.md)
    --json           one JSON array, one object per file
    --jsonl          one JSON object per line, per file, streamed as files finish (in input order)
    (neither)        compiler-style lines: path:line:col: severity code: message
  figures            one row per figure: ${'file, speaker, role, section, metric, kind, value, unit, change, period, text, line'}
    --csv            RFC 4180 CSV with a header row (the default)
    --jsonl          one JSON object per figure
  --workers N        worker threads (default: one per core)

Directories are read recursively for .txt, .md, .transcript, .vtt and .srt files; globs
(*, **, ?, [abc], {a,b}) are expanded by the CLI itself. Exit 0 when every file was read,
2 when one could not be (the others are still printed) or an argument is wrong.`;

/** The extensions a directory is searched for. */
export const TRANSCRIPT_EXTENSIONS = ['.txt', '.md', '.transcript', '.vtt', '.srt'];

export interface CorpusOptions {
  command: 'analyze' | 'figures';
  inputs: string[];
  mode: OutputMode;
  workers: number | null;
}

/** The options, or the one-line reason they are wrong. */
export function parseCorpusArgs(command: 'analyze' | 'figures', args: readonly string[]): CorpusOptions | string {
  const inputs: string[] = [];
  const flags = new Set<string>();
  let workers: number | null = null;
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      inputs.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--json' || arg === '--jsonl' || arg === '--csv') {
      flags.add(arg);
    } else if (arg === '--workers' || arg.startsWith('--workers=')) {
      const written = arg === '--workers' ? args[++i] : arg.slice('--workers='.length);
      const count = Number(written);
      if (!Number.isInteger(count) || count < 1) return `--workers takes a whole number of at least 1, not "${written ?? ''}"`;
      workers = count;
    } else {
      return `unknown option "${arg}"`;
    }
  }
  if (inputs.length === 0) return 'no file given';
  const allowed = command === 'analyze' ? ['--json', '--jsonl'] : ['--csv', '--jsonl'];
  const wrong = [...flags].find((flag) => !allowed.includes(flag));
  if (wrong) return `${command} does not take ${wrong}`;
  if (flags.size > 1) return `choose one of ${[...flags].join(' and ')}`;
  const mode: OutputMode = command === 'analyze'
    ? (flags.has('--json') ? 'json' : flags.has('--jsonl') ? 'jsonl' : 'lines')
    : (flags.has('--jsonl') ? 'figures-jsonl' : 'csv');
  return { command, inputs, mode, workers };
}

// ---------------------------------------------------------------------------------------
// Inputs: files as given, directories walked, globs matched.

const GLOB_CHARACTER = /[*?[{]/;

/** The files the inputs name, in input order (directory and glob matches sorted), each once. */
export function expandInputs(inputs: readonly string[], reportMissing: (input: string, reason: string) => void): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (!seen.has(path)) {
      seen.add(path);
      files.push(path);
    }
  };
  for (const input of inputs) {
    if (input !== '-' && GLOB_CHARACTER.test(input) && !existsSync(input)) {
      const matches = globFiles(input);
      if (matches.length === 0) reportMissing(input, 'no file matches this pattern');
      matches.forEach(add);
    } else if (input !== '-' && isDirectory(input)) {
      const found = walk(input, (name) => TRANSCRIPT_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension)));
      if (found.length === 0) reportMissing(input, `no ${TRANSCRIPT_EXTENSIONS.join(', ')} file in this directory`);
      found.forEach(add);
    } else {
      // A file, or a path that does not exist: reading it reports why.
      add(input);
    }
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every file under the directory that `keep` accepts, sorted by path. Hidden entries and
 * symbolic links to directories are skipped (the latter so a link cycle cannot loop).
 */
function walk(directory: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  let names: string[];
  try {
    names = readdirSync(directory).sort(byCodeUnit);
  } catch {
    return found;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = directory.endsWith('/') ? `${directory}${name}` : `${directory}/${name}`;
    let linked = false;
    try {
      linked = lstatSync(path).isSymbolicLink();
    } catch {
      continue;
    }
    if (isDirectory(path)) {
      if (!linked) found.push(...walk(path, keep));
    } else if (keep(path)) {
      found.push(path);
    }
  }
  return found;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The files a glob matches: walked from its longest literal directory prefix. */
export function globFiles(pattern: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const segments = normalized.split('/');
  const literal: string[] = [];
  for (const segment of segments) {
    if (GLOB_CHARACTER.test(segment)) break;
    literal.push(segment);
  }
  const matcher = globToRegExp(normalized);
  if (literal.length === 0) {
    // A pattern relative to the working directory names its files without a leading "./".
    const relative = (path: string) => path.slice(2);
    return walk('.', (path) => matcher.test(relative(path))).map(relative);
  }
  return walk(literal.join('/') || '/', (path) => matcher.test(path));
}

/** A glob as a regular expression over the whole path: * and ? stay inside one segment, ** crosses them. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      source += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
      const close = glob.indexOf(']', i + 2);
      const body = glob.slice(i + 1, close);
      source += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
      i = close;
    } else if (c === '{' && glob.indexOf('}', i) > 0) {
      const close = glob.indexOf('}', i);
      const alternatives = glob.slice(i + 1, close).split(',').map((alternative) => globToRegExp(alternative).source.slice(1, -1));
      source += `(?:${alternatives.join('|')})`;
      i = close;
    } else {
      source += c.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------
// Running: in process for one file, otherwise a pool of workers.

interface Output {
  write(text: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
}

export interface CorpusIo {
  stdout: Output;
  stderr: Output;
}

/** Runs `analyze` or `figures`; resolves to the exit status. */
export async function runCorpusCommand(command: 'analyze' | 'figures', args: readonly string[], io: CorpusIo): Promise<number> {
  const options = parseCorpusArgs(command, args);
  if (typeof options === 'string') {
    io.stderr.write(`transcript-lens: ${options}\n${CORPUS_USAGE}\n`);
    return 2;
  }
  let failed = false;
  const progress = io.stderr.isTTY ? new ProgressBar(io.stderr) : null;
  const complain = (input: string, reason: string) => {
    failed = true;
    progress?.clear();
    io.stderr.write(`transcript-lens: cannot read ${input}: ${reason}\n`);
  };
  const files = expandInputs(options.inputs, complain);
  const jobs: FileJob[] = files.map((path, index) => ({ index, path, mode: options.mode }));
  if (files.length < 2) progress?.disable();
  progress?.start(files.length);

  const write = async (text: string) => {
    if (text && !io.stdout.write(text)) await new Promise<void>((resolve) => io.stdout.once('drain', resolve));
  };
  if (options.mode === 'csv') await write(csvHeader());
  if (options.mode === 'json') await write('[');

  const results = startJobs(jobs, options.workers);
  let printed = 0;
  for (let index = 0; index < jobs.length; index++) {
    const result = await results[index];
    progress?.tick();
    if (!result.ok) {
      complain(jobs[index].path, result.reason);
      continue;
    }
    if (options.mode === 'json') await write(`${printed === 0 ? '\n' : ',\n'}${result.output}`);
    else await write(result.output);
    printed++;
  }
  if (options.mode === 'json') await write(printed === 0 ? ']\n' : '\n]\n');
  progress?.clear();
  return failed ? 2 : 0;
}

/** One promise per job, in job order; the work runs on worker threads when there is more than one file. */
function startJobs(jobs: FileJob[], requestedWorkers: number | null): Promise<FileResult>[] {
  if (jobs.length < 2 || jobs.some((job) => job.path === '-')) {
    // One file needs no thread; standard input can only be read here.
    return jobs.map((job) => new Promise<FileResult>((resolve) => setImmediate(() => resolve(runFileJob(job)))));
  }
  const count = Math.max(1, Math.min(requestedWorkers ?? availableParallelism(), jobs.length));
  const resolvers: Array<(result: FileResult) => void> = [];
  const promises = jobs.map((_, index) => new Promise<FileResult>((resolve) => { resolvers[index] = resolve; }));
  let next = 0;
  const workerPath = join(__dirname, 'cliWorker.js');

  const startWorker = () => {
    const worker = new Worker(workerPath);
    let current: FileJob | null = null;
    const feed = () => {
      if (next >= jobs.length) {
        current = null;
        void worker.terminate();
        return;
      }
      current = jobs[next++];
      worker.postMessage(current);
    };
    worker.on('message', (result: FileResult) => {
      resolvers[result.index](result);
      feed();
    });
    // The engine never throws, but a worker can still die (out of memory): that file fails, the rest go on.
    const lose = (reason: string) => {
      if (!current) return;
      resolvers[current.index]({ index: current.index, ok: false, reason });
      current = null;
      if (next < jobs.length) startWorker();
    };
    worker.on('error', (error) => lose(`analysis failed: ${error.message}`));
    worker.on('exit', (code) => lose(`analysis failed: the worker stopped with exit code ${code}`));
    feed();
  };
  for (let i = 0; i < count; i++) startWorker();
  return promises;
}

/** A one-line bar on stderr, drawn at most ten times a second, only on a terminal. */
class ProgressBar {
  private total = 0;
  private done = 0;
  private drawnAt = 0;
  private enabled = true;
  private shown = false;

  constructor(private readonly stream: Output) {}

  disable(): void {
    this.enabled = false;
  }

  start(total: number): void {
    this.total = total;
    this.draw(true);
  }

  tick(): void {
    this.done++;
    this.draw(this.done === this.total);
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }

  private draw(force: boolean): void {
    if (!this.enabled || this.total === 0) return;
    const now = Date.now();
    if (!force && now - this.drawnAt < 100) return;
    this.drawnAt = now;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} files`);
    this.shown = true;
  }
}
