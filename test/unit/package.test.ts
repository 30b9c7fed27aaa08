// The .vsix holds only what runs: `vsce ls` (what `vsce package` would pack) lists the
// bundles, the manifest and its translations, README, CHANGELOG, LICENSE, the icon, the
// language configuration, grammar and schemas; no screenshots, source maps or sources.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const ALLOWED = [
  /^dist\/.+\.(js|css)$/,
  /^package\.json$/,
  /^package\.nls(\.[a-z-]+)?\.json$/,
  /^l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^media\/icon\.png$/,
  /^language-configuration\.json$/,
  /^syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^schemas\/[\w.-]+\.schema\.json$/,
];

describe('package contents (vsce ls)', function () {
  this.timeout(60_000);
  let listed: string[] = [];
  before(function () {
    assert.ok(existsSync(join(root, 'dist', 'extension.js')), 'dist/ is not built: run npm run build first');
    const output = execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    listed = output.split('\n').map((line) => line.trim()).filter(Boolean);
  });

  it('lists only files that run or describe the extension', () => {
    assert.deepEqual(listed.filter((file) => !ALLOWED.some((pattern) => pattern.test(file))), []);
  });
  it('holds no screenshot, source map or source file', () => {
    assert.deepEqual(listed.filter((file) => /^media\/(?!icon\.png$)|\.map$|\.ts$|^(client|server|test|scripts|fixtures)\//.test(file)), []);
  });
  it('holds everything package.json points at', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const wanted = [
      manifest.main, manifest.browser, manifest.icon, manifest.bin['transcript-lens'], 'README.md', 'CHANGELOG.md', 'LICENSE',
      // The servers the two entries start, the Node server's analysis and index threads, the CLI's worker threads and the webviews' scripts.
      'dist/server.js', 'dist/web/server.js', 'dist/analysisWorker.js', 'dist/indexWorker.js', 'dist/cliWorker.js', 'dist/webview/figuresTable.js', 'dist/webview/webview.css',
      ...manifest.contributes.languages.map((language: { configuration: string }) => language.configuration),
      ...manifest.contributes.grammars.map((grammar: { path: string }) => grammar.path),
      ...manifest.contributes.jsonValidation.map((validation: { url: string }) => validation.url),
    ].map((path: string) => path.replace(/^\.\//, ''));
    assert.deepEqual(wanted.filter((path) => !listed.includes(path)), []);
  });
  it('has the Marketplace fields', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    for (const field of ['icon', 'repository', 'bugs', 'homepage', 'galleryBanner', 'license', 'publisher']) assert.ok(manifest[field], field);
  });
});
