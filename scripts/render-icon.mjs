#!/usr/bin/env node
// Renders media/icon.svg to media/icon.png (128×128, the Marketplace's size) with headless
// Chromium, so the icon's source stays an editable drawing: node scripts/render-icon.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, projectRoot } from './vscode-setup.mjs';

const svg = readFileSync(join(projectRoot, 'media', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(projectRoot, 'media', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('media/icon.png written');
