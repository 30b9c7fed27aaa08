#!/usr/bin/env node
// Runs the web extension (package.json "browser": dist/web/extension.js and its web-worker
// server dist/web/server.js) in a real browser VS Code: code-server from the cache with a
// copy of the extension that has no Node entry, so only the web worker extension host can
// run it. A transcript with an unreadable figure is opened; the checks pass when the status
// bar shows the server's turn and figure counts, the Problems count shows its warning, and a
// speaker of a file never opened is found by workspace symbol search (the worker read it
// through the client's vscode.workspace.fs).
// Ends with "web editor: N passed, M failed".
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, prepareUserData, startCodeServer, stopProcessGroup, waitUntilServing } from './code-server.mjs';
import { chromiumPath, ensureVsCode, projectRoot } from './vscode-setup.mjs';

const WAIT_MS = 90_000;
const results = { passed: 0, failed: 0 };

function check(title, ok, detail = '') {
  results[ok ? 'passed' : 'failed']++;
  console.error(`[test-web-editor] ${ok ? 'ok  ' : 'FAIL'} ${title}${ok || !detail ? '' : `: ${detail}`}`);
}

/** A browser-only copy of the extension: the manifest without "main", the web bundles and the static contributions. */
function browserOnlyExtension(extensionsDir) {
  const folder = join(extensionsDir, 'transcript-lens.transcript-lens-web-0.1.0');
  mkdirSync(join(folder, 'dist'), { recursive: true });
  cpSync(join(projectRoot, 'dist', 'web'), join(folder, 'dist', 'web'), { recursive: true });
  for (const part of ['language-configuration.json', 'syntaxes', 'schemas']) cpSync(join(projectRoot, part), join(folder, part), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  delete manifest.main;
  manifest.name = 'transcript-lens-web';
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
}

const CALL = `Ostrava Gearworks Q2 2026 Earnings Call

### **Operator**

Welcome to the Ostrava Gearworks second quarter call.

### **Ilse Marek** -- Chief Financial Officer

Revenue was EUR 412 million, up 6% year over year. Service income showed a 7.3 year-on-year increase.

### **Tomas Veld** -- Analyst

How did pricing develop?
`;

/** Never opened: only the workspace index, reading files through the client, knows this speaker. */
const OTHER_CALL = `Ostrava Gearworks Q1 2026 Earnings Call

### **Zofia Brandler** -- Chief Executive Officer

Orders held up well in the quarter.
`;

ensureVsCode();
const base = mkdtempSync(join(tmpdir(), 'transcript-lens-web-'));
const extensionsDir = join(base, 'extensions');
const workspace = join(base, 'workspace');
mkdirSync(workspace, { recursive: true });
writeFileSync(join(workspace, 'q2-call.transcript'), CALL);
writeFileSync(join(workspace, 'q1-call.transcript'), OTHER_CALL);
browserOnlyExtension(extensionsDir);
const userDataDir = join(base, 'user');
prepareUserData(userDataDir);
const port = await freePort();
const server = startCodeServer({ port, userDataDir, extensionsDir, folder: workspace });
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await waitUntilServing(port);
  const page = await browser.newPage();
  const activationErrors = [];
  page.on('console', (message) => {
    if (/Activating extension .*transcript-lens.* failed/i.test(message.text())) activationErrors.push(message.text());
  });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: WAIT_MS });
  await page.locator('.explorer-folders-view').waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ timeout: WAIT_MS });
  await page.keyboard.type('q2-call.transcript');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'q2-call.transcript' }).first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  const statusBar = page.locator('.statusbar');
  const counted = await statusBar.getByText(/\d+ turns/).first().waitFor({ timeout: WAIT_MS }).then(() => true, () => false);
  const status = (await statusBar.innerText().catch(() => '')).replace(/\s+/g, ' ');
  check('the web extension activates in the web worker extension host', activationErrors.length === 0, activationErrors.join('; '));
  check('the web-worker server answers: the status bar counts turns and figures', counted && /3 turns/.test(status) && /\d+ figures/.test(status), status);
  const warned = await page.locator('#status\\.problems').filter({ hasText: /[1-9]/ }).waitFor({ timeout: WAIT_MS }).then(() => true, () => false);
  check('the server\'s diagnostics reach the Problems count', warned, (await page.locator('#status\\.problems').innerText().catch(() => '')).replace(/\s+/g, ' '));
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ timeout: WAIT_MS });
  await page.keyboard.type('#Zofia');
  const indexed = await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Zofia Brandler' }).first().waitFor({ timeout: WAIT_MS }).then(() => true, () => false);
  check('the workspace index reads unopened files through the client\'s vscode.workspace.fs', indexed);
  await page.keyboard.press('Escape');
} catch (error) {
  check('the web extension run', false, String(error));
} finally {
  await browser.close();
  await stopProcessGroup(server.pid);
  rmSync(base, { recursive: true, force: true });
}
console.log(`web editor: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
