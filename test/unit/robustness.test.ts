// Robustness of the CLI (dist/cli.js, as users run it) on files that are not clean
// transcripts: empty, binary, huge, invalid UTF-8, CRLF, BOM; and wrong arguments.
// Each readable file gets a result and exit 0; a wrong argument or an unreadable file gets
// exit 2 and one clear message on stderr, never a stack trace. Files are made in a temp dir.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractAnalysis } from '../../server/src/engine';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

// Our own invented call: two speakers and a few figures.
const CALL = [
  'Prepared Remarks',
  '',
  'Mirela Ostrand -- Chief Executive Officer',
  'Thank you all for joining. Revenue at Corvale Systems grew 14% to RMB 23.4 billion this quarter,',
  'and our paying members passed 45.4 million, up 2 percentage points in penetration.',
  '',
  'Tobiah Venn -- Chief Financial Officer',
  'Adjusted EBITA was $1.2 billion, and we expect about 5% to 7% growth in fiscal year 2027.',
  '',
].join('\n');

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): CliRun {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 512 << 20, timeout: 120_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs analyze --json on one file and checks the common promises: exit 0, one object, no noise. */
function analyzeJson(path: string): ContractAnalysis {
  const run = runCli(['analyze', path, '--json']);
  assert.equal(run.status, 0, `exit ${run.status}, stderr: ${run.stderr}`);
  assertNoStackTrace(run.stderr);
  const parsed = JSON.parse(run.stdout) as ContractAnalysis[];
  assert.ok(Array.isArray(parsed) && parsed.length === 1, 'one object per file');
  const [result] = parsed;
  for (const key of ['turns', 'figures', 'diagnostics'] as const) assert.ok(Array.isArray(result[key]), `${key} is an array`);
  return result;
}

function assertNoStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at .+\(.+:\d+:\d+\)$/m, `stack trace on stderr:\n${stderr}`);
}

/** The analysis without the file name, to compare two files holding the same call. */
function withoutFile(result: ContractAnalysis): Omit<ContractAnalysis, 'file'> {
  const { file: _file, ...rest } = result;
  return rest;
}

describe('CLI robustness on unusual files', function () {
  this.timeout(180_000);
  let dir = '';
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  before(function () {
    assert.ok(existsSync(cli), `${cli} is missing: run npm run build first`);
    dir = mkdtempSync(join(tmpdir(), 'transcript-lens-robustness-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an empty file gets an empty analysis and exit 0', () => {
    const result = analyzeJson(file('empty.txt', ''));
    assert.deepEqual(result.turns, []);
    assert.deepEqual(result.figures, []);
  });

  it('a binary file (NUL bytes) gets one clear not-text diagnostic and exit 0', () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
    bytes.set([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00], 0);
    const result = analyzeJson(file('archive.zip.txt', bytes));
    assert.deepEqual(result.figures, []);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['not-text']);
    assert.ok(result.diagnostics[0].message.length > 10);
  });

  it('invalid UTF-8 is replaced, said once, and the rest is still read', () => {
    const valid = Buffer.from(CALL, 'utf8');
    const broken = Buffer.concat([Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x0a]), valid, Buffer.from([0xe2, 0x82])]);
    const result = analyzeJson(file('latin1.txt', broken));
    assert.equal(result.diagnostics.filter((d) => d.code === 'invalid-encoding').length, 1);
    const clean = analyzeJson(file('clean.txt', CALL));
    assert.equal(result.turns.length, clean.turns.length, 'the same speakers are read past the bad bytes');
    assert.equal(result.figures.length, clean.figures.length, 'the same figures are read past the bad bytes');
  });

  it('CRLF line breaks give the same analysis as LF', () => {
    const lf = analyzeJson(file('call-lf.txt', CALL));
    const crlf = analyzeJson(file('call-crlf.txt', CALL.replace(/\n/g, '\r\n')));
    assert.deepEqual(withoutFile(crlf), withoutFile(lf));
    const mixed = analyzeJson(file('call-cr.txt', CALL.replace(/\n/g, '\r')));
    assert.deepEqual(withoutFile(mixed), withoutFile(lf));
  });

  it('a UTF-8 BOM is dropped: positions are the same as without it', () => {
    const plain = analyzeJson(file('call-plain.txt', CALL));
    const bom = analyzeJson(file('call-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CALL, 'utf8')])));
    assert.deepEqual(withoutFile(bom), withoutFile(plain));
  });

  it('a 20 MB file (over the default size limit) gets its speakers, a degraded-analysis notice and exit 0', () => {
    const block = `${CALL}\n`;
    const path = file('huge.txt', block.repeat(Math.ceil(20_000_000 / block.length)));
    const result = analyzeJson(path);
    assert.ok(result.turns.length > 1000, `speakers are still read: ${result.turns.length} turns`);
    assert.deepEqual(result.figures, []);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['degraded-analysis']);
  });

  it('a 20 MB file of one line of digits gets the degraded-analysis notice and exit 0', () => {
    // Long lines under the limit are the fuzz tier's job (longLineText); here the CLI must not choke on reading one.
    const result = analyzeJson(file('one-line.txt', '1.2,'.repeat(5_000_000)));
    assert.deepEqual(result.turns, []);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['degraded-analysis']);
  });

  it('without --json, prints compiler-style lines and exits 0', () => {
    const path = file('call-lines.txt', CALL);
    const run = runCli(['analyze', path]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ turns, \\d+ figures, \\d+ diagnostics`));
  });

  it('a missing file exits 2 with a message on stderr naming it', () => {
    const missing = join(dir, 'no-such-call.txt');
    const run = runCli(['analyze', missing, '--json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no-such-call\.txt/);
    assertNoStackTrace(run.stderr);
  });

  it('a missing file among readable ones still prints the readable ones and exits 2', () => {
    const good = file('good.txt', CALL);
    const run = runCli(['analyze', good, join(dir, 'gone.txt'), '--json']);
    assert.equal(run.status, 2);
    const parsed = JSON.parse(run.stdout) as ContractAnalysis[];
    assert.deepEqual(parsed.map((r) => r.file), [good]);
    assert.match(run.stderr, /gone\.txt/);
  });

  it('a directory with no transcript in it exits 2 with a message', () => {
    // A directory is read recursively (issue 11); one with nothing to read is a wrong argument.
    const empty = mkdtempSync(join(dir, 'empty-'));
    const run = runCli(['analyze', empty, '--json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no \.txt, .* file in this directory/);
    assert.equal(run.stdout, '[]\n');
    assertNoStackTrace(run.stderr);
  });

  it('an unknown option exits 2 with a message naming it', () => {
    const run = runCli(['analyze', '--frobnicate', file('opt.txt', CALL)]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--frobnicate/);
    assert.equal(run.stdout, '');
  });

  it('no file at all exits 2 with usage on stderr', () => {
    const run = runCli(['analyze']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /usage/i);
  });
});
