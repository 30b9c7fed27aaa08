#!/usr/bin/env node
// The real-world evaluation set (eval/real/): public transcripts that belong to their owners,
// so only their source records and our gold are committed; the texts are rebuilt from a local
// mirror of the source repositories and scored with the shared scorer.
//
//   node scripts/real-set.mjs rebuild [--mirror DIR]     cut each excerpt out of the mirror into eval/real/texts/
//   node scripts/real-set.mjs sources                    regenerate eval/real/SOURCES.md from the source records
//   node scripts/real-set.mjs check                      place every gold figure and turn on its text (no engine run)
//   node scripts/real-set.mjs score [--verbose] [--split dev|holdout] [--keep]
//                                                        score the engine (dist/cli.js) against the gold
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const realDir = join(root, 'eval', 'real');
const sourcesDir = join(realDir, 'sources');
const textsDir = join(realDir, 'texts');
const scorer = join(root, '..', 'shared', 'tools', 'score.mjs');
const cli = join(root, 'dist', 'cli.js');

// The goals of issue 9 for the real set.
const GOALS = { turnP: 97, turnR: 97, roles: 95, figures: 95, falseDiagsPerFile: 1 };
const SPLITS = ['dev', 'holdout'];
const ID_SHAPE = /^[a-z0-9-]+$/;
const COMMIT_SHAPE = /^[0-9a-f]{40}$/;

const args = process.argv.slice(2);
const command = args[0];
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const flag = (name) => args.includes(name);

/** Reads every source record, with the problems that make one unusable. */
function readSources() {
  if (!existsSync(sourcesDir)) return { sources: [], problems: [] };
  const sources = [], problems = [];
  for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith('.json')).sort()) {
    let record;
    try { record = JSON.parse(readFileSync(join(sourcesDir, name), 'utf8')); }
    catch (error) { problems.push(`${name}: not valid JSON (${error.message})`); continue; }
    const wrong = [];
    if (record.id !== name.replace(/\.json$/, '')) wrong.push(`id "${record.id}" differs from the file name`);
    if (!ID_SHAPE.test(record.id ?? '')) wrong.push('id is not [a-z0-9-]+');
    if (!/^[^/\s]+\/[^/\s]+$/.test(record.repo ?? '')) wrong.push('repo is not owner/name');
    if (!COMMIT_SHAPE.test(record.commit ?? '')) wrong.push('commit is not 40 hex digits');
    if (!record.path) wrong.push('path is missing');
    const [first, last] = record.lines ?? [];
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first) wrong.push('lines is not [first, last], 1-based, first <= last');
    if (!SPLITS.includes(record.split)) wrong.push(`split is not ${SPLITS.join(' or ')}`);
    if (!record.family) wrong.push('family is missing');
    if (wrong.length) { problems.push(`${name}: ${wrong.join('; ')}`); continue; }
    sources.push(record);
  }
  return { sources, problems };
}

/** Finds the git directory of a mirrored repository: a directory under the mirror root named owner+name…, or a git dir inside it. */
function findMirror(mirrorRoot, repo) {
  if (!existsSync(mirrorRoot)) return undefined;
  const prefix = repo.replace('/', '+');
  const isGitDir = (dir) => existsSync(join(dir, 'HEAD')) && existsSync(join(dir, 'objects'));
  for (const entry of readdirSync(mirrorRoot).filter((n) => n.toLowerCase().startsWith(prefix.toLowerCase())).sort()) {
    const top = join(mirrorRoot, entry);
    if (!statSync(top).isDirectory()) continue;
    const candidates = [top, join(top, '.git'), ...readdirSync(top).map((n) => join(top, n))];
    for (const dir of candidates) {
      if (existsSync(dir) && statSync(dir).isDirectory() && isGitDir(dir)) return dir;
      if (existsSync(join(dir, '.git')) && isGitDir(join(dir, '.git'))) return join(dir, '.git');
    }
  }
  return undefined;
}

/** Splits text into lines exactly as the shared scorer does, so line numbers agree. */
const splitLines = (text) => text.split(/\r\n|\r|\n/);

