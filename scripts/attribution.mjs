// Metric, change and qualifier attribution against gold in the shared corpus format, measured
// as precision (of the figures where we show one, the share that agrees with the gold) and
// coverage (of the gold's, the share we show and get right). A wrong label is worse than none,
// so the two are kept apart. Used by scripts/score.mjs and scripts/metric-agreement.mjs.
//
// Matching a gold figure to ours: our figure on the same line whose span overlaps it, the same
// kind preferred, as the shared scorer does. Only kinds that measure something are compared.
//
// When two metric names agree (documented in the README): both are lower-cased, markup
// dropped and punctuation folded to blanks as the shared scorer does, and each word loses a
// plural "s"; they agree when the words are then equal, or when the built-in glossary maps
// both whole names to the same metric ("operating income" and "EBIT"). A name is never
// matched by a part of it: "ebita loss" does not agree with "adjusted ebita loss".
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// Kinds whose gold carries a metric and a change; dates, labels and the like carry neither.
const MEASURE_KINDS = new Set(['money', 'percent', 'percentagePoints', 'basisPoints', 'count', 'multiple', 'fraction', 'duration', 'unparsed', 'any']);

// The shared scorer's normalization: lower case, markup dropped, punctuation folded to blanks.
export const normalize = (value) => (value ?? '').toString().toLowerCase().replace(/[*_`#\\]/g, '').replace(/[^\p{L}\p{N}&]+/gu, ' ').trim();

/** A word without its plural ending: "users" → "user", "losses" → "loss", "activities" → "activity". */
function singular(word) {
  if (word.length <= 3) return word;
  if (/sses$/.test(word)) return word.slice(0, -2);
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  return /[^s]s$/.test(word) ? word.slice(0, -1) : word;
}

/** The normalized words, each singular ("expenses ratio" and "expense ratio" agree). */
const singularWords = (value) => normalize(value).split(' ').map(singular).join(' ');

/** The compiled engine's glossary (out/, from tsc -b), or null when it is not built. */
export function loadGlossary(root) {
  const path = join(root, 'out', 'server', 'src', 'engine', 'figures', 'glossary.js');
  if (!existsSync(path)) return null;
  try {
    const { MetricGlossary } = createRequire(import.meta.url)(path);
    return new MetricGlossary();
  } catch {
    return null;
  }
}

/** Whether the metric we show agrees with the gold's (see the head of this file). */
export function metricsAgree(shown, gold, glossary) {
  if (!shown || !gold) return !shown && !gold;
  if (singularWords(shown) === singularWords(gold)) return true;
  const canonical = (name) => glossary?.metricFor(normalize(name)) ?? null;
  const a = canonical(shown);
  return a !== null && a === canonical(gold);
}

/** Gives each gold figure its start/end from its text and occurrence on its line, as the scorer does. */
function placeGold(figures, lines) {
  const placed = [];
  for (const figure of figures) {
    const line = lines[figure.line];
    if (line === undefined) continue;
    let at = -1;
    for (let k = 0; k <= (figure.occurrence ?? 0); k++) at = line.indexOf(figure.text, at + 1);
    if (at >= 0) placed.push({ ...figure, start: at, end: at + figure.text.length });
  }
  return placed;
}

const overlaps = (a, b) => a.line === b.line && a.start < b.end && b.start < a.end;

/** Precision and coverage counts of one field. */
const newTally = () => ({ shown: 0, shownRight: 0, gold: 0, covered: 0 });

const hasQualifier = (figure) => Boolean(figure?.bound) || figure?.approximate === true;
const qualifierText = (figure) => (hasQualifier(figure) ? [figure.bound, figure.approximate ? 'approximate' : null].filter(Boolean).join('+') : null);

/**
 * Runs the CLI once on every <name>.txt that has a <name>.gold.json in goldDir and compares
 * metric, change and qualifier. Returns null when the directory does not exist.
 */
export function measureAttribution(goldDir, { root, glossary = loadGlossary(root), cli = join(root, 'dist', 'cli.js') }) {
  if (!existsSync(goldDir)) return null;
  const names = readdirSync(goldDir).filter((name) => name.endsWith('.gold.json')).map((name) => name.replace(/\.gold\.json$/, ''))
    .filter((name) => existsSync(join(goldDir, `${name}.txt`))).sort();
  const paths = names.map((name) => join(goldDir, `${name}.txt`));
  const outputs = paths.length ? JSON.parse(execFileSync(process.execPath, [cli, 'analyze', ...paths, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 })) : [];

  const total = { figures: 0, metric: newTally(), change: newTally(), qualifier: newTally() };
  const files = [];
  names.forEach((name, index) => {
    const lines = readFileSync(paths[index], 'utf8').split(/\r\n|\r|\n/);
    const gold = JSON.parse(readFileSync(join(goldDir, `${name}.gold.json`), 'utf8'));
    const ours = outputs[index]?.figures ?? [];
    const file = { name, figures: 0, metric: newTally(), change: newTally(), qualifier: newTally(), disagreements: [] };
    for (const want of placeGold(gold.figures ?? [], lines)) {
      if (!MEASURE_KINDS.has(want.kind)) continue;
      const candidates = ours.filter((figure) => overlaps(figure, want));
      const got = candidates.find((figure) => figure.kind === want.kind) ?? candidates[0] ?? null;
      file.figures++;
      const context = `${lines[want.line].slice(Math.max(0, want.start - 90), want.end + 40)}`;
      const fields = [
        ['metric', got?.metric ?? null, want.metric ?? null, metricsAgree(got?.metric ?? null, want.metric ?? null, glossary)],
        ['change', got?.change ?? null, want.change ?? null, (got?.change ?? null) === (want.change ?? null)],
        ['qualifier', qualifierText(got), qualifierText(want), qualifierText(got) === qualifierText(want)],
      ];
      for (const [field, shown, wanted, agree] of fields) {
        const tally = file[field];
        if (shown !== null) {
          tally.shown++;
          if (agree) tally.shownRight++;
        }
        if (wanted !== null) {
          tally.gold++;
          if (agree) tally.covered++;
        }
        if (!agree) file.disagreements.push({ field, line: want.line, text: want.text, shown, wanted, context, wrong: shown !== null });
      }
    }
    total.figures += file.figures;
    for (const field of ['metric', 'change', 'qualifier']) for (const key of Object.keys(total[field])) total[field][key] += file[field][key];
    files.push(file);
  });
  return { files, total };
}

export const percentOf = (part, whole) => (whole ? (100 * part) / whole : 100);
export const precision = (tally) => percentOf(tally.shownRight, tally.shown);
export const coverage = (tally) => percentOf(tally.covered, tally.gold);

/** "precision 98.5% (67/68), coverage 73.6% (67/91)". */
export function describeTally(tally) {
  return `precision ${precision(tally).toFixed(1)}% (${tally.shownRight}/${tally.shown}), coverage ${coverage(tally).toFixed(1)}% (${tally.covered}/${tally.gold})`;
}

/** One line per disagreement; a shown label that is wrong is marked "WRONG", a missing one "missing". */
export function describeDisagreement(d) {
  return `${d.wrong ? 'WRONG  ' : 'missing'} ${d.field} L${d.line} "${d.text}": gold ${JSON.stringify(d.wanted)}, shown ${JSON.stringify(d.shown)}  | ${d.context}`;
}
