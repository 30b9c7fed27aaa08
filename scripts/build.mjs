// Bundles the extension, the language server and the CLI with esbuild.
// Type-checking is tsc -b's job (see the "build" script); this only bundles.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's worker threads load this file from beside dist/cli.js.
  { entryPoints: ['server/src/cliWorker.ts'], outfile: 'dist/cliWorker.js' },
  { entryPoints: ['server/src/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
];
// The workbench webviews' scripts and stylesheet run in the page: one self-contained file each.
const webviewEntries = {
  entryPoints: ['client/webview/figuresTable.ts', 'client/webview/compare.ts', 'client/webview/talkShare.ts', 'client/webview/webview.css'],
  outdir: 'dist/webview',
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
};
entries.push(webviewEntries);

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
  console.log('esbuild: watching client/src and server/src');
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
