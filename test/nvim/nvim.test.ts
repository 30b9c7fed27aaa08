// Neovim's own LSP client against the bundled stdio server (node dist/server.js --stdio):
// test/nvim/init.lua opens an invented call headless, waits for diagnostics, asks for
// document symbols and a hover, and writes what it got to a JSON file asserted here.
// scripts/nvim-setup.mjs installs Debian's neovim first (npm test does that).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

interface NvimResult {
  errors: string[];
  client_started?: boolean;
  diagnostics?: Array<{ line: number; col: number; end_col: number; severity: number; code: string; message: string }>;
  symbols?: Array<{ name: string; detail?: string; kind: number; range: { start: { line: number } } }>;
  hover?: { contents: { kind: string; value: string } };
}

describe('Neovim LSP client (headless nvim, stdio server)', function () {
  this.timeout(90_000);
  let result: NvimResult;
  let temp: string;

  before(function () {
    assert.ok(existsSync(join(root, 'dist', 'server.js')), 'dist/server.js is not built: run npm run build first');
    assert.equal(spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status, 0, 'nvim is missing: run node scripts/nvim-setup.mjs');
    temp = mkdtempSync(join(tmpdir(), 'transcript-lens-nvim-'));
    const resultFile = join(temp, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(root, 'test', 'nvim', 'init.lua'), join(root, 'test', 'nvim', 'call.transcript')], {
      cwd: temp,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, TRANSCRIPT_LENS_SERVER: join(root, 'dist', 'server.js'), TRANSCRIPT_LENS_NVIM_RESULT: resultFile, XDG_STATE_HOME: temp, XDG_DATA_HOME: temp },
    });
    assert.ok(existsSync(resultFile), `nvim wrote no result (status ${run.status}): ${run.stderr}${run.stdout}`);
    result = JSON.parse(readFileSync(resultFile, 'utf8'));
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('starts the server and gets through every request without an error', () => {
    assert.deepEqual(result.errors, []);
    assert.equal(result.client_started, true);
  });

  it('lists the speaker turns as document symbols, with roles', () => {
    const symbols = (result.symbols ?? []).map((symbol) => [symbol.name, symbol.detail ?? null, symbol.range.start.line]);
    assert.deepEqual(symbols, [
      ['Operator', null, 2],
      ['Sofia Brandt', 'Chief Financial Officer', 4],
      ['Tomas Ek', 'Chief Executive Officer', 8],
    ]);
  });

  it('reads the figure under the cursor on hover', () => {
    const hover = result.hover?.contents;
    assert.equal(hover?.kind, 'markdown');
    assert.match(hover?.value ?? '', /\$412 million/);
    assert.match(hover?.value ?? '', /412,000,000 USD/);
    assert.match(hover?.value ?? '', /Metric: revenue/);
  });

  it('shows the warning on the change that has no unit', () => {
    assert.deepEqual(result.diagnostics?.map((d) => [d.line, d.code, d.severity]), [[6, 'unparsed-figure', 2]]);
    assert.match(result.diagnostics?.[0].message ?? '', /"4\.2" states a change with no unit/);
  });
});
