#!/usr/bin/env node
// Runs the same in-editor suite with @vscode/test-electron, which downloads a desktop VS Code:
// for machines with internet access. Offline machines use scripts/test-editor.mjs instead.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { projectRoot } from './vscode-setup.mjs';

const SEEDS = ['000_591509aa8db88663.txt', '001_ffe9e4b71d87f3c5.txt'];

if (!existsSync(join(projectRoot, 'out', 'test', 'editor', 'index.js')) || !existsSync(join(projectRoot, 'dist', 'extension.js'))) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const folder = mkdtempSync(join(tmpdir(), 'transcript-lens-electron-'));
for (const seed of SEEDS) copyFileSync(join(projectRoot, '..', 'shared', 'corpus', seed), join(folder, seed));
const ownFiles = join(projectRoot, 'test', 'editor', 'workspace');
for (const name of readdirSync(ownFiles)) copyFileSync(join(ownFiles, name), join(folder, name));
// Kept outside the workspace so the speaker index never walks VS Code's own files.
const userDataDir = mkdtempSync(join(tmpdir(), 'transcript-lens-electron-user-'));

try {
  await runTests({
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: join(projectRoot, 'out', 'test', 'editor', 'index.js'),
    launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', userDataDir],
  });
  console.log('in-editor tests passed (VS Code desktop)');
} catch (error) {
  console.error(`in-editor tests failed: ${error}`);
  process.exit(1);
}
