#!/usr/bin/env node
// The equality harness for a new reader: the analysis of this checkout's compiled engine
// (out/server/src/engine) against another compiled engine (`--baseline DIR`, e.g. a build of
// main, DIR/index.js) over the seed corpus (../shared/corpus), our fixtures, the Earnings-21
// set (../shared/corpus-earnings21) and the fuzz corpus (cases of every fuzz generator),
// with the same options. Any difference is printed with its file and first differing field;
// the exit code is the number of texts that differ (0: identical output everywhere).
//   node scripts/equality.mjs --baseline /path/to/other/out/server/src/engine [--fuzz N]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const baselineDir = argument('--baseline', null);
if (!baselineDir) {
  console.error('usage: node scripts/equality.mjs --baseline DIR [--fuzz N]  (DIR holds a compiled engine index.js)');
  process.exit(2);
}
const current = require(join(root, 'out', 'server', 'src', 'engine', 'index.js'));
const baseline = require(resolve(baselineDir, 'index.js'));
const fuzz = require(join(root, 'out', 'test', 'unit', 'fuzz.test.js'));
const fuzzCases = Number(argument('--fuzz', 500));

function textFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(txt|md|vtt|transcript)$/.test(name) ? [path] : [];
  });
}

/** The first path where two values differ, for a readable report. */
function firstDifference(a, b, path = '') {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 160)} vs ${JSON.stringify(b)?.slice(0, 160)}`;
}

const cases = [
  ...[join(root, '..', 'shared', 'corpus'), join(root, 'fixtures'), join(root, '..', 'shared', 'corpus-earnings21')]
    .flatMap(textFiles).map((path) => ({ name: path, text: readFileSync(path, 'utf8'), options: {} })),
];
const fixtures = fuzz.fixtureTexts(root);
for (let i = 0; i < fuzzCases; i++) {
  const generator = fuzz.GENERATORS[i % fuzz.GENERATORS.length];
  const fuzzCase = fuzz.makeCase(fuzz.caseSeed(1212, i), generator, fixtures);
  cases.push({ name: `fuzz ${generator} seed ${fuzzCase.seed}`, text: fuzzCase.text, options: fuzzCase.options });
}
let differing = 0;
for (const { name, text, options } of cases) {
  const difference = firstDifference(current.analyze(text, options), baseline.analyze(text, options));
  if (difference) {
    differing++;
    if (differing <= 20) console.log(`differs: ${name}\n  ${difference}`);
  }
}
console.log(`equality: ${cases.length - differing}/${cases.length} texts give identical analyses (${cases.length - fuzzCases} files, ${fuzzCases} fuzz cases)`);
process.exit(Math.min(differing, 100));
