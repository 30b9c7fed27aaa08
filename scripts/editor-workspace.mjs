// What both runners of the in-editor suite (code-server and Electron) need: a build, and the
// workspace the suite opens: copies of every seed text, our own test files and fixtures,
// made at test time only.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { projectRoot } from './vscode-setup.mjs';

export const SEEDS = ['000_591509aa8db88663.txt', '001_ffe9e4b71d87f3c5.txt'];
export const corpusDir = join(projectRoot, '..', 'shared', 'corpus');

function listFiles(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export function prepareWorkspace(folder) {
  if (!existsSync(join(corpusDir, SEEDS[0]))) throw new Error(`the seeds are missing from ${corpusDir}`);
  mkdirSync(folder, { recursive: true });
  // Every seed text, so the suite can show that each one opens as a transcript by itself.
  for (const seed of readdirSync(corpusDir).filter((name) => name.endsWith('.txt'))) copyFileSync(join(corpusDir, seed), join(folder, seed));
  for (const file of listFiles(join(projectRoot, 'test', 'editor', 'workspace'))) copyFileSync(file, join(folder, basename(file)));
  const fixturesDir = join(projectRoot, 'fixtures');
  for (const file of listFiles(fixturesDir).filter((path) => /\.(txt|md)$/.test(path))) {
    const target = join(folder, 'fixtures', relative(fixturesDir, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/** Builds when the bundles or the compiled suite are missing, so a runner works standalone. */
export function ensureBuilt() {
  const needed = ['dist/extension.js', 'dist/server.js', 'out/test/editor/index.js'];
  if (needed.every((file) => existsSync(join(projectRoot, file)))) return;
  console.error('[editor tests] building (npm run build)');
  const result = spawnSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('npm run build failed');
}
