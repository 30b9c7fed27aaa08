#!/usr/bin/env node
// npm run score: the shared scorer on the seed corpus, run against our CLI, with the
// accuracy goals of the issues beside what was measured. Extra arguments (--verbose) are
// passed to the scorer.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
const scorer = join(shared, 'tools', 'score.mjs');
const corpus = join(shared, 'corpus');

if (!existsSync(scorer) || !existsSync(corpus)) {
  console.log(`npm run score: ${relative(root, shared)} is absent here (no ${relative(root, scorer)} or ${relative(root, corpus)}), so there is nothing to score against.`);
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const cli = JSON.stringify(join(root, 'dist', 'cli.js'));
const result = spawnSync(process.execPath, [scorer, '--gold', corpus, '--cmd', `node ${cli} analyze {file} --json`, ...process.argv.slice(2)], {
  cwd: root,
  encoding: 'utf8',
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
if (result.status !== 0) process.exit(result.status ?? 1);

const number = (pattern) => {
  const match = result.stdout.match(pattern);
  return match ? Number(match[1]) : NaN;
};
const goals = [
  ['turn precision', number(/turnsP=([\d.]+)/), '>=', 99],
  ['turn recall', number(/turnsR=([\d.]+)/), '>=', 99],
  ['roles', number(/roles ([\d.]+)%/), '>=', 97],
  ['figures', number(/figures=([\d.]+)/), '>=', 97],
  ['metric figures', number(/metric=([\d.]+)/), '>=', 97],
  ['false diagnostics', number(/falseDiags=(\d+)/), '<=', 2],
];
console.log('\n| measure | measured | goal | met |\n| --- | --- | --- | --- |');
for (const [name, value, op, goal] of goals) {
  const met = op === '>=' ? value >= goal : value <= goal;
  console.log(`| ${name} | ${Number.isNaN(value) ? 'not printed' : value} | ${op} ${goal} | ${met ? 'yes' : 'no'} |`);
}
