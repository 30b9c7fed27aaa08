#!/usr/bin/env node
// Runs the in-editor suite (out/test/editor/index.js) inside a real VS Code: code-server
// from the cache, driven by headless Debian chromium through playwright-core. It prepares a
// temporary workspace (the seed texts plus our own files), collects the results file the
// suite writes, takes screenshots (into test-results/, or media/ with --screenshots), reloads
// the window for the suite's second phase (*.reload.test.js), and ends with "editor: N passed, M failed".
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureBuilt, prepareWorkspace } from './editor-workspace.mjs';
import { prepareUserData, freePort, startCodeServer, stopProcessGroup, waitUntilServing } from './code-server.mjs';
import { chromiumPath, ensureVsCode, projectRoot } from './vscode-setup.mjs';

const SUITE_TIMEOUT_MS = 6 * 60_000;
const SCREENSHOTS = ['outline', 'roster', 'hover', 'highlight-light', 'highlight-dark', 'annotations', 'figures-table', 'compare-metrics', 'talk-share-light', 'talk-share-dark'];
/** An empty stretch of the title bar, where the pointer shows no tooltip or hover. */
const PARKING = { x: 200, y: 10 };
// npm test photographs into the git-ignored test-results/; npm run screenshots (--screenshots)
// refreshes the README's pictures in media/ on purpose.
const refreshMedia = process.argv.includes('--screenshots');
const mediaDir = refreshMedia ? join(projectRoot, 'media') : join(projectRoot, 'test-results', 'screenshots');

function log(message) {
  console.error(`[test-editor] ${message}`);
}

function finish(passed, failed, code) {
  console.log(`editor: ${passed} passed, ${failed} failed`);
  process.exit(code);
}

/** Collapses a sidebar pane by clicking its header, when it is expanded. */
async function collapsePane(page, title) {
  const header = page.locator('#workbench\\.parts\\.sidebar .pane-header.expanded', { hasText: title }).first();
  if (await header.count()) await header.click({ position: { x: 40, y: 10 } });
}

/** Drags the sash at the sidebar's right edge so long speaker names and roles fit. */
async function widenSidebar(page, pixels) {
  const box = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (!box) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 1 + pixels, y, { steps: 8 });
  await page.mouse.up();
  // Parks the pointer on an empty stretch of the title bar so the sash highlight and hovers do not show.
  await page.mouse.move(PARKING.x, PARKING.y);
}

/** Expands a speaker in the roster view by clicking it, as a reader would. */
async function expandSpeaker(page, speaker) {
  const row = page.locator('#workbench\\.parts\\.sidebar .monaco-list-row[aria-expanded="false"]', { hasText: speaker }).first();
  if (await row.count()) await row.click();
  await page.mouse.move(PARKING.x, PARKING.y);
}

/** The sidebar layout each picture needs, arranged before it is taken. */
const arrange = {
  outline: async (page) => {
    await collapsePane(page, /^\s*workspace/i);
    await widenSidebar(page, 220);
  },
  roster: async (page) => {
    await collapsePane(page, /^\s*outline/i);
    // The chief financial officer of the picture call (test/editor/workspace/quillfield-q2-fy2026.txt).
    await expandSpeaker(page, 'Declan Furukawa');
  },
  annotations: async (page) => {
    // The tests open the Workspace pane again; the Annotations view gets its room.
    await collapsePane(page, /^\s*workspace/i);
    await collapsePane(page, /^\s*outline/i);
    await collapsePane(page, /^\s*speakers/i);
    await waitForAnnotationPassages(page);
  },
};

/**
 * Waits until the Annotations view, given its room, draws a passage under every tag (each tag
 * holds at least one). The view has been left with tags drawn open but empty; a person would
 * collapse them all and open each again, which asks the extension for their children anew.
 */
