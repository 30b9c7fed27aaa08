// Fuzz test of the engine: random text, synthetic transcripts, very long lines and mutated
// fixtures go through analyze(), and every result must keep the contract's invariants.
// Cases run in a worker thread watched by a timer, so a hang fails the test instead of
// freezing it. Every case has its own seed: a failure prints the command that replays it.
//   FUZZ_SEED=<seed> FUZZ_CASES=<n> npx mocha out/test/unit/fuzz.test.js
// npm run bench runs the same harness at full size (at least 10,000 cases).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze, DIAGNOSTIC_CODES, looksLikeTranscript, toContractJson } from '../../server/src/engine';
import type { Analysis, AnalyzeOptions, DiagnosticCode, Span } from '../../server/src/engine';

// ---------------------------------------------------------------------------------------
// Seeded randomness.

export type Random = () => number;

/** mulberry32: small, fast and good enough to spread cases; the same seed gives the same text. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of case `index` of a run: independent of the other cases, so one case replays alone. */
export function caseSeed(runSeed: number, index: number): number {
  return (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

const integer = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (random: Random, probability: number): boolean => random() < probability;

// ---------------------------------------------------------------------------------------
// Our own invented vocabulary (companies, people, firms, metrics). None of it is copied.

const PEOPLE = ['Mirela Ostrand', 'Tobiah Venn', 'Priya Halloran', 'Oskar Lindqvist-Moreau', 'Wen-Li Saraf', "Declan O'Mara", 'Ines Kovac', 'J. P. Aldana', 'Yusuf Tannery', 'Marguerite de la Rive'];
const ROLES = ['Chief Executive Officer', 'Chief Financial Officer', 'Head of Investor Relations', 'President and Chief Operating Officer', 'Vice President, Finance'];
const FIRMS = ['Harrow Capital', 'Quillon Securities', 'Brightmere & Co.', 'Tessel Bank AG', 'Northgate Research'];
const METRICS = ['revenue', 'adjusted EBITA', 'gross merchandise volume', 'operating cash flow', 'net income', 'paying members', 'take rate', 'gross margin', 'free cash flow', 'cloud revenue'];
const CURRENCY_PREFIXES = ['$', 'US$', 'HK$', 'RMB', 'RMB ', '¥', '€', '£', '₩', '₹', '₺', 'USD ', 'EUR ', 'S$', 'A$', 'C$', 'NT$', 'R$', '\\$', 'CHF ', 'JPY '];
const CURRENCY_SUFFIXES = [' yuan', ' renminbi', ' dollars', ' U.S. dollars', ' euros', ' pounds', ' yen', ' won', ' rupees', ' lira', ' RMB', ' HKD', ' USD'];
const SCALES = ['', ' thousand', ' million', ' billion', ' trillion', 'bn', 'mn', 'm', 'k', 'K', 'B', ' mln', ' bln', ' hundred million', ' crore', ' lakh'];
const UNITS = ['%', ' percent', ' per cent', ' percentage points', ' percentage point', ' pp', ' pts', ' basis points', ' bps', ' bp', 'x', ' times', '-fold', ' orders', ' users', ' stores', ' years', ' quarters', ' months', ' days', ' hours', 'th', 'st', 'nd', 'rd', ''];
const QUALIFIERS = ['', '', 'about ', 'around ', 'roughly ', 'close to ', 'nearly ', '~', 'over ', 'more than ', 'at least ', 'exceeding ', 'up to ', 'under ', 'less than ', 'approximately ', 'almost '];
const SPELLED = ['one', 'two', 'three', 'ten', 'twelve', 'twenty-five', 'a hundred', 'a billion', 'two million', 'three times', 'one-third', 'half', 'two-thirds', 'double-digit', 'mid single digit', 'high-single-digit', 'low double digits', 'triple-digit', 'twofold', 'a quarter', 'dozens of', 'zero'];
const PERIODS = ['Q1', 'Q4 FY2026', 'fiscal year 2023', '2Q25', 'H1 2024', 'FY24', 'the September quarter', 'June 30th, 2023', 'November 11', '2014', '1H', '3Q', 'first half of 2027', 'CY2025', 'December 31, 2029'];
const LABELS = ['Scope 1', 'Model 3', 'ticker 07788', 'Gen-5', '5G', 'Series B', 'Llama 2', '24/7', '1+6+N', '3D', 'H100', '10-K', '20-F', 'B2B2C', 'Q&A'];
const CONNECTIVES = ['grew', 'declined', 'rose', 'fell', 'was', 'reached', 'increased by', 'decreased by', 'came in at', 'expanded', 'contracted', 'is expected to be', 'of'];
const FILLER = ['we continued to invest', 'as I mentioned earlier', 'thank you for the question', 'on a like-for-like basis', 'excluding one-off items', 'year-over-year', 'year on year', 'sequentially', 'quarter-over-quarter', 'compared with last year', 'in constant currency'];
const MARKUP = ['**', '__', '*', '_', '`', '#', '##', '> ', '|', '\\', '[', ']', '(', ')', '<b>', '</b>', '&nbsp;', '&amp;', '---', '- ', '1. ', '~~', '{', '}', '\\*', '\\_', '\\#'];
const LINE_BREAKS = ['\n', '\n', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028', '\u0085'];
const ODD_CHARACTERS = ['\u00a0', '\u200b', '\u200e', '\u202e', '\ufeff', '\u0301', '\u2009', '\u3000', '\t', '\f', '\v', '\u0000', '\ufffd', '\ud83d\udcb0', '\ud800', '\udfff', '，', '。', '％', '１２３', '٣', '߄', '০', '²', '½', '⅓', '−', '–', '—', '·', '٫', '٬'];

// ---------------------------------------------------------------------------------------
// Generators. Each returns a text; "options" is chosen separately so every generator also
// runs with glossaries and small size limits.

/** A number as written in calls and in broken copies of them. */
export function randomNumeral(random: Random): string {
  const digits = (count: number) => Array.from({ length: count }, () => integer(random, 0, 9)).join('');
  switch (integer(random, 0, 11)) {
    case 0: return digits(integer(random, 1, 4));
    case 1: return `${integer(random, 1, 999)},${digits(3)}${chance(random, 0.5) ? `,${digits(3)}` : ''}`;
    case 2: return `${integer(random, 0, 999)}.${digits(integer(random, 1, 3))}`;
    case 3: return `.${digits(integer(random, 1, 2))}`;
    case 4: return `${integer(random, 1, 99)}.${digits(3)},${digits(2)}`;
    case 5: return `${chance(random, 0.5) ? '-' : '+'}${integer(random, 1, 99)}`;
    case 6: return `(${integer(random, 1, 999)}.${digits(1)})`;
    case 7: return `${integer(random, 1, 9)}/${integer(random, 1, 12)}`;
    case 8: return `${integer(random, 1, 9)}e${integer(random, 1, 400)}`;
    case 9: return digits(integer(random, 5, 40));
    case 10: return `${integer(random, 1, 99)}${pick(random, ['-', ' to ', '–', '~', ' and '])}${integer(random, 1, 99)}`;
    default: return `${integer(random, 1, 9)}${'0'.repeat(integer(random, 0, 25))}`;
  }
}

/** One figure with its qualifier, currency, scale and unit, or a spelled-out amount. */
export function randomFigure(random: Random): string {
  const roll = random();
  if (roll < 0.12) return pick(random, SPELLED) + pick(random, ['', ' percent', ' billion', ' times', ' of our users']);
  if (roll < 0.2) return pick(random, PERIODS);
  if (roll < 0.27) return pick(random, LABELS);
  const qualifier = pick(random, QUALIFIERS);
  const numeral = randomNumeral(random);
  if (roll < 0.6) {
    const prefix = chance(random, 0.6) ? pick(random, CURRENCY_PREFIXES) : '';
    const suffix = prefix ? '' : pick(random, ['', ...CURRENCY_SUFFIXES]);
    return `${qualifier}${prefix}${numeral}${pick(random, SCALES)}${suffix}`;
  }
  return `${qualifier}${numeral}${pick(random, UNITS)}`;
}

function randomSentence(random: Random): string {
  const parts: string[] = [];
  const clauses = integer(random, 1, 4);
  for (let i = 0; i < clauses; i++) {
    parts.push(`${pick(random, METRICS)} ${pick(random, CONNECTIVES)} ${randomFigure(random)}`);
    if (chance(random, 0.5)) parts.push(pick(random, FILLER));
  }
  let sentence = parts.join(pick(random, [', ', ' and ', '; ', ' - ', ' while ']));
  sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1) + pick(random, ['.', '.', '?', '!', '...', '']);
  if (chance(random, 0.15)) sentence = `${pick(random, MARKUP)}${sentence}${pick(random, MARKUP)}`;
  return sentence;
}

function randomHeader(random: Random): string {
  const name = pick(random, PEOPLE);
  const role = chance(random, 0.5) ? pick(random, ROLES) : pick(random, FIRMS);
  switch (integer(random, 0, 11)) {
    case 0: return `${name} -- ${role}`;
    case 1: return `**${name}** -- *${role}*`;
    case 2: return `## ${name}`;
    case 3: return `${name}:`;
    case 4: return `${name}: ${randomSentence(random)}`;
    case 5: return 'Operator';
    case 6: return `[${name}, ${role}]`;
    case 7: return `${name.toUpperCase()}, ${role.toUpperCase()}:`;
    case 8: return `${name} - ${role} - ${pick(random, FIRMS)}`;
    case 9: return pick(random, ['Prepared Remarks', '## Questions and Answers', 'Q&A Session', '**Questions & Answers**', 'Call Participants', 'Corporate Participants']);
    case 10: return `${integer(random, 0, 1)}${integer(random, 0, 9)}:${integer(random, 10, 59)}:${integer(random, 10, 59)} ${name}`;
    default: return `**${name}:** ${randomSentence(random)}`;
  }
}

/** A transcript-shaped text: headers, prose full of figures, sections, mixed line breaks. */
export function syntheticTranscript(random: Random, targetLength: number): string {
  const out: string[] = [];
  let length = 0;
  const lineBreak = chance(random, 0.7) ? '\n' : pick(random, LINE_BREAKS);
  const mixBreaks = chance(random, 0.2);
  while (length < targetLength) {
    const line = chance(random, 0.2) ? randomHeader(random) : Array.from({ length: integer(random, 1, 5) }, () => randomSentence(random)).join(' ');
    out.push(line, mixBreaks ? pick(random, LINE_BREAKS) : lineBreak);
    length += line.length + 1;
  }
  return out.join('');
}

/** Characters from everywhere: digits, currency symbols, markup, odd Unicode, line breaks. */
export function randomUnicodeText(random: Random, length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    const roll = random();
    if (roll < 0.25) out.push(String(integer(random, 0, 9)));
    else if (roll < 0.35) out.push(pick(random, ['$', '¥', '€', '£', '%', ',', '.', '-', '+', '/', 'x', 'bn', 'RMB', 'HK$', ' ']));
    else if (roll < 0.45) out.push(pick(random, MARKUP));
    else if (roll < 0.52) out.push(pick(random, LINE_BREAKS));
    else if (roll < 0.62) out.push(pick(random, ODD_CHARACTERS));
    else if (roll < 0.8) out.push(String.fromCharCode(integer(random, 0x20, 0x7e)));
    else if (roll < 0.9) out.push(String.fromCharCode(integer(random, 0, 0xffff)));
    else out.push(String.fromCodePoint(integer(random, 0x10000, 0x10ffff)));
  }
  return out.join('');
}

/** One very long line: a run of digits, separators, repeated figures or words with no break. */
export function longLineText(random: Random): string {
  const length = integer(random, 10_000, 100_000);
  const unit = pick(random, ['1', '1,', '1.', '12,345 ', '$1 billion ', '** ', '- ', ' ', 'a', '9%', 'Mirela Ostrand -- ', '(', '\\$', '1-', 'RMB1.2bn, ', '.5', 'one-third ']);
  const body = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const header = chance(random, 0.5) ? `${randomHeader(random)}\n` : '';
  return `${header}${body}${chance(random, 0.5) ? `\n${randomSentence(random)}` : ''}`;
}

/** Inserts, deletes, duplicates and swaps chunks of a text, and changes its line breaks. */
export function mutate(random: Random, source: string): string {
  let text = source;
  const edits = integer(random, 1, 12);
  for (let i = 0; i < edits; i++) {
    const at = integer(random, 0, text.length);
    const span = integer(random, 0, Math.min(400, text.length - at));
    switch (integer(random, 0, 7)) {
      case 0: text = text.slice(0, at) + randomUnicodeText(random, integer(random, 1, 40)) + text.slice(at); break;
      case 1: text = text.slice(0, at) + text.slice(at + span); break;
      case 2: text = text.slice(0, at) + text.slice(at, at + span).repeat(integer(random, 2, 6)) + text.slice(at); break;
      case 3: text = text.slice(0, at) + randomFigure(random) + text.slice(at); break;
      case 4: text = text.slice(0, at) + pick(random, LINE_BREAKS) + randomHeader(random) + pick(random, LINE_BREAKS) + text.slice(at); break;
      case 5: text = text.replace(/\r\n|\r|\n/g, () => pick(random, LINE_BREAKS)); break;
      case 6: text = text.slice(0, at) + pick(random, MARKUP) + text.slice(at); break;
      default: {
        // Cuts in the middle of a surrogate pair or a CRLF on purpose.
        const cut = integer(random, 0, text.length);
        text = text.slice(cut) + text.slice(0, cut);
      }
    }
  }
  if (chance(random, 0.1)) text = `\ufeff${text}`;
  return text;
}

/** Our own fixtures (fixtures/**), the seeds of the mutation cases. Synthetic text stands in while there are none. */
export function fixtureTexts(root = join(__dirname, '..', '..', '..')): string[] {
  const dir = join(root, 'fixtures');
  if (!existsSync(dir)) return [];
  const walk = (folder: string): string[] => readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(txt|md|vtt|transcript)$/.test(name) ? [path] : [];
  });
  return walk(dir).sort().map((path) => readFileSync(path, 'utf8'));
}

