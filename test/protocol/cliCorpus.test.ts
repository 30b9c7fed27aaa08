// The built CLI (dist/cli.js) on a temporary corpus: directories and globs as input, --jsonl
// in input order whichever worker finishes first, figures --csv rows and quoting, and an
// unreadable file among readable ones.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, toContractJson } from '../../server/src/engine';
import { CONTRACT_DIAGNOSTIC_KEYS, CONTRACT_FIGURE_KEYS, CONTRACT_TURN_KEYS } from '../../server/src/engine/contract';
import { FIGURE_COLUMNS } from '../../server/src/cliFile';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

/** A short call of an invented company; `n` changes the figures so each file differs. */
function call(n: number): string {
  return `Ines Albrecht -- Chief Financial Officer\nRevenue was $${100 + n} million, up ${n}% year over year, and the margin was -${n}.5%.\n\nOwen Pike -- Analyst\nThanks, and what about "bookings"?\n`;
}

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field); records.push(record); record = []; field = ''; i++;
    } else field += c;
  }
  assert.equal(field + record.join(''), '', 'the CSV ends with a CRLF');
  return records;
}

describe('CLI corpus mode (dist/cli.js)', function () {
  this.timeout(60000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'transcript-lens-cli-'));
    mkdirSync(join(dir, 'calls', 'nested', 'deeper'), { recursive: true });
    mkdirSync(join(dir, 'calls', '.hidden'));
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'calls', 'b.txt'), call(2));
    writeFileSync(join(dir, 'calls', 'a.md'), call(1));
    writeFileSync(join(dir, 'calls', 'nested', 'c.transcript'), call(3));
    writeFileSync(join(dir, 'calls', 'nested', 'deeper', 'd.vtt'), call(4));
    writeFileSync(join(dir, 'calls', 'nested', 'e.srt'), call(5));
    writeFileSync(join(dir, 'calls', 'notes.json'), '{"not": "a transcript"}');
    writeFileSync(join(dir, 'calls', '.hidden', 'f.txt'), call(6));
    writeFileSync(join(dir, 'more', 'g.txt'), call(7));
    writeFileSync(join(dir, 'more', 'h.txt'), call(8));
    writeFileSync(join(dir, 'more', 'i.md'), call(9));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const filesOf = (jsonl: string) => jsonl.trim().split('\n').map((line) => JSON.parse(line).file as string);

  it('reads directories recursively (transcript extensions only, hidden folders skipped) and globs, in input order', () => {
    const { status, stdout, stderr } = run(['analyze', 'calls', 'more/*.txt', '--jsonl'], dir);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    assert.deepEqual(filesOf(stdout), [
      'calls/a.md', 'calls/b.txt', 'calls/nested/c.transcript', 'calls/nested/deeper/d.vtt', 'calls/nested/e.srt',
      'more/g.txt', 'more/h.txt',
    ]);
  });

  it('expands **, ? and {a,b} in globs and names each file once', () => {
    const { status, stdout } = run(['analyze', 'calls/**/*.{vtt,srt}', 'more/?.md', 'more/g.txt', 'more/g.txt', '--jsonl'], dir);
    assert.equal(status, 0);
    assert.deepEqual(filesOf(stdout), ['calls/nested/deeper/d.vtt', 'calls/nested/e.srt', 'more/i.md', 'more/g.txt']);
    // A pattern in the working directory names files as the shell would, without "./".
    assert.deepEqual(filesOf(run(['analyze', '*.txt', '--jsonl'], join(dir, 'more')).stdout), ['g.txt', 'h.txt']);
    assert.deepEqual(filesOf(run(['analyze', './*.md', '--jsonl'], join(dir, 'more')).stdout), ['./i.md']);
  });

  it('streams --jsonl in input order when a slow first file finishes last, each line in the contract shape', () => {
    // The first file is far longer than the others, so with several workers it finishes last.
    writeFileSync(join(dir, 'more', 'a-long.txt'), Array.from({ length: 400 }, (_, i) => call(i)).join('\n'));
    const inputs = ['more/a-long.txt', ...Array.from({ length: 12 }, (_, i) => {
      writeFileSync(join(dir, 'more', `short-${i}.txt`), call(i));
      return `more/short-${i}.txt`;
    })];
    const { status, stdout } = run(['analyze', ...inputs, '--jsonl', '--workers', '3'], dir);
    assert.equal(status, 0);
    const lines = stdout.trim().split('\n');
    assert.deepEqual(lines.map((line) => JSON.parse(line).file), inputs);
    for (const line of lines) {
      const object = JSON.parse(line);
      assert.deepEqual(Object.keys(object), ['file', 'turns', 'figures', 'diagnostics']);
      for (const turn of object.turns) assert.deepEqual(Object.keys(turn), [...CONTRACT_TURN_KEYS]);
      for (const figure of object.figures) assert.deepEqual(Object.keys(figure), [...CONTRACT_FIGURE_KEYS]);
      for (const diagnostic of object.diagnostics) assert.deepEqual(Object.keys(diagnostic), [...CONTRACT_DIAGNOSTIC_KEYS]);
    }
    // One worker gives the very same bytes.
    assert.equal(run(['analyze', ...inputs, '--jsonl', '--workers', '1'], dir).stdout, stdout);
  });

  it('keeps analyze <file> --json exactly the contract: one pretty-printed array', () => {
    const expected = (files: Array<[string, number]>) => `${JSON.stringify(files.map(([file, n]) => toContractJson(file, analyze(call(n)))), null, 2)}\n`;
    assert.equal(run(['analyze', 'more/g.txt', '--json'], dir).stdout, expected([['more/g.txt', 7]]));
    assert.equal(run(['analyze', 'more/g.txt', 'more/h.txt', '--json'], dir).stdout, expected([['more/g.txt', 7], ['more/h.txt', 8]]));
    assert.equal(run(['analyze', 'nothing.txt', '--json'], dir).stdout, '[]\n');
  });

  it('writes one CSV row per figure with RFC 4180 quoting and formula cells guarded', () => {
    writeFileSync(join(dir, 'more', 'odd, "name".txt'), 'Ines Albrecht -- Chief Financial Officer\nOrders were 1,240 units and the margin was -2.5%; =cmd|calc was said.\n');
    const { status, stdout } = run(['figures', 'more/g.txt', 'more/odd, "name".txt', '--csv'], dir);
    assert.equal(status, 0);
    const [header, ...rows] = parseCsv(stdout);
    assert.deepEqual(header, [...FIGURE_COLUMNS]);
    const figuresOf = (file: string, text: string) => analyze(text).figures.map((figure) => [file, figure.text]);
    assert.deepEqual(rows.map((row) => [row[0], row[10].replace(/^'/, '')]), [
      ...figuresOf('more/g.txt', call(7)),
      ...figuresOf('more/odd, "name".txt', 'Ines Albrecht -- Chief Financial Officer\nOrders were 1,240 units and the margin was -2.5%; =cmd|calc was said.\n'),
    ]);
    assert.ok(stdout.includes('"more/odd, ""name"".txt"'), 'a file name with a comma and quotes is quoted, quotes doubled');
    assert.ok(stdout.includes(',"1,240 units",') || stdout.includes(',"1,240",'), 'a cell with a comma is quoted');
    const margin = rows.find((row) => row[10].includes('2.5%'));
    assert.equal(margin?.[10], "'-2.5%", 'a text cell starting with - is guarded');
    assert.equal(margin?.[6], '-0.025', 'the value column stays a number');
    const revenue = rows.find((row) => row[0] === 'more/g.txt' && row[5] === 'money');
    assert.deepEqual([revenue?.[1], revenue?.[2], revenue?.[4], revenue?.[6], revenue?.[7], revenue?.[11]], ['Ines Albrecht', 'Chief Financial Officer', 'revenue', '107000000', 'USD', '2']);
    const growth = rows.find((row) => row[0] === 'more/g.txt' && row[10] === '7%');
    assert.deepEqual([growth?.[8], growth?.[9]], ['increase', 'year over year']);
  });

  it('reports an unreadable file on stderr, prints the others in order and exits 2', () => {
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'more', 'broken.txt'));
    const { status, stdout, stderr } = run(['analyze', 'more/g.txt', 'missing.txt', 'more', '--jsonl', '--workers', '2'], dir);
    assert.equal(status, 2);
    assert.deepEqual(filesOf(stdout), ['more/g.txt', 'more/h.txt', 'more/i.md']);
    assert.match(stderr, /cannot read missing\.txt: no such file/);
    assert.match(stderr, /cannot read more\/broken\.txt: no such file/);
    assert.equal(stderr.trim().split('\n').length, 2, stderr);
  });

  it('says so when a glob matches nothing, and refuses options a command does not take', () => {
    const none = run(['analyze', 'nothing/*.txt', 'more/g.txt', '--jsonl'], dir);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /nothing\/\*\.txt: no file matches/);
    assert.deepEqual(filesOf(none.stdout), ['more/g.txt']);
    const wrong = run(['figures', 'more/g.txt', '--json'], dir);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /figures does not take --json/);
    assert.equal(wrong.stdout, '');
  });

  it('draws no progress bar when stderr is not a terminal', () => {
    const { stderr } = run(['analyze', 'calls', 'more', '--jsonl'], dir);
    assert.equal(stderr, '');
  });
});