async function waitForAnnotationPassages(page) {
  const pane = page.locator('#workbench\\.parts\\.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /^\s*annotations/i }) });
  const rows = (level) => pane.locator(`.monaco-list-row[aria-level="${level}"]`);
  const drawn = async (timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [tags, passages] = [await rows(1).count(), await rows(3).count()];
      if (tags > 0 && passages >= tags) return { tags, passages, done: true };
      if (Date.now() > deadline) return { tags, passages, done: false };
      await page.waitForTimeout(200);
    }
  };
  if ((await drawn(3000)).done) return;
  log('the Annotations view drew tags without their passages: opening them again');
  await pane.locator('.pane-header').hover();
  await pane.locator('.pane-header .action-label[aria-label^="Collapse All"]').click();
  await page.waitForTimeout(300);
  // Tags first, then the files under them (Collapse All closed those too).
  for (const level of [1, 2]) {
    const collapsed = pane.locator(`.monaco-list-row[aria-level="${level}"][aria-expanded="false"]`);
    for (let opened = 0; opened < 40 && (await collapsed.count()) > 0; opened++) {
      await collapsed.first().locator('.monaco-tl-twistie').click();
      await page.waitForTimeout(300);
    }
  }
  await page.mouse.move(PARKING.x, PARKING.y);
  // Back to the editor, as the suite left it (Ctrl+1 focuses the first editor group).
  await page.keyboard.press('Control+1');
  const { tags, passages, done } = await drawn(5000);
  if (!done) throw new Error(`the Annotations view drew ${passages} passages under ${tags} tags`);
}

/** Photographs the page whenever the suite asks for a picture, until the suite is done. */
async function serveScreenshots(page, requestDir) {
  for (const name of SCREENSHOTS) {
    const request = join(requestDir, `${name}.request`);
    if (!existsSync(request)) continue;
    unlinkSync(request);
    await arrange[name]?.(page).catch((error) => log(`arranging ${name}: ${error.message}`));
    await page.waitForTimeout(600);
    // Focus changes can scroll the workbench's containers by a few pixels (the row of the
    // sidebar and editors slides under the title bar); a person sees them at rest. Only
    // containers that hide their overflow are reset: the workbench scrolls none of them itself.
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('html, body, .monaco-workbench, .monaco-workbench *')) {
        if (element.scrollTop === 0 && element.scrollLeft === 0) continue;
        const { overflowX, overflowY } = getComputedStyle(element);
        if (element.matches('html, body, .monaco-workbench') || (overflowX === 'hidden' && overflowY === 'hidden')) {
          element.scrollTop = 0;
          element.scrollLeft = 0;
        }
      }
    });
    await page.screenshot({ path: join(mediaDir, `${name}.png`) });
    writeFileSync(join(requestDir, `${name}.done`), 'ok');
    log(`screenshot ${join(mediaDir, `${name}.png`)}`);
  }
}

/**
 * Answers the suite's questions about what the workbench shows: for each NAME.query file
 * (a CSS selector), writes NAME.answer with the visible text of every matching element.
 */
async function serveQueries(page, requestDir) {
  for (const file of readdirSync(requestDir).filter((name) => name.endsWith('.query'))) {
    const request = join(requestDir, file);
    const selector = readFileSync(request, 'utf8');
    unlinkSync(request);
    const texts = await page.locator(selector).allInnerTexts().catch((error) => [`query failed: ${error.message}`]);
    // Written whole and then renamed, so the suite never reads half an answer.
    const answer = join(requestDir, file.replace(/\.query$/, '.answer'));
    writeFileSync(`${answer}.partial`, JSON.stringify(texts));
    renameSync(`${answer}.partial`, answer);
  }
}

/** True when the compiled suite has tests that run after a window reload. */
function hasReloadPhase() {
  const directory = join(projectRoot, 'out', 'test', 'editor');
  return existsSync(directory) && readdirSync(directory).some((name) => name.endsWith('.reload.test.js'));
}