function rebuild() {
  const mirrorRoot = option('--mirror') ?? '/work/.mirror';
  const { sources, problems } = readSources();
  mkdirSync(textsDir, { recursive: true });
  const failed = [...problems.map((p) => `${p} (record skipped)`)];
  let written = 0;
  for (const source of sources) {
    const gitDir = findMirror(mirrorRoot, source.repo);
    if (!gitDir) { failed.push(`${source.id}: no mirror of ${source.repo} under ${mirrorRoot} (a git dir named ${source.repo.replace('/', '+')}…)`); continue; }
    const shown = spawnSync('git', ['--git-dir', gitDir, 'show', `${source.commit}:${source.path}`], { encoding: 'utf8', maxBuffer: 512 << 20 });
    if (shown.status !== 0) { failed.push(`${source.id}: git show ${source.commit.slice(0, 12)}:${source.path} failed in ${gitDir}: ${shown.stderr.trim().split('\n')[0]}`); continue; }
    const lines = splitLines(shown.stdout);
    const [first, last] = source.lines;
    if (last > lines.length) { failed.push(`${source.id}: lines ${first}-${last} asked, the file has ${lines.length}`); continue; }
    writeFileSync(join(textsDir, `${source.id}.txt`), lines.slice(first - 1, last).join('\n') + '\n');
    written++;
  }
  writeSourcesList(sources);
  console.log(`rebuilt ${written} of ${sources.length + problems.length} texts into ${relative(root, textsDir)}/`);
  for (const f of failed) console.log(`not rebuilt: ${f}`);
  process.exit(failed.length ? 1 : 0);
}