export const GENERATORS = ['unicode', 'synthetic', 'longLine', 'mutation'] as const;
export type GeneratorName = (typeof GENERATORS)[number];

export interface FuzzCase {
  seed: number;
  generator: GeneratorName;
  text: string;
  options: AnalyzeOptions;
}

/** Options as users set them, including glossary phrases full of regex metacharacters. */
function randomOptions(random: Random, textLength: number): AnalyzeOptions {
  const options: AnalyzeOptions = {};
  if (chance(random, 0.3)) {
    const phrase = () => pick(random, ['gross merchandise volume', 'GMV', '(a+)+', '[', '.*', 'take\\rate', '$^', '', ' ', 'ü-ber', '**', '\u0000', 'revenue?', '{2,}']);
    options.glossary = { [pick(random, ['gmv', 'arpu', '', 'x(y', 'constructor', '__proto__'])]: Array.from({ length: integer(random, 0, 4) }, phrase) };
  }
  if (chance(random, 0.1)) options.maxDocumentSize = integer(random, 0, Math.max(1, textLength));
  if (chance(random, 0.1)) {
    options.checked = [{ text: randomFigure(random), before: randomSentence(random).slice(0, 40), after: '', kind: 'money', value: 1e9, unit: 'USD' }];
  }
  return options;
}

