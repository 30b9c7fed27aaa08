// The CLI prints exactly the contract's shape (../shared/spec/analysis-json.md): the same
// keys in every object, nothing engine-only, and the contract's exit codes.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

const TURN_KEYS = ['speaker', 'role', 'affiliation', 'speakerKind', 'section', 'line', 'endLine'];
const FIGURE_KEYS = ['line', 'start', 'end', 'text', 'kind', 'value', 'min', 'max', 'unit', 'approximate', 'bound', 'metric', 'change'];
const DIAGNOSTIC_KEYS = ['line', 'start', 'end', 'severity', 'code', 'message'];
const KINDS = ['money', 'percent', 'percentagePoints', 'basisPoints', 'count', 'multiple', 'fraction', 'duration', 'date', 'period', 'ordinal', 'label', 'unparsed'];

const CALL = [
  '### **Mara Lindqvist** -- Chief Executive Officer',
  '',
  'Revenue rose 12% year over year to RMB 41.5 billion, and operating margin improved by 2 percentage points.',
  '',
  '### Operator',
  '',
  'Our next question comes from Ines Park with Northbridge Securities.',
  '',
  '### **Ines Park** -- Northbridge Securities -- Analyst',
  '',
  'Can you talk about the 49.9 billion you mentioned, and the low single digit growth in 2025?',
].join('\n');

function analyzeJson(files: string[]): unknown {
  const result = spawnSync(process.execPath, [cli, 'analyze', ...files, '--json'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe('CLI contract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lens-contract-'));
  const call = join(dir, 'call.txt');
  writeFileSync(call, CALL);

  it('prints one array with one object per file, each with exactly the contract keys', () => {
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'Nothing to see here.');
    const output = analyzeJson([call, other]) as Array<Record<string, unknown>>;
    assert.ok(Array.isArray(output));
    assert.equal(output.length, 2);
    assert.deepEqual(Object.keys(output[0]).sort(), ['diagnostics', 'figures', 'file', 'turns']);
    assert.equal(output[0].file, call);
  });

  it('gives turns, figures and diagnostics exactly their contract keys and kinds', () => {
    const [analysis] = analyzeJson([call]) as Array<{ turns: object[]; figures: Array<Record<string, unknown>>; diagnostics: object[] }>;
    assert.ok(analysis.turns.length >= 2, 'expected the speaker turns');
    assert.ok(analysis.figures.length >= 3, 'expected the figures');
    for (const turn of analysis.turns) assert.deepEqual(Object.keys(turn).sort(), [...TURN_KEYS].sort());
    for (const figure of analysis.figures) {
      // currencyInferred is in the contract only where it is true.
      const keys = figure.currencyInferred === true ? [...FIGURE_KEYS, 'currencyInferred'] : FIGURE_KEYS;
      assert.deepEqual(Object.keys(figure).sort(), [...keys].sort());
      assert.ok(KINDS.includes(figure.kind as string), `unknown kind ${String(figure.kind)}`);
    }
    const inferred = analysis.figures.find((figure) => figure.text === '49.9 billion');
    assert.deepEqual([inferred?.kind, inferred?.unit, inferred?.currencyInferred], ['money', 'CNY', true]);
    for (const diagnostic of analysis.diagnostics) assert.deepEqual(Object.keys(diagnostic).sort(), [...DIAGNOSTIC_KEYS].sort());
  });

  it('prints compiler-style lines without --json', () => {
    const result = spawnSync(process.execPath, [cli, 'analyze', call], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    for (const line of result.stdout.trim().split('\n').slice(0, -1)) {
      assert.match(line, /^.+:\d+:\d+: (error|warning|information|hint) [a-z-]+: .+$/);
    }
  });

  it('exits 2 with a clear message for a missing file, and still analyzes the others', () => {
    const result = spawnSync(process.execPath, [cli, 'analyze', call, join(dir, 'missing.txt'), '--json'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read .*missing\.txt: no such file/);
    assert.equal(JSON.parse(result.stdout).length, 1);
  });

  it('exits 2 for a wrong argument or no file', () => {
    assert.equal(spawnSync(process.execPath, [cli, 'analyze', '--bogus', call], { encoding: 'utf8' }).status, 2);
    assert.equal(spawnSync(process.execPath, [cli, 'analyze'], { encoding: 'utf8' }).status, 2);
    assert.equal(spawnSync(process.execPath, [cli, 'explain', call], { encoding: 'utf8' }).status, 2);
  });
});
