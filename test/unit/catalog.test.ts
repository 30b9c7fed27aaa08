// The diagnostic catalog is the one table of codes: code refers to a kind by name, never by
// repeating its code string, and a failure inside the engine comes back as a diagnostic.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze, DIAGNOSTIC_CODES, Diagnostics, isDiagnosticCode } from '../../server/src/engine';
import * as scanner from '../../server/src/engine/figures/scanner';

const root = join(__dirname, '..', '..', '..');
const CATALOG = join('server', 'src', 'engine', 'catalog.ts');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every quoted string in the text that is a diagnostic code, with its line number. */
function codeLiterals(text: string): Array<{ line: number; code: string }> {
  const found: Array<{ line: number; code: string }> = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/(['"`])([a-z]+(?:-[a-z]+)+)\1/g)) {
      if (isDiagnosticCode(match[2])) found.push({ line: index + 1, code: match[2] });
    }
  });
  return found;
}

describe('diagnostic catalog', () => {
  it('keys every kind by its own code and gives each a message', () => {
    for (const kind of Object.values(Diagnostics)) {
      assert.equal(DIAGNOSTIC_CODES[kind.code], kind);
      assert.equal(typeof kind.message, 'function');
    }
    assert.equal(Object.keys(DIAGNOSTIC_CODES).length, Object.keys(Diagnostics).length, 'two kinds share a code');
  });

  it('no source outside the catalog writes a diagnostic code as a string literal', () => {
    const files = ['server/src', 'client/src'].flatMap((dir) => sources(join(root, dir)));
    assert.ok(files.length > 20, 'found too few sources to check');
    const offenders = files
      .filter((file) => relative(root, file) !== CATALOG)
      .flatMap((file) => codeLiterals(readFileSync(file, 'utf8')).map(({ line, code }) => `${relative(root, file)}:${line} '${code}'`));
    assert.deepEqual(offenders, [], 'use Diagnostics.<name>.code instead');
  });

  it('the literal check itself finds a code in quotes', () => {
    assert.deepEqual(codeLiterals(`const a = 'missing-currency';\nconst b = "not-a-code";`), [{ line: 1, code: 'missing-currency' }]);
  });

  describe('a failure while reading a line', () => {
    const original = scanner.scanLine;
    afterEach(() => {
      (scanner as { scanLine: typeof scanner.scanLine }).scanLine = original;
    });

    it('becomes an internal-error diagnostic on that line, and the other lines are still read', () => {
      // Fault injection: the reader throws on one line, as a bug in it would.
      (scanner as { scanLine: typeof scanner.scanLine }).scanLine = (text, context) => {
        if (text.includes('fails here')) throw new Error('injected failure');
        return original(text, context);
      };
      const analysis = analyze('Revenue was $12 million.\n  This line fails here: 7%  \nMargin rose to 31%.\n');
      const errors = analysis.diagnostics.filter((d) => d.code === Diagnostics.internalError.code);
      assert.equal(errors.length, 1);
      assert.deepEqual([errors[0].line, errors[0].start, errors[0].end, errors[0].severity], [1, 2, 26, 'error']);
      assert.match(errors[0].message, /injected failure/);
      assert.deepEqual(analysis.figures.map((f) => [f.line, f.text]), [[0, '$12 million'], [2, '31%']]);
    });

    it('is absent when nothing fails', () => {
      const analysis = analyze('Revenue was $12 million.\nThis line reads fine: 7%\n');
      assert.equal(analysis.diagnostics.filter((d) => d.code === Diagnostics.internalError.code).length, 0);
    });
  });
});
