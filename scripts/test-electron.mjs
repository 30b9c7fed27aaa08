#!/usr/bin/env node
// Runs the same in-editor suite with @vscode/test-electron, which downloads a desktop VS Code:
// for machines with internet access. Offline machines use scripts/test-editor.mjs instead.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ensureBuilt, prepareWorkspace } from './editor-workspace.mjs';
import { projectRoot } from './vscode-setup.mjs';

ensureBuilt();
const folder = join(mkdtempSync(join(tmpdir(), 'transcript-lens-electron-')), 'workspace');
prepareWorkspace(folder);
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
