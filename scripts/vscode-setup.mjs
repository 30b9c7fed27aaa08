#!/usr/bin/env node
// Makes a real VS Code available on a machine that reaches only npm and Debian apt:
// Debian's chromium (plus ripgrep and kerberos headers) and code-server 4.100.3
// (= VS Code 1.100.3, the last build on Node 20) in the git-ignored cache .vscode-test/.
// Idempotent: a marker file records a finished install, so later runs return at once.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const codeServerVersion = '4.100.3';
export const cacheDir = join(projectRoot, '.vscode-test', 'code-server');
export const codeServerBin = join(cacheDir, 'node_modules', '.bin', 'code-server');
export const chromiumPath = '/usr/bin/chromium';
const markerFile = join(cacheDir, '.installed');
const vscodeDir = join(cacheDir, 'node_modules', 'code-server', 'lib', 'vscode');

function sh(command, args, cwd, { allowFailure = false, env = {} } = {}) {
  console.error(`[vscode-setup] ${cwd}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0 && !allowFailure) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
  }
  return result.status === 0;
}

/** Installs chromium, ripgrep and libkrb5-dev with apt-get when chromium is missing. */
function ensureSystemPackages() {
  if (existsSync(chromiumPath) && existsSync('/usr/bin/rg')) return;
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  sh('apt-get', ['update'], projectRoot, { env });
  sh('apt-get', ['install', '-y', 'chromium', 'ripgrep', 'libkrb5-dev'], projectRoot, { env });
}

/** Replaces a symbolic link so that reruns after a partial install do not fail. */
function link(target, path) {
  if (existsSync(path)) unlinkSync(path);
  symlinkSync(target, path);
}

/** Installs code-server into the cache by hand: its own install scripts fetch from the internet. */
function ensureCodeServer() {
  if (existsSync(markerFile) && readFileSync(markerFile, 'utf8').trim() === codeServerVersion) return;
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(join(cacheDir, 'package.json'))) {
    writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  }
  sh('npm', ['install', `code-server@${codeServerVersion}`, '--ignore-scripts', '--no-audit', '--no-fund'], cacheDir, {
    env: { npm_config_unsafe_perm: 'true' },
  });
  sh('npm', ['rebuild', 'argon2'], cacheDir);
  sh('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir);
  const ripgrepBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(ripgrepBin, { recursive: true });
  copyFileSync('/usr/bin/rg', join(ripgrepBin, 'rg'));
  // node-pty's post-step may fail although pty.node is built, so failure is tolerated here.
  sh('npm', ['rebuild', 'kerberos', '@vscode/deviceid', '@vscode/spdlog', 'native-watchdog', 'node-pty'], vscodeDir, { allowFailure: true });
  link('node_modules', join(vscodeDir, 'node_modules.asar'));
  link('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  sh('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], join(vscodeDir, 'extensions'));
  writeFileSync(markerFile, `${codeServerVersion}\n`);
}

/** Ensures chromium and code-server are installed; quick when they already are. */
export function ensureVsCode() {
  ensureSystemPackages();
  ensureCodeServer();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureVsCode();
  console.log(`code-server ${codeServerVersion} ready at ${codeServerBin}`);
}
