#!/usr/bin/env node
// npm start: builds, packages the extension as dist/transcript-lens.vsix and opens sample
// transcripts (our fixtures/ and, when present, ../shared/corpus) in VS Code with it
// installed: the user's own `code` when it is on PATH, otherwise the browser VS Code
// (code-server from the cache) on 127.0.0.1, running until Ctrl-C.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, prepareUserData, startCodeServer, stopProcessGroup, waitUntilServing } from './code-server.mjs';
import { codeServerBin, ensureVsCode, projectRoot } from './vscode-setup.mjs';

const vsixPath = join(projectRoot, 'dist', 'transcript-lens.vsix');
const stateDir = join(projectRoot, '.vscode-test', 'start');

function step(title, command, args, options = {}) {
  console.log(`\n> ${title}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`npm start: ${title} failed`);
    process.exit(1);
  }
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Folders with sample transcripts: ours always, the shared corpus when it sits beside the repo. */
function sampleFolders() {
  const corpus = join(projectRoot, '..', 'shared', 'corpus');
  return [join(projectRoot, 'fixtures'), ...(existsSync(corpus) ? [corpus] : [])];
}

function buildAndPackage() {
  if (!existsSync(join(projectRoot, 'node_modules'))) step('installing dependencies', 'npm', ['ci', '--no-audit', '--no-fund']);
  step('building', 'npm', ['run', 'build']);
  // The same package a release publishes (README: Publishing); vsce works offline.
  step('packaging dist/transcript-lens.vsix', 'npm', ['run', 'package'], { stdio: ['ignore', 'inherit', 'inherit'] });
}

function openInDesktopCode(folders) {
  step('installing the extension into VS Code', 'code', ['--install-extension', vsixPath, '--force']);
  step('opening the sample transcripts', 'code', ['--new-window', ...folders]);
  console.log('\nVS Code is open with Transcript Lens installed.');
}

/** A multi-root workspace file, since code-server opens one folder or one workspace. */
function writeSamplesWorkspace(folders) {
  const workspaceFile = join(stateDir, 'samples.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({ folders: folders.map((path) => ({ path })) }, null, 2));
  return workspaceFile;
}

async function openInCodeServer(folders) {
  ensureVsCode();
  const userDataDir = join(stateDir, 'user-data');
  const extensionsDir = join(stateDir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  prepareUserData(userDataDir);
  step('installing the extension into the browser VS Code', codeServerBin, [
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsixPath, '--force',
  ]);
  const port = Number(process.env.PORT) || (await freePort());
  const workspaceFile = writeSamplesWorkspace(folders);
  const server = startCodeServer({ port, userDataDir, extensionsDir, folder: workspaceFile }, { stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = async () => {
    await stopProcessGroup(server.pid);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => {
    console.error(`code-server exited (${code})`);
    process.exit(code ?? 1);
  });
  await waitUntilServing(port);
  console.log(`\nTranscript Lens is running in VS Code for the browser: http://127.0.0.1:${port}/`);
  console.log('Open that address in a browser. Press Ctrl-C to stop.');
}

mkdirSync(stateDir, { recursive: true });
buildAndPackage();
const folders = sampleFolders();
if (onPath('code') && !process.env.TRANSCRIPT_LENS_BROWSER) openInDesktopCode(folders);
else await openInCodeServer(folders);
