// Golden tests: every fixtures/**/*.txt (and .md, .vtt, .transcript) is analyzed and
// compared with the .golden.json beside it, in the contract's shape. Each fixture is also
// read with CRLF line breaks and must give the same analysis.
// UPDATE_GOLDEN=1 npm run test:unit rewrites the golden files: review the diff before committing.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, toContractJson } from '../../server/src/engine';

const root = join(__dirname, '..', '..', '..');
const fixturesDir = join(root, 'fixtures');
const updating = process.env.UPDATE_GOLDEN === '1';
const FIXTURE = /\.(txt|md|vtt|srt|transcript)$/;

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return FIXTURE.test(name) ? [path] : [];
  }).sort();
}

function goldenOf(text: string, file: string): string {
  const { file: _file, ...rest } = toContractJson(file, analyze(text));
  return `${JSON.stringify(rest, null, 2)}\n`;
}

describe('golden fixtures', () => {
  const files = fixtureFiles(fixturesDir);
  it('has fixtures to check', () => assert.ok(files.length > 0, 'no fixtures found'));
  for (const path of files) {
    const name = relative(fixturesDir, path);
    const goldenPath = path.replace(FIXTURE, '.golden.json');
    it(name, () => {
      const text = readFileSync(path, 'utf8');
      const actual = goldenOf(text, name);
      if (updating || !existsSync(goldenPath)) {
        if (!updating) assert.fail(`${name} has no golden file: run UPDATE_GOLDEN=1 npm run test:unit and review it`);
        writeFileSync(goldenPath, actual);
        return;
      }
      assert.deepEqual(JSON.parse(actual), JSON.parse(readFileSync(goldenPath, 'utf8')));
    });
    it(`${name} (CRLF)`, () => {
      const text = readFileSync(path, 'utf8').replace(/\r?\n/g, '\r\n');
      const lf = JSON.parse(goldenOf(readFileSync(path, 'utf8').replace(/\r\n/g, '\n'), name));
      assert.deepEqual(JSON.parse(goldenOf(text, name)), lf);
    });
  }
});
