#!/usr/bin/env node
// Installs Debian's neovim with apt-get when nvim is missing, as scripts/vscode-setup.mjs
// installs chromium, for the Neovim client test (test/nvim). Quick when it is installed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function hasNvim() {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function ensureNeovim() {
  if (hasNvim()) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'neovim']]) {
    console.error(`[nvim-setup] apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status}`);
  }
  if (!hasNvim()) throw new Error('neovim was installed but nvim does not run');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureNeovim();
  console.log(spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]);
}