function writeSourcesList(sources = readSources().sources) {
  const cell = (s) => String(s ?? '').replace(/\|/g, '\\|');
  const rows = sources.map((s) => `| ${s.id} | ${cell(s.family)} | ${cell(s.layout)} | [${s.repo}](https://github.com/${s.repo}) | \`${s.commit}\` | ${cell(s.path)} | ${s.lines[0]}–${s.lines[1]} | ${s.split} | ${cell(s.licence ?? 'unknown')} |`);
  const families = new Set(sources.map((s) => s.family)), repos = new Set(sources.map((s) => s.repo));
  const text = [
    '# Sources of the real-world evaluation set',
    '',
    'Generated by `node scripts/real-set.mjs sources` from `eval/real/sources/*.json`; do not edit by hand.',
    'The texts belong to their owners and are not in this repository; `node scripts/real-set.mjs rebuild` cuts each excerpt (the 1-based inclusive line range below) out of a local mirror of the repository at the commit given.',
    '',
    `${sources.length} texts, ${families.size} families, ${repos.size} repositories; ${sources.filter((s) => s.split === 'holdout').length} held out.`,
    '',
    '| id | family | layout | repository | commit | path | lines | split | licence |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(join(realDir, 'SOURCES.md'), text);
  return text;
}

/** Lays each present text beside its gold in a temp folder per split; returns the folders and what is missing. */
function layOut(sources, onlySplit) {
  const base = mkdtempSync(join(tmpdir(), 'real-set-'));
  const folders = {}, missing = [];
  for (const source of sources) {
    if (onlySplit && source.split !== onlySplit) continue;
    const text = join(textsDir, `${source.id}.txt`), gold = join(realDir, `${source.id}.gold.json`);
    if (!existsSync(gold)) { missing.push(`${source.id}: no gold (${relative(root, gold)})`); continue; }
    if (!existsSync(text)) { missing.push(`${source.id}: no text (${relative(root, text)})`); continue; }
    const folder = folders[source.split] ??= join(base, source.split);
    mkdirSync(folder, { recursive: true });
    copyFileSync(text, join(folder, `${source.id}.txt`));
    copyFileSync(gold, join(folder, `${source.id}.gold.json`));
  }
  return { base, folders, missing };
}

function runScorer(folder, extra) {
  const result = spawnSync(process.execPath, [scorer, '--gold', folder, ...extra], { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (result.status !== 0 && !/SUMMARY|placed/.test(result.stdout)) {
    console.error(result.stderr || result.stdout);
    process.exit(result.status ?? 1);
  }
  return result;
}

function check() {
  const { sources, problems } = readSources();
  for (const p of problems) console.log(`problem: ${p}`);
  const { base, folders, missing } = layOut(sources);
  for (const m of missing) console.log(`skipped: ${m}`);
  let status = problems.length ? 1 : 0;
  for (const [split, folder] of Object.entries(folders)) {
    console.log(`## ${split}`);
    const result = runScorer(folder, ['--check']);
    process.stdout.write(result.stdout);
    if (result.status !== 0) status = 1;
  }
  rmSync(base, { recursive: true, force: true });
  process.exit(status);
}

/** Reads the scorer's per-file lines (and, with --verbose, the misses under each) into counts. */
function parsePerFile(stdout) {
  const files = new Map();
  let current;
  for (const line of stdout.split('\n')) {
    const head = line.match(/^(\S+): turns (\d+)\/(\d+) \(out (\d+)\), figures (\d+)\/(\d+), diagnostics (\d+) \((\d+) false\)$/);
    if (head) {
      const [, id, turnHits, goldTurns, outTurns, figureHits, figures, diags, falseDiags] = head;
      current = { id, turnHits: +turnHits, goldTurns: +goldTurns, outTurns: +outTurns, figureHits: +figureHits, figures: +figures, diags: +diags, falseDiags: +falseDiags, roleMisses: 0, misses: [] };
      files.set(id, current);
      continue;
    }
    if (current && line.startsWith('  ')) {
      current.misses.push(line.trim());
      if (/^role\s/.test(line.trim())) current.roleMisses++;
    } else current = undefined;
  }
  return files;
}

const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);
const percent = (a, b) => (b ? (100 * a) / b : 100);
const show = (x) => x.toFixed(1);

function aggregate(rows) {
  const turnHits = sum(rows, 'turnHits'), roleHits = turnHits - sum(rows, 'roleMisses');
  return {
    files: rows.length,
    turnP: percent(turnHits, sum(rows, 'outTurns')),
    turnR: percent(turnHits, sum(rows, 'goldTurns')),
    roles: percent(roleHits, turnHits),
    figures: percent(sum(rows, 'figureHits'), sum(rows, 'figures')),
    falseDiags: sum(rows, 'falseDiags'),
    falsePerFile: rows.length ? sum(rows, 'falseDiags') / rows.length : 0,
    counts: `${turnHits}/${sum(rows, 'goldTurns')} turns, ${sum(rows, 'figureHits')}/${sum(rows, 'figures')} figures`,
  };
}

function tableRow(name, a) {
  return `| ${name} | ${a.files} | ${show(a.turnP)} | ${show(a.turnR)} | ${show(a.roles)} | ${show(a.figures)} | ${a.falseDiags} (${a.falsePerFile.toFixed(2)}/file) |`;
}

function score() {
  const verbose = flag('--verbose');
  const onlySplit = option('--split');
  if (onlySplit && !SPLITS.includes(onlySplit)) { console.error(`--split takes ${SPLITS.join(' or ')}`); process.exit(2); }
  const { sources, problems } = readSources();
  for (const p of problems) console.log(`problem: ${p}`);
  const present = existsSync(textsDir) ? readdirSync(textsDir).filter((n) => n.endsWith('.txt')) : [];
  if (!present.length) {
    console.log('eval/real/texts is empty: run node scripts/real-set.mjs rebuild with a mirror of the sources (see eval/real/README.md). Nothing was scored.');
    process.exit(0);
  }
  if (!existsSync(scorer)) { console.log(`The shared scorer ${relative(root, scorer)} is absent here, so nothing was scored.`); process.exit(0); }
  if (!existsSync(cli)) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const { base, folders, missing } = layOut(sources, onlySplit);
  for (const m of missing) console.log(`not scored: ${m}`);
  const analyzeCommand = `node ${JSON.stringify(cli)} analyze {file} --json`;
  const rows = [];
  for (const split of SPLITS) {
    if (!folders[split]) continue;
    const result = runScorer(folders[split], ['--cmd', analyzeCommand, '--verbose']);
    console.log(`\n## ${split}: the shared scorer's summary`);
    for (const line of result.stdout.split('\n')) {
      if (/^(turns:|figures:|diagnostics:|SUMMARY|problem:)/.test(line)) console.log(line);
    }
    for (const file of parsePerFile(result.stdout).values()) {
      const source = sources.find((s) => s.id === file.id);
      rows.push({ ...file, split, family: source.family, repo: source.repo });
    }
  }
  if (!flag('--keep')) rmSync(base, { recursive: true, force: true });
  else console.log(`\ntexts and gold kept in ${base}`);
  if (!rows.length) {
    console.log(`No text${onlySplit ? ` of the ${onlySplit} split` : ''} has both its excerpt and its gold here: nothing was scored.`);
    process.exit(0);
  }

  const header = ['| group | files | turn P % | turn R % | roles % | figures % | false diagnostics |', '| --- | --- | --- | --- | --- | --- | --- |'];
  console.log('\n## Per file\n');
  console.log(header.join('\n'));
  for (const row of rows) console.log(tableRow(`${row.id} (${row.split})`, aggregate([row])));

  console.log('\n## Per family and repository\n');
  console.log(header.join('\n'));
  const groups = new Map();
  for (const row of rows) {
    for (const key of [`family ${row.family}`, `repo ${row.repo}`]) groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) console.log(tableRow(key, aggregate(group)));
  for (const split of SPLITS) {
    const group = rows.filter((r) => r.split === split);
    if (group.length) console.log(tableRow(`split ${split}`, aggregate(group)));
  }
  const overall = aggregate(rows);
  console.log(tableRow('**overall**', overall));

  console.log(`\n## Goals (issue 9), overall${onlySplit ? ` (${onlySplit} only)` : ''}: ${overall.counts}\n`);
  console.log('| measure | measured | goal | met |\n| --- | --- | --- | --- |');
  const goals = [
    ['turn precision', overall.turnP, '>=', GOALS.turnP],
    ['turn recall', overall.turnR, '>=', GOALS.turnR],
    ['roles', overall.roles, '>=', GOALS.roles],
    ['figures', overall.figures, '>=', GOALS.figures],
    ['false diagnostics per file', overall.falsePerFile, '<=', GOALS.falseDiagsPerFile],
  ];
  for (const [name, value, op, goal] of goals) {
    const met = op === '>=' ? value >= goal : value <= goal;
    console.log(`| ${name} | ${name.startsWith('false') ? value.toFixed(2) : show(value)} | ${op} ${goal} | ${met ? 'yes' : 'no'} |`);
  }

  // The worst files: the lowest of turn recall, turn precision and figures, then the most false diagnostics.
  const badness = (row) => {
    const a = aggregate([row]);
    return Math.min(a.turnP, a.turnR, a.figures) - 5 * row.falseDiags;
  };
  const worst = [...rows].sort((a, b) => badness(a) - badness(b)).slice(0, 5);
  console.log('\n## Worst files\n');
  for (const row of worst) {
    const a = aggregate([row]);
    console.log(`- ${row.id} (${row.family}, ${row.split}): turns P ${show(a.turnP)} R ${show(a.turnR)}, figures ${show(a.figures)}, ${row.falseDiags} false diagnostics`);
  }
  if (verbose) {
    console.log('\n## Misses\n');
    for (const row of rows) {
      console.log(`${row.id}:`);
      for (const miss of row.misses) console.log(`  ${miss}`);
    }
  }
}

switch (command) {
  case 'rebuild': rebuild(); break;
  case 'sources': writeSourcesList(); console.log(`wrote ${relative(root, join(realDir, 'SOURCES.md'))}`); break;
  case 'check': check(); break;
  case 'score': score(); break;
  default:
    console.error('usage: node scripts/real-set.mjs rebuild [--mirror DIR] | sources | check | score [--verbose] [--split dev|holdout] [--keep]');
    process.exit(2);
}