export function makeCase(seed: number, generator: GeneratorName, fixtures: readonly string[]): FuzzCase {
  const random = seededRandom(seed);
  let text: string;
  switch (generator) {
    case 'unicode': text = randomUnicodeText(random, integer(random, 0, 1500)); break;
    case 'synthetic': text = syntheticTranscript(random, integer(random, 0, 4000)); break;
    case 'longLine': text = longLineText(random); break;
    default: {
      const source = fixtures.length ? pick(random, fixtures) : syntheticTranscript(random, 3000);
      text = mutate(random, source);
    }
  }
  return { seed, generator, text, options: randomOptions(random, text.length) };
}

// ---------------------------------------------------------------------------------------
// The invariants every analysis keeps, whatever the input.

const LINES = /\r\n|\r|\n/;
const isFiniteOrNull = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value));

/** Every way an analysis breaks the contract on this text; empty when it keeps it. */
export function contractViolations(text: string, analysis: Analysis): string[] {
  const lines = text.split(LINES);
  const problems: string[] = [];
  const checkSpan = (what: string, span: Span) => {
    const line = lines[span.line];
    if (!Number.isInteger(span.line) || line === undefined) {
      problems.push(`${what}: line ${span.line} is outside the document (${lines.length} lines)`);
      return false;
    }
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= line.length)) {
      problems.push(`${what}: span ${span.start}..${span.end} is outside line ${span.line} (length ${line.length})`);
      return false;
    }
    return true;
  };

  analysis.figures.forEach((figure, index) => {
    const what = `figure ${index} "${figure.text}"`;
    if (checkSpan(what, figure)) {
      const slice = lines[figure.line].slice(figure.start, figure.end);
      if (slice !== figure.text) problems.push(`${what}: text differs from the line's characters ${JSON.stringify(slice)}`);
    }
    for (const key of ['value', 'min', 'max'] as const) {
      if (!isFiniteOrNull(figure[key])) problems.push(`${what}: ${key} is ${figure[key]}, not a finite number or null`);
    }
    if (figure.min !== null && figure.max !== null && figure.min > figure.max) problems.push(`${what}: min ${figure.min} > max ${figure.max}`);
  });

  analysis.diagnostics.forEach((diagnostic, index) => {
    const what = `diagnostic ${index} ${diagnostic.code}`;
    checkSpan(what, diagnostic);
    if (!Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, diagnostic.code)) problems.push(`${what}: code is not in DIAGNOSTIC_CODES`);
    if (typeof diagnostic.message !== 'string' || diagnostic.message.length === 0) problems.push(`${what}: empty message`);
    diagnostic.fixes.forEach((fix, fixIndex) => fix.edits.forEach((edit, editIndex) => checkSpan(`${what} fix ${fixIndex} edit ${editIndex}`, edit)));
  });

  analysis.turns.forEach((turn, index) => {
    const what = `turn ${index} "${turn.speaker}"`;
    if (!(Number.isInteger(turn.line) && Number.isInteger(turn.endLine) && turn.line >= 0 && turn.line <= turn.endLine && turn.endLine < lines.length)) {
      problems.push(`${what}: lines ${turn.line}..${turn.endLine} are not inside the document (${lines.length} lines)`);
    }
    const next = analysis.turns[index + 1];
    if (next && next.line <= turn.endLine) problems.push(`${what}: ends at line ${turn.endLine}, but the next turn starts at line ${next.line}`);
    checkSpan(`${what} name`, turn.nameSpan);
    if (turn.roleSpan) checkSpan(`${what} role`, turn.roleSpan);
    if (turn.affiliationSpan) checkSpan(`${what} affiliation`, turn.affiliationSpan);
    if (turn.speaker.trim() === '') problems.push(`${what}: empty speaker name`);
  });

  analysis.sections.forEach((section, index) => {
    const what = `section ${index} ${section.name}`;
    if (!(section.line >= 0 && section.line <= section.endLine && section.endLine < lines.length)) problems.push(`${what}: lines ${section.line}..${section.endLine} are not inside the document`);
    if (section.headingSpan) checkSpan(`${what} heading`, section.headingSpan);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------
// The runner: cases in a worker thread, a watchdog on each case.

export interface FuzzFailure {
  seed: number;
  generator: GeneratorName;
  problems: string[];
  /** The start of the failing text, JSON-escaped, to see what kind of input it was. */
  sample: string;
}

export interface FuzzReport {
  runSeed: number;
  /** Cases run to the end or to their time limit. */
  cases: number;
  /** Every failing case, hangs included; only the first ones are kept in `failures`. */
  failureCount: number;
  hangs: number;
  /** How many cases broke each kind of invariant (numbers and quoted text left out). */
  problemKinds: Record<string, number>;
  /** True when the time budget ended the run before every case ran. */
  outOfTime: boolean;
  failures: FuzzFailure[];
  elapsedMs: number;
  /** The slowest case, to see how far from the time limit the engine is. */
  slowestMs: number;
  slowestSeed: number;
}

export interface FuzzRunOptions {
  runSeed: number;
  casesPerGenerator: number;
  /** A case that runs longer than this (wall clock) counts as a hang. */
  caseTimeoutMs?: number;
  generators?: readonly GeneratorName[];
  /** Replays exactly one case seed instead of deriving seeds from runSeed. */
  onlySeed?: number;
  /** The run stops after this many hangs, each of which costs caseTimeoutMs (default 5). */
  maxHangs?: number;
  /** The run stops (with outOfTime set) once it has taken this long. */
  budgetMs?: number;
  /** For the harness's own test: case number N loops forever, to show the watchdog catches it. */
  simulateHangAt?: number;
}

interface PlannedCase {
  seed: number;
  generator: GeneratorName;
}
interface WorkerJob { fuzzWorker: true; cases: PlannedCase[]; simulateHangAt?: number }
type WorkerMessage =
  | { type: 'start'; index: number; sample: string }
  | { type: 'done'; index: number; ms: number; failure: FuzzFailure | null }
  | { type: 'finished' };

const MAX_REPORTED_FAILURES = 20;

function sampleOf(text: string): string {
  return JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text);
}

/** Runs one case in this thread: analyze must not throw and must keep the invariants. */
export function runCase(fuzzCase: FuzzCase): FuzzFailure | null {
  let problems: string[];
  try {
    const analysis = analyze(fuzzCase.text, fuzzCase.options);
    problems = contractViolations(fuzzCase.text, analysis);
    JSON.stringify(toContractJson('fuzz.txt', analysis));
    looksLikeTranscript(fuzzCase.text);
  } catch (error) {
    problems = [`threw ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 4).join(' | ') : String(error)}`];
  }
  return problems.length ? { seed: fuzzCase.seed, generator: fuzzCase.generator, problems: problems.slice(0, 8), sample: sampleOf(fuzzCase.text) } : null;
}

/** The seed of a generator's case `round`: the generator is mixed in, so each gets its own seeds. */
export function generatorCaseSeed(runSeed: number, generator: GeneratorName, round: number): number {
  return caseSeed(runSeed + GENERATORS.indexOf(generator) * 0x9e37, round);
}

function plannedCases(options: FuzzRunOptions): PlannedCase[] {
  const generators = options.generators ?? GENERATORS;
  if (options.onlySeed !== undefined) return generators.map((generator) => ({ seed: options.onlySeed!, generator }));
  const cases: PlannedCase[] = [];
  for (let round = 0; round < options.casesPerGenerator; round++) {
    for (const generator of generators) cases.push({ seed: generatorCaseSeed(options.runSeed, generator, round), generator });
  }
  return cases;
}

function workerMain(job: WorkerJob): void {
  const port = parentPort;
  if (!port) return;
  const fixtures = fixtureTexts();
  job.cases.forEach((planned, index) => {
    const fuzzCase = makeCase(planned.seed, planned.generator, fixtures);
    port.postMessage({ type: 'start', index, sample: sampleOf(fuzzCase.text) } satisfies WorkerMessage);
    if (index === job.simulateHangAt) for (;;);
    const started = performance.now();
    const failure = runCase(fuzzCase);
    port.postMessage({ type: 'done', index, ms: performance.now() - started, failure } satisfies WorkerMessage);
  });
  port.postMessage({ type: 'finished' } satisfies WorkerMessage);
}

/** The kind of a problem: its words without the numbers and quoted text of one case. */
function problemKind(problem: string): string {
  return problem.replace(/"(?:[^"\\]|\\.)*"/g, '…').replace(/[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, 'N').replace(/^(figure|diagnostic|turn|section) N/, '$1').slice(0, 120);
}

