// Bundles the extension, the language server and the CLI with esbuild, for Node and for
// the web (dist/web: the extension for a browser editor's extension host and the server for
// a web worker). Type-checking is tsc -b's job (see the "build" script); this only bundles.
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Minified bundles load faster; the source maps beside them stay out of the .vsix (.vscodeignore).
  minify: !watch,
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/node.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's worker threads load this file from beside dist/cli.js.
  { entryPoints: ['server/src/cliWorker.ts'], outfile: 'dist/cliWorker.js' },
  { entryPoints: ['server/src/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // keepNames wraps every closure the engine creates in a call that names it, which costs the
  // index's threads about 15% of their time; their errors never reach a user's log by name.
  { entryPoints: ['server/src/indexWorker.ts'], outfile: 'dist/indexWorker.js', keepNames: false },
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

const NODE_BUILTIN = new RegExp(`^(node:.*|(${builtinModules.map((name) => name.replace(/[/]/g, '\\/')).join('|')})(/.*)?)$`);
/** Fails a web build that imports a Node built-in: a browser has none, and esbuild would otherwise stub some silently. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: NODE_BUILTIN }, (args) => ({
      errors: [{ text: `"${args.path}" is a Node built-in, imported by ${args.importer}; the web bundles must not use Node.` }],
    }));
  },
};
const web = { platform: 'browser', target: 'es2022', plugins: [noNodeBuiltins], define: { 'process.env.NODE_ENV': '"production"' } };
entries.push(
  // The extension host of a browser editor loads CommonJS with vscode provided.
  { ...web, entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
  { ...web, entryPoints: ['server/src/browser.ts'], outfile: 'dist/web/server.js', format: 'iife' },
);

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
  console.log('esbuild: watching client/src and server/src');
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
