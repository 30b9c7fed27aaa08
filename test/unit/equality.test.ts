// The readers give the recorded results: every analysis of the seeds, our fixtures, the
// Earnings-21 set (both beside the repo in ../shared) and 500 fuzz cases is compared with the
// analysis recorded in test/equality/recorded.json, a digest of the whole Analysis (keys
// sorted, so only values count). The digests were first recorded from the readers before the
// speed work of issue 12, so a change made for speed must leave every digest alone. A change
// of output on purpose is recorded again with UPDATE_EQUALITY=1 once
// `node scripts/equality.mjs --baseline DIR` has shown, field by field against the older
// build, that the differences are the intended ones (and the commit says which they are).
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../server/src/engine';
import type { AnalyzeOptions } from '../../server/src/engine';
import { caseSeed, fixtureTexts, GENERATORS, makeCase } from './fuzz.test';

const root = join(__dirname, '..', '..', '..');
const recordedPath = join(root, 'test', 'equality', 'recorded.json');
const FUZZ_CASES = 500;
/** The run seed of the recorded fuzz cases (the same as scripts/equality.mjs). */
const FUZZ_RUN_SEED = 1212;

interface EqualityCase {
  name: string;
  text: string;
  options: AnalyzeOptions;
}

function textFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(txt|md|vtt|transcript)$/.test(name) ? [path] : [];
  });
}

/** JSON with every object's keys in order, so a digest depends on values and not on how objects were built. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.keys(value).sort().filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  return `{${entries.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

export function analysisDigest(text: string, options: AnalyzeOptions): string {
  return createHash('sha256').update(canonical(analyze(text, options))).digest('hex').slice(0, 24);
}

function equalityCases(): { cases: EqualityCase[]; folders: string[] } {
  const folders: string[] = [];
  const cases: EqualityCase[] = [];
  const sets: Array<[string, string]> = [
    ['corpus', join(root, '..', 'shared', 'corpus')],
    ['fixtures', join(root, 'fixtures')],
    ['earnings21', join(root, '..', 'shared', 'corpus-earnings21')],
  ];
  for (const [label, dir] of sets) {
    const files = textFiles(dir);
    if (files.length) folders.push(label);
    for (const path of files) cases.push({ name: `${label}/${relative(dir, path).split('\\').join('/')}`, text: readFileSync(path, 'utf8'), options: {} });
  }
  const fixtures = fixtureTexts(root);
  for (let i = 0; i < FUZZ_CASES; i++) {
    const generator = GENERATORS[i % GENERATORS.length];
    const fuzzCase = makeCase(caseSeed(FUZZ_RUN_SEED, i), generator, fixtures);
    cases.push({ name: `fuzz/${generator}/${fuzzCase.seed}`, text: fuzzCase.text, options: fuzzCase.options });
  }
  return { cases, folders };
}

describe('equality: the readers give the recorded results', function () {
  this.timeout(120_000);

  it('gives the recorded analysis for every seed, fixture, Earnings-21 call and fuzz case', function () {
    const { cases, folders } = equalityCases();
    const recorded: Record<string, string> = existsSync(recordedPath) ? JSON.parse(readFileSync(recordedPath, 'utf8')) : {};
    const digests = Object.fromEntries(cases.map(({ name, text, options }) => [name, analysisDigest(text, options)]));
    if (process.env.UPDATE_EQUALITY) {
      // Texts of a set that is not beside the repo now keep their recorded digests.
      const kept = Object.fromEntries(Object.entries(recorded).filter(([name]) => !folders.includes(name.split('/')[0]) && !name.startsWith('fuzz/')));
      writeFileSync(recordedPath, `${JSON.stringify({ ...kept, ...digests }, null, 1)}\n`);
      return;
    }
    const missing = cases.filter(({ name }) => !(name in recorded)).map(({ name }) => name);
    assert.deepEqual(missing, [], 'texts without a recorded analysis: record them with UPDATE_EQUALITY=1');
    const differing = cases.filter(({ name }) => recorded[name] !== digests[name]).map(({ name }) => name);
    assert.deepEqual(differing, [], 'analyses differ from the recorded ones; `node scripts/equality.mjs --baseline DIR` shows the first differing field');
    // The fixtures and fuzz cases are always here; the corpora only when ../shared is beside the repo.
    assert.ok(folders.includes('fixtures') && cases.length >= FUZZ_CASES + 40, `only ${cases.length} texts were compared`);
  });
});