function countFailure(report: FuzzReport, failure: FuzzFailure): void {
  report.failureCount++;
  for (const kind of new Set(failure.problems.map(problemKind))) report.problemKinds[kind] = (report.problemKinds[kind] ?? 0) + 1;
}

/** Runs cases in one worker thread until they are done or one hangs; resolves with where it stopped. */
function runWorker(job: WorkerJob, caseTimeoutMs: number, deadline: number, report: FuzzReport): Promise<{ hungAt: number | null }> {
  const { cases } = job;
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    let watchdog: NodeJS.Timeout | undefined;
    let stopped = false;
    const stop = (hungAt: number | null) => {
      stopped = true;
      clearTimeout(watchdog);
      void worker.terminate().then(() => resolve({ hungAt }));
    };
    worker.on('message', (message: WorkerMessage) => {
      // Messages already on their way when the worker was told to stop are not counted.
      if (stopped) return;
      if (message.type === 'start') {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          const hung = cases[message.index];
          const failure = { seed: hung.seed, generator: hung.generator, problems: [`did not finish within ${caseTimeoutMs} ms (hang or super-linear slowness)`], sample: message.sample };
          if (report.failures.length < MAX_REPORTED_FAILURES) report.failures.push(failure);
          countFailure(report, failure);
          stop(message.index);
        }, caseTimeoutMs);
      } else if (message.type === 'done') {
        clearTimeout(watchdog);
        report.cases++;
        if (message.ms > report.slowestMs) {
          report.slowestMs = message.ms;
          report.slowestSeed = cases[message.index].seed;
        }
        if (message.failure && report.failures.length < MAX_REPORTED_FAILURES) report.failures.push(message.failure);
        if (message.failure) countFailure(report, message.failure);
        if (performance.now() > deadline) {
          report.outOfTime = true;
          stop(null);
        }
      } else {
        stop(null);
      }
    });
    worker.on('error', (error) => {
      clearTimeout(watchdog);
      reject(error);
    });
  });
}

