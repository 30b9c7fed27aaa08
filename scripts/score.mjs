#!/usr/bin/env node
// npm run score: in one run, the shared scorer on the seeds (../shared/corpus) and on
// Earnings-21 (../shared/corpus-earnings21), then metric, change and qualifier attribution as
// precision and coverage (scripts/attribution.mjs) on the seeds and our own fixtures/metrics,
// each measure beside the goal the issues set and whether it is met.
//
//   npm run score [-- --verbose] [-- --strict]
// --verbose passes through to the scorer and lists every attribution disagreement;
// --strict exits with status 1 when a goal is not met.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverage, describeDisagreement, loadGlossary, measureAttribution, precision } from './attribution.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The shared corpora beside the project; TRANSCRIPT_LENS_SHARED points elsewhere.
const shared = process.env.TRANSCRIPT_LENS_SHARED || join(root, '..', 'shared');
const scorer = join(shared, 'tools', 'score.mjs');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const strict = args.includes('--strict');
const show = (path) => (relative(root, path).startsWith(join('..', '..')) ? path : relative(root, path));

if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'out'))) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Every goal measured in this run, and what could not be scored, for the closing verdict. */
const results = [];
const notScored = [];

function printGoals(title, goals) {
  console.log(`\n${title}\n\n| measure | measured | goal | met |\n| --- | --- | --- | --- |`);
  for (const { name, value, op, goal, shown } of goals) {
    const measured = Number.isNaN(value) ? null : value;
    const met = measured !== null && (op === '>=' ? measured >= goal : measured <= goal);
    results.push(met);
    console.log(`| ${name} | ${measured === null ? 'not measured' : (shown ?? measured)} | ${op} ${goal} | ${met ? 'yes' : 'no'} |`);
  }
}

/** The shared scorer on one corpus: its summary numbers and how many files it scored, or null when it cannot run. */
function runScorer(corpus) {
  const cli = JSON.stringify(join(root, 'dist', 'cli.js'));
  const result = spawnSync(process.execPath, [scorer, '--gold', corpus, '--cmd', `node ${cli} analyze {file} --json`, ...(verbose ? ['--verbose'] : [])], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const lines = result.stdout.trimEnd().split('\n');
  // The per-file lines are long on a large corpus: the totals always, everything with --verbose.
  console.log((verbose ? lines : lines.filter((line) => /^(?:turns|figures|diagnostics|SUMMARY|problem):/.test(line))).map((line) => `  ${line}`).join('\n'));
  if (result.stderr.trim()) console.error(result.stderr.trimEnd());
  if (result.status !== 0) {
    console.log(`  the scorer failed (status ${result.status}) on ${show(corpus)}`);
    return null;
  }
  const summary = lines.find((line) => line.startsWith('SUMMARY')) ?? '';
  const number = (key) => {
    const match = summary.match(new RegExp(`\\b${key}=([\\d.]+)`));
    return match ? Number(match[1]) : NaN;
  };
  const files = readdirSync(corpus).filter((name) => name.endsWith('.gold.json')).length;
  return { number, files };
}

const corpora = [
  {
    title: 'Seeds (../shared/corpus): they stay at 100%',
    dir: join(shared, 'corpus'),
    goals: (s) => [
      { name: 'turn precision', value: s.number('turnsP'), op: '>=', goal: 100 },
      { name: 'turn recall', value: s.number('turnsR'), op: '>=', goal: 100 },
      { name: 'roles', value: s.number('roles'), op: '>=', goal: 100 },
      { name: 'figures', value: s.number('figures'), op: '>=', goal: 100 },
      { name: 'metric figures', value: s.number('metric'), op: '>=', goal: 100 },
      { name: 'false diagnostics', value: s.number('falseDiags'), op: '<=', goal: 0 },
    ],
  },
  {
    title: 'Earnings-21 (../shared/corpus-earnings21)',
    dir: join(shared, 'corpus-earnings21'),
    goals: (s) => {
      const perCall = s.number('falseDiags') / s.files;
      return [
        { name: 'turn precision', value: s.number('turnsP'), op: '>=', goal: 99 },
        { name: 'turn recall', value: s.number('turnsR'), op: '>=', goal: 99 },
        { name: 'measure figures (the scorer\'s "metric")', value: s.number('metric'), op: '>=', goal: 97 },
        { name: 'false diagnostics per call', value: perCall, op: '<=', goal: 1, shown: `${perCall.toFixed(2)} (${s.number('falseDiags')} in ${s.files} calls)` },
      ];
    },
  },
];

if (!existsSync(shared)) {
  console.log(`npm run score: ${show(shared)} is absent here, so the seeds and Earnings-21 cannot be scored; only our own fixtures are.`);
  notScored.push('the seeds', 'Earnings-21');
} else if (!existsSync(scorer)) {
  console.log(`npm run score: the shared scorer ${show(scorer)} is absent, so the seeds and Earnings-21 cannot be scored.`);
  notScored.push('the seeds', 'Earnings-21');
} else {
  for (const corpus of corpora) {
    console.log(`\n${corpus.title}`);
    if (!existsSync(corpus.dir)) {
      console.log(`  ${show(corpus.dir)} is absent: not scored.`);
      notScored.push(corpus.title);
      continue;
    }
    const scored = runScorer(corpus.dir);
    if (scored) printGoals(`${corpus.title}: goals`, corpus.goals(scored));
    else notScored.push(corpus.title);
  }
}

// Attribution: the goal is 98% precision (a wrong label is worse than none); coverage is
// reported beside it, as high as that precision allows.
const glossary = loadGlossary(root);
if (!glossary) console.log('\n(out/ is not built, so metric names are compared word for word, without the glossary.)');
const attributionSets = [
  { title: 'Metric, change and qualifier on the seeds', dir: join(shared, 'corpus') },
  { title: 'Metric, change and qualifier on our fixtures (fixtures/metrics)', dir: join(root, 'fixtures', 'metrics') },
];
for (const set of attributionSets) {
  const measured = measureAttribution(set.dir, { root, glossary });
  if (!measured) {
    console.log(`\n${set.title}: ${show(set.dir)} is absent, not measured.`);
    if (!notScored.includes('the seeds')) notScored.push(set.title);
    continue;
  }
  console.log(`\n${set.title} (${measured.total.figures} measured figures)\n\n| field | precision | goal | met | coverage |\n| --- | --- | --- | --- | --- |`);
  for (const field of ['metric', 'change', 'qualifier']) {
    const tally = measured.total[field];
    const met = precision(tally) >= 98;
    results.push(met);
    console.log(`| ${field} | ${precision(tally).toFixed(1)}% (${tally.shownRight}/${tally.shown}) | >= 98 | ${met ? 'yes' : 'no'} | ${coverage(tally).toFixed(1)}% (${tally.covered}/${tally.gold}) |`);
  }
  if (verbose) for (const file of measured.files) for (const d of file.disagreements) console.log(`  ${file.name}: ${describeDisagreement(d)}`);
}

const unmet = results.filter((met) => !met).length;
const verdict = unmet ? `${unmet} of the ${results.length} goals measured are not met.` : `All ${results.length} goals measured are met.`;
console.log(`\n${verdict}${notScored.length ? ` Not scored here: ${notScored.join(', ')}.` : ''}`);
if (strict && unmet) process.exit(1);
