// Golden tests: every fixtures/**/*.txt (and .md, .vtt, .srt, .transcript) is analyzed and
// compared with the .golden file beside it, one line per turn, figure and diagnostic
// (test/golden/goldenText.ts). Fixtures are of two kinds, as rust-analyzer's ok/err test data:
// one named *.err.<ext> must warn (at least one diagnostic), every other must read cleanly
// (none). Each fixture is also read with CRLF line breaks and must give the same analysis.
// UPDATE_GOLDEN=1 npm run test:unit rewrites the golden files (and removes the older
// .golden.json beside them): review the diff before committing.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, toContractJson } from '../../server/src/engine';
import { formatNumber, goldenText } from './goldenText';

const root = join(__dirname, '..', '..', '..');
const fixturesDir = join(root, 'fixtures');
const updating = process.env.UPDATE_GOLDEN === '1';
const FIXTURE = /\.(txt|md|vtt|srt|transcript)$/;
const MUST_WARN = /\.err\.[a-z]+$/;

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return FIXTURE.test(name) ? [path] : [];
  }).sort();
}

function contractOf(text: string, file: string) {
  const { file: _file, ...rest } = toContractJson(file, analyze(text));
  return rest;
}

describe('golden fixtures', () => {
  const files = fixtureFiles(fixturesDir);
  it('has fixtures of both kinds to check', () => {
    assert.ok(files.some((file) => MUST_WARN.test(file)), 'no fixture that must warn');
    assert.ok(files.some((file) => !MUST_WARN.test(file)), 'no fixture that must read cleanly');
  });
  for (const path of files) {
    const name = relative(fixturesDir, path);
    const goldenPath = path.replace(FIXTURE, '.golden');
    const mustWarn = MUST_WARN.test(name);
    it(name, () => {
      const text = readFileSync(path, 'utf8');
      const analysis = contractOf(text, name);
      const actual = goldenText(analysis);
      if (updating || !existsSync(goldenPath)) {
        if (!updating) assert.fail(`${name} has no golden file: run UPDATE_GOLDEN=1 npm run test:unit and review it`);
        writeFileSync(goldenPath, actual);
        const legacy = path.replace(FIXTURE, '.golden.json');
        if (existsSync(legacy)) unlinkSync(legacy);
      } else {
        assert.equal(actual, readFileSync(goldenPath, 'utf8'));
      }
      if (mustWarn) {
        assert.ok(analysis.diagnostics.length > 0, `${name} is an err fixture (*.err.*) but reads without a diagnostic`);
      } else {
        assert.deepEqual(analysis.diagnostics.map((d) => `L${d.line + 1} ${d.code}`), [],
          `${name} must read cleanly: move what warns into a fixture named *.err.<ext>`);
      }
    });
    it(`${name} (CRLF)`, () => {
      const text = readFileSync(path, 'utf8').replace(/\r?\n/g, '\r\n');
      const lf = contractOf(readFileSync(path, 'utf8').replace(/\r\n/g, '\n'), name);
      assert.deepEqual(contractOf(text, name), lf);
    });
  }
});

describe('golden format', () => {
  it('writes one line per turn, figure and diagnostic, in document order', () => {
    const text = goldenText({
      turns: [{ speaker: 'Jane Roe', role: 'CFO', affiliation: null, speakerKind: 'management', section: 'Questions & Answers', line: 11, endLine: 13 }],
      figures: [{
        line: 13, start: 4, end: 18, text: '$1.2 billion', kind: 'money', value: 1.2e9, min: null, max: null, unit: 'USD',
        approximate: true, bound: null, metric: 'revenue', change: null,
      }],
      diagnostics: [{ line: 12, start: 0, end: 3, severity: 'warning', code: 'missing-currency', message: 'Say "which".' }],
    });
    assert.equal(text, [
      'L12-14 turn "Jane Roe" role="CFO" kind=management section="Questions & Answers"',
      'L13:1-3 warning missing-currency "Say \\"which\\"."',
      'L14:5-18 money 1.2e9 USD "$1.2 billion" approximate metric=revenue',
      '',
    ].join('\n'));
  });
  it('writes numbers exactly', () => {
    for (const value of [2_300_000_000, 1_234_567_891, 0.14, 0.0005, 12, -4.5e7]) {
      assert.equal(Number(formatNumber(value)), value);
    }
  });
});
