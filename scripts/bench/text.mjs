// The benchmarks' text: our fixtures, the seed corpus when it is beside the repo, and
// synthetic calls, joined to any size (scripts/bench.mjs, scripts/profile-incremental.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sources, each a list of texts; `fuzz` is the compiled test/unit/fuzz.test.js. */
export function transcriptSources(root, fuzz) {
  const sources = [];
  const fixtures = fuzz.fixtureTexts(root);
  if (fixtures.length) sources.push({ name: `${fixtures.length} fixtures`, texts: fixtures });
  const corpus = join(root, '..', 'shared', 'corpus');
  if (existsSync(corpus)) {
    const seeds = readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(corpus, name), 'utf8').replace(/^\uFEFF/, ''));
    if (seeds.length) sources.push({ name: `${seeds.length} corpus seeds`, texts: seeds });
  }
  const random = fuzz.seededRandom(2026);
  sources.push({ name: 'synthetic calls', texts: Array.from({ length: 8 }, () => fuzz.syntheticTranscript(random, 40_000)) });
  return sources;
}

/** At least `size` characters, cycling through each source in turn, cut at a line end. */
export function buildText(sources, size) {
  const parts = [];
  let length = 0;
  for (let round = 0; length < size; round++) {
    for (const source of sources) {
      const text = source.texts[round % source.texts.length];
      parts.push(text.endsWith('\n') ? text : `${text}\n`);
      length += text.length + 1;
      if (length >= size) break;
    }
  }
  const text = parts.join('');
  const cut = text.indexOf('\n', size);
  return cut < 0 ? text : text.slice(0, cut + 1);
}

/** The first line of running speech (over 100 characters, starting with a letter) from `share` of the way down. */
export function paragraphLineNear(text, share) {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length * share); line < lines.length; line++) {
    if (lines[line].trim().length > 100 && /^[A-Za-z]/.test(lines[line])) return line;
  }
  return Math.min(3, lines.length - 1);
}