async function main() {
  ensureVsCode();
  ensureBuilt();
  const temp = mkdtempSync(join(tmpdir(), 'transcript-lens-editor-'));
  const folder = join(temp, 'workspace');
  const userDataDir = join(temp, 'user-data');
  const extensionsDir = join(temp, 'extensions');
  const requestDir = join(temp, 'screenshots');
  const resultsFile = join(temp, 'results.json');
  // The suite's second phase (test/editor/*.reload.test.ts) runs after a real window reload.
  const reloadMarker = join(temp, 'reloaded');
  mkdirSync(requestDir, { recursive: true });
  mkdirSync(mediaDir, { recursive: true });
  prepareWorkspace(folder);
  prepareUserData(userDataDir, {
    'outline.collapseItems': 'alwaysExpand',
    'workbench.colorTheme': 'Default Dark Modern',
    'editor.stickyScroll.enabled': false,
  });

  const port = await freePort();
  const codeServer = startCodeServer(
    { port, userDataDir, extensionsDir, folder },
    { env: { TRANSCRIPT_LENS_TEST_RESULTS: resultsFile, TRANSCRIPT_LENS_SCREENSHOT_DIR: requestDir, TRANSCRIPT_LENS_TEST_RELOAD_MARKER: reloadMarker } },
  );
  const codeServerLog = [];
  codeServer.stdout.on('data', (chunk) => codeServerLog.push(String(chunk)));
  codeServer.stderr.on('data', (chunk) => codeServerLog.push(String(chunk)));
  let browserServer;
  try {
    await waitUntilServing(port);
    log(`code-server ${codeServer.pid} on 127.0.0.1:${port}`);
    browserServer = await chromium.launchServer({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const browser = await chromium.connect(browserServer.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (message) => {
      const text = message.text();
      if (text.includes('[transcript-lens test]') || message.type() === 'error') log(`console: ${text.slice(0, 400)}`);
    });
    const base = `127.0.0.1:${port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${base}${projectRoot}`],
      ['extensionTestsPath', `vscode-remote://${base}${join(projectRoot, 'out', 'test', 'editor', 'index.js')}`],
    ]);
    await page.goto(`http://${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);

    const deadline = Date.now() + SUITE_TIMEOUT_MS;
    const waitForResults = async () => {
      while (!existsSync(resultsFile)) {
        if (Date.now() > deadline) throw new Error(`the in-editor suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes`);
        if (codeServer.exitCode !== null) throw new Error(`code-server exited with ${codeServer.exitCode}`);
        await serveScreenshots(page, requestDir);
        await serveQueries(page, requestDir);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return JSON.parse(readFileSync(resultsFile, 'utf8'));
    };
    const results = await waitForResults();
    if (hasReloadPhase()) {
      // Reloads the window as a person would; the suite starts again and runs its second phase.
      writeFileSync(reloadMarker, 'reloaded');
      unlinkSync(resultsFile);
      log('reloading the window for the second phase');
      await page.reload();
      const afterReload = await waitForResults();
      results.tests.push(...afterReload.tests);
      results.passed += afterReload.passed;
      results.failed += afterReload.failed;
    }
    for (const test of results.tests) {
      console.log(`${test.state === 'passed' ? '  ✓' : '  ✗'} ${test.title}`);
      if (test.error) console.log(`      ${test.error.split('\n').slice(0, 40).join('\n      ')}`);
    }
    const missing = SCREENSHOTS.filter((name) => !existsSync(join(requestDir, `${name}.done`)));
    if (missing.length) log(`screenshots not taken: ${missing.join(', ')}`);
    await browser.close();
    return results;
  } catch (error) {
    log(`code-server output:\n${codeServerLog.join('').slice(-4000)}`);
    throw error;
  } finally {
    const browserPid = browserServer?.process()?.pid;
    await browserServer?.close().catch(() => undefined);
    if (browserPid) {
      try {
        process.kill(browserPid, 'SIGKILL');
      } catch {
        // Already ended by close().
      }
    }
    await stopProcessGroup(codeServer.pid);
    rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (results) => finish(results.passed, results.failed, results.failed === 0 && results.passed > 0 ? 0 : 1),
  (error) => {
    log(String(error?.stack ?? error));
    finish(0, 1, 1);
  },
);