/**
 * Runs the cases in a worker thread. A case past caseTimeoutMs counts as a hang: the worker
 * is ended and a fresh one goes on with the next case, so one hang does not hide the rest.
 */
export async function runFuzz(runOptions: FuzzRunOptions): Promise<FuzzReport> {
  let options = runOptions;
  const caseTimeoutMs = options.caseTimeoutMs ?? 2000;
  const report: FuzzReport = { runSeed: options.runSeed, cases: 0, failureCount: 0, hangs: 0, problemKinds: {}, outOfTime: false, failures: [], elapsedMs: 0, slowestMs: 0, slowestSeed: 0 };
  const started = performance.now();
  const deadline = started + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  let remaining = plannedCases(options);
  while (remaining.length > 0) {
    const { hungAt } = await runWorker({ fuzzWorker: true, cases: remaining, simulateHangAt: options.simulateHangAt }, caseTimeoutMs, deadline, report);
    if (hungAt === null) break;
    report.hangs++;
    report.cases++;
    if (report.hangs >= (options.maxHangs ?? 5) || performance.now() > deadline) {
      report.outOfTime = performance.now() > deadline;
      break;
    }
    remaining = remaining.slice(hungAt + 1);
    options = { ...options, simulateHangAt: undefined };
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

/** How many cases broke each invariant, most frequent first. */
export function describeProblemKinds(report: FuzzReport): string {
  return Object.entries(report.problemKinds).sort((a, b) => b[1] - a[1]).map(([kind, count]) => `  ${count} case(s): ${kind}`).join('\n');
}

/** The failures as text, each with the command that replays it. */
export function describeFailures(report: FuzzReport): string {
  return report.failures.map((failure) => [
    `case seed ${failure.seed} (${failure.generator}), run seed ${report.runSeed}: ${failure.problems.join('; ')}`,
    `  input starts ${failure.sample}`,
    `  replay: FUZZ_SEED=${failure.seed} FUZZ_ONLY=1 npx mocha out/test/unit/fuzz.test.js --grep ${failure.generator}`,
  ].join('\n')).join('\n');
}

// ---------------------------------------------------------------------------------------
// The mocha suite (a few hundred cases); the worker thread loads this same file.

const DEFAULT_SEED = 0x7a11e5;

if (!isMainThread && (workerData as Partial<WorkerJob> | null)?.fuzzWorker) {
  workerMain(workerData as WorkerJob);
} else if (isMainThread && typeof describe === 'function') {
  const runSeed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : DEFAULT_SEED;
  const onlySeed = process.env.FUZZ_ONLY ? runSeed : undefined;
  const casesPerGenerator = Number(process.env.FUZZ_CASES ?? 75);

  describe(`fuzz: analyze on random and mutated transcripts (run seed ${runSeed})`, () => {
    for (const generator of GENERATORS) {
      it(`${onlySeed === undefined ? casesPerGenerator : 1} ${generator} case(s): never throws, never hangs, keeps the contract's invariants`, async function () {
        this.timeout(0);
        const report = await runFuzz({ runSeed, casesPerGenerator, generators: [generator], onlySeed });
        assert.equal(report.failureCount, 0, `${report.failureCount} of ${report.cases} cases failed:\n${describeProblemKinds(report)}\n${describeFailures(report)}`);
        assert.equal(report.cases, onlySeed === undefined ? casesPerGenerator : 1, `only ${report.cases} cases ran`);
      });
    }

    it('the watchdog ends a case that never returns, reports its seed and goes on with the next cases', async function () {
      this.timeout(20_000);
      const report = await runFuzz({ runSeed: 1, casesPerGenerator: 4, generators: ['synthetic'], simulateHangAt: 1, caseTimeoutMs: 500, maxHangs: 1 });
      assert.equal(report.hangs, 1);
      assert.equal(report.failures[0].seed, generatorCaseSeed(1, 'synthetic', 1));
      assert.match(report.failures[0].problems[0], /did not finish within 500 ms/);
      const resumed = await runFuzz({ runSeed: 1, casesPerGenerator: 4, generators: ['synthetic'], simulateHangAt: 1, caseTimeoutMs: 500, maxHangs: 2 });
      assert.equal(resumed.cases, 4, 'the cases after the hung one still ran');
    });

    it('the generators are deterministic: the same seed gives the same case', () => {
      for (const generator of GENERATORS) {
        assert.deepEqual(makeCase(12345, generator, fixtureTexts()), makeCase(12345, generator, fixtureTexts()));
      }
      assert.notEqual(makeCase(1, 'synthetic', []).text, makeCase(2, 'synthetic', []).text);
    });

    it('the invariant check catches a figure outside its line, wrong text, overlapping turns and unknown codes', () => {
      const text = 'Mirela Ostrand -- Chief Executive Officer\nRevenue was $4.2 billion.\nTobiah Venn -- Harrow Capital';
      const good = analyze(text);
      assert.deepEqual(contractViolations(text, good), []);
      const figure = { line: 1, start: 12, end: 24, text: '$4.2 billion', kind: 'money' as const, value: 4.2e9, min: null, max: null, unit: 'USD', approximate: false, bound: null, metric: null, change: null, comparison: null, qualifier: null, checked: false };
      const turn = { speaker: 'Mirela Ostrand', role: null, affiliation: null, speakerKind: 'management' as const, section: null, line: 0, endLine: 1, nameSpan: { line: 0, start: 0, end: 14 }, roleSpan: null, affiliationSpan: null, words: 4 };
      const broken: Analysis = {
        ...good,
        figures: [figure, { ...figure, start: 20, end: 40, text: 'billion.' }, { ...figure, text: '$4.3 billion' }, { ...figure, value: Number.NaN }],
        turns: [turn, { ...turn, line: 1, endLine: 3 }],
        // A code the type forbids, as a stale build or a hand-made value could still carry.
        diagnostics: [{ line: 5, start: 0, end: 1, severity: 'warning', code: 'no-such-code' as DiagnosticCode, message: 'x', fixes: [] }],
      };
      const problems = contractViolations(text, broken).join('\n');
      assert.match(problems, /figure 1 .*outside line 1/);
      assert.match(problems, /figure 2 .*text differs/);
      assert.match(problems, /figure 3 .*value is NaN/);
      assert.match(problems, /turn 0 .*next turn starts at line 1/);
      assert.match(problems, /turn 1 .*not inside the document/);
      assert.match(problems, /diagnostic 0 .*line 5 is outside/);
      assert.match(problems, /diagnostic 0 .*not in DIAGNOSTIC_CODES/);
    });
  });
}
