#!/usr/bin/env node
// npm test: installs what is missing, builds, and runs every tier of tests in one go:
// unit and golden tests of the engine, grammar tests, protocol tests against the bundled
// server, Neovim's LSP client against it, the web-worker server in headless Chromium, the web
// extension in code-server's web worker extension host, and the in-editor suite in a real VS
// Code. Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const only = process.argv.slice(2);
const wants = (tier) => only.length === 0 || only.includes(tier);

function run(title, command, args, { capture = false, env = {} } = {}) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, {
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (capture && result.stdout) process.stdout.write(result.stdout);
  if (result.error) throw result.error;
  return { status: result.status ?? 1, stdout: result.stdout ?? '' };
}

/** npm ci when node_modules is missing or older than the lock file. */
function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  const { status } = run('installing dependencies (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
  if (status !== 0) fail('npm ci failed');
}

function fail(message) {
  console.error(`\nnpm test: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, pending: 0 };
const failedTiers = [];

/** Runs a mocha tier and adds its counts; mocha's own summary lines are read for them. */
function mochaTier(title, files, extra = []) {
  const { status, stdout } = run(title, process.execPath, [join('node_modules', 'mocha', 'bin', 'mocha.js'), ...extra, ...files], { capture: true });
  const count = (word) => Number((stdout.match(new RegExp(`(\\d+) ${word}`)) ?? [0, 0])[1]);
  const passed = count('passing');
  const failed = count('failing');
  const pending = count('pending');
  totals.passed += passed;
  totals.failed += failed;
  totals.pending += pending;
  if (status !== 0 || failed > 0 || passed === 0) {
    failedTiers.push(title);
    if (failed === 0) totals.failed += 1;
  }
}

ensureDependencies();
if (run('build (tsc -b and esbuild)', 'npm', ['run', 'build']).status !== 0) fail('the build failed');

if (wants('unit')) mochaTier('unit and golden tests', ['out/test/unit/**/*.test.js', 'out/test/golden/**/*.test.js']);
if (wants('grammar') && existsSync(join(root, 'scripts', 'test-grammar.mjs'))) {
  const { status, stdout } = run('grammar tests', process.execPath, ['scripts/test-grammar.mjs'], { capture: true });
  const match = stdout.match(/(\d+) passed, (\d+) failed/);
  totals.passed += match ? Number(match[1]) : 0;
  totals.failed += match ? Number(match[2]) : 1;
  if (status !== 0) failedTiers.push('grammar tests');
}
if (wants('protocol')) mochaTier('protocol tests (bundled server over stdio)', ['out/test/protocol/**/*.test.js'], ['--timeout', '30000']);
if (wants('nvim')) {
  // Debian's neovim is installed on the first run, as chromium is for the in-editor tier.
  if (run('installing neovim when missing', process.execPath, ['scripts/nvim-setup.mjs']).status !== 0) {
    failedTiers.push('Neovim client test');
    totals.failed += 1;
  } else {
    mochaTier('Neovim client test (headless nvim against the stdio server)', ['out/test/nvim/**/*.test.js'], ['--timeout', '90000']);
  }
}
if (wants('browser')) mochaTier('browser tests (web-worker server bundle in headless Chromium)', ['out/test/browser/**/*.test.js'], ['--timeout', '60000']);
if (wants('web-editor')) {
  const { status, stdout } = run('web extension in a browser VS Code (code-server, web worker extension host)', process.execPath, ['scripts/test-web-editor.mjs'], { capture: true });
  const match = stdout.match(/web editor: (\d+) passed, (\d+) failed/);
  totals.passed += match ? Number(match[1]) : 0;
  totals.failed += match ? Number(match[2]) : 1;
  if (status !== 0 || !match) failedTiers.push('web extension in code-server');
}
if (wants('editor')) {
  const { status, stdout } = run('in-editor tests (real VS Code in code-server)', process.execPath, ['scripts/test-editor.mjs'], { capture: true });
  const match = stdout.match(/editor: (\d+) passed, (\d+) failed/);
  totals.passed += match ? Number(match[1]) : 0;
  totals.failed += match ? Number(match[2]) : 1;
  if (status !== 0 || !match) failedTiers.push('in-editor tests');
}

console.log('');
if (failedTiers.length) console.log(`failed tiers: ${failedTiers.join(', ')}`);
if (totals.pending) console.log(`${totals.pending} pending tests are not counted as passed`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedTiers.length || totals.failed ? 1 : 0);
