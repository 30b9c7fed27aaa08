// Incremental re-analysis equals a full analysis: thousands of random edits (typing, deletes,
// line splits and joins, edits inside figures and speaker labels, stated currencies and
// decimal commas that change what the whole document decides) are applied one after another
// to fixtures, the seed corpora beside the repo and generated transcripts, and after every
// edit update() must give exactly (deep equality) what analyze() gives for the new text.
//   INCREMENTAL_SEED=<n> replays a run; INCREMENTAL_EDITS=<n> sets the edits per text.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, anchorFigure, LineIndex } from '../../server/src/engine';
import type { AnalyzeOptions, CheckedFigure } from '../../server/src/engine';
import { afterTransfer, analyzeIncrementally, forTransfer, lineStartsOf, update, updateText } from '../../server/src/engine/incremental';
import type { IncrementalAnalysis, TextEdit } from '../../server/src/engine/incremental';
import type { Random } from './fuzz.test';
import { fixtureTexts, randomFigure, seededRandom, syntheticTranscript } from './fuzz.test';

const root = join(__dirname, '..', '..', '..');
const runSeed = Number(process.env.INCREMENTAL_SEED ?? 12) >>> 0;
const editsPerText = Number(process.env.INCREMENTAL_EDITS ?? 30);
/** Texts are cut to windows of about this many characters, so each full analysis stays quick. */
const WINDOW = 5000;

function corpusTexts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(dir, name), 'utf8'));
}

/** A window of the text that starts and ends at line breaks, somewhere in it. */
function window(text: string, random: Random): string {
  if (text.length <= WINDOW) return text;
  const from = text.indexOf('\n', Math.floor(random() * (text.length - WINDOW)));
  const to = text.indexOf('\n', from + WINDOW);
  return text.slice(from + 1, to < 0 ? text.length : to + 1);
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const SNIPPETS = [
  ' million', ' billion', '%', ' percent', ' basis points', '$', 'RMB ', '€', '¥', ' about ', ' up ', ' down ',
  ' year over year', ' revenue ', 'Operator:', '\n\nJane Roe -- Chief Financial Officer\n', '\nQ:', ' 12', '.5', ',', '.',
  '\nAll amounts are in euros unless otherwise stated.\n', '\nAll figures are in RMB.\n', ' 1.234,5 ', ' 2.500,75 ',
  '\n## Questions and Answers\n',
  // Consistency claims, and the words that make or unmake them around figures already there.
  ' Revenue was $100 million, of which $60 million and $50 million came from services. ',
  ' Revenue rose 10% from $100 million to $150 million. ', ' Q3 2025 revenue was $12 million. ', ' Q3 2025 revenue was $19 million. ',
  ' of which ', ' from ', ' to ', ' guidance ', ' Europe ',
  // Hard wraps: an amount whose scale opens the next line, a rank whose number does, versions named and bare.
  ' revenue of $2\nbillion for the year', ' $14\n\nmillion', '\nbillion ', '\nmillion in cash', ' our No.\n1 priority', ' Gemini 2.5 ', ' 2.5 ', '\nParticipants\nMara Quill - Chief Executive Officer\n', '十亿', '三成', ' two hundred ',
];

/** A random edit of the kinds typing makes, aimed at figures and labels half of the time. */
function randomEdit(random: Random, current: IncrementalAnalysis): TextEdit {
  const { text, analysis } = current;
  const offsetOf = (line: number, character: number): number => {
    let offset = 0;
    for (let i = 0; i < line; i++) {
      const next = text.indexOf('\n', offset);
      if (next < 0) return text.length;
      offset = next + 1;
    }
    return Math.min(text.length, offset + character);
  };
  const at = Math.floor(random() * (text.length + 1));
  const choice = random();
  if (choice < 0.2 && analysis.figures.length) {
    // Inside a figure: a digit changed, added or removed, or a unit glued on.
    const figure = pick(random, analysis.figures);
    const start = offsetOf(figure.line, figure.start + Math.floor(random() * Math.max(1, figure.end - figure.start)));
    const kind = random();
    if (kind < 0.4) return { start, end: Math.min(text.length, start + 1), text: String(Math.floor(random() * 10)) };
    if (kind < 0.6) return { start, end: Math.min(text.length, start + 1), text: '' };
    if (kind < 0.75) {
      // Words after the line's figures: they leave the figures as they are but change what the sentence says.
      const lineEnd = text.indexOf('\n', start);
      const at = lineEnd < 0 ? text.length : lineEnd;
      return { start: at, end: at, text: pick(random, [' from last year', ' guidance', ' in Europe', ' for Q3 2025', ' of which', ', or', '.']) };
    }
    return { start, end: start, text: pick(random, SNIPPETS) };
  }
  if (choice < 0.35 && analysis.turns.length) {
    // Inside a speaker label: a letter, the delimiter, the whole name.
    const turn = pick(random, analysis.turns);
    const start = offsetOf(turn.nameSpan.line, turn.nameSpan.start);
    const end = offsetOf(turn.nameSpan.line, turn.nameSpan.end);
    const kind = random();
    if (kind < 0.3) return { start: end, end: Math.min(text.length, end + 1), text: '' };
    if (kind < 0.6) return { start, end, text: pick(random, ['Ana Lee', 'OPERATOR', 'Q', 'Speaker 3', 'Tom']) };
    return { start: start + Math.floor(random() * (end - start + 1)), end: start + Math.floor(random() * (end - start + 1)), text: 'x' };
  }
  if (choice < 0.45) return { start: at, end: at, text: '\n' };
  if (choice < 0.55) {
    const lineBreak = text.indexOf('\n', at);
    if (lineBreak >= 0) return { start: lineBreak, end: lineBreak + 1, text: random() < 0.5 ? '' : ' ' };
  }
  if (choice < 0.7) return { start: at, end: Math.min(text.length, at + Math.floor(random() * 80)), text: '' };
  if (choice < 0.8) return { start: at, end: at, text: randomFigure(random) };
  if (choice < 0.95) return { start: at, end: at, text: pick(random, SNIPPETS) };
  // A block moved elsewhere: a paste of text from another part of the document.
  const from = Math.floor(random() * text.length);
  return { start: at, end: at, text: text.slice(from, from + Math.floor(random() * 400)) };
}

/** The text after the edit. */
function applied(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(Math.max(edit.start, edit.end));
}

/**
 * Applies random edits one after another, each through update() or, with `together`, up to
 * three at once through updateText(); checks every result against a full analysis, and now
 * and then that the previous version's analysis did not change.
 */
function checkEdits(name: string, source: string, seed: number, edits: number, { together = false, options = {} as AnalyzeOptions } = {}): number {
  const random = seededRandom(seed);
  let current = analyzeIncrementally(source, options);
  assert.deepEqual(current.analysis, analyze(source, options), `${name}: the first reading differs`);
  for (let i = 0; i < edits; i++) {
    const previous = current;
    const before = i % 5 === 0 ? structuredClone(previous.analysis) : null;
    const made: TextEdit[] = [];
    if (together) {
      // Several changes of one version, each on the text the one before left.
      let text = current.text;
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const edit = randomEdit(random, { ...current, text });
        made.push(edit);
        text = applied(text, edit);
      }
      current = updateText(current, text);
    } else {
      made.push(randomEdit(random, current));
      current = update(current, made[0]);
    }
    const expected = analyze(current.text, options);
    try {
      assert.deepEqual(current.analysis, expected);
      // The server takes its line index from the update's line starts.
      assert.deepEqual(lineStartsOf(current), new LineIndex(current.text).lineStarts, 'the line starts differ');
      if (before) assert.deepEqual(previous.analysis, before, 'the previous version\'s analysis changed');
    } catch (error) {
      const where = JSON.stringify(made).slice(0, 300);
      throw new Error(`${name} (seed ${seed}), edit ${i + 1} ${where}: the incremental analysis differs from a full one\n${(error as Error).message.slice(0, 3000)}`);
    }
  }
  return edits;
}

/** Checked readings for some of the text's figures (every one a reading of another kind, so it shows). */
function checkedReadings(text: string, random: Random): CheckedFigure[] {
  const lines = text.split(/\r\n|\r|\n/);
  return analyze(text).figures.filter(() => random() < 0.15).slice(0, 12).map((figure) => ({
    text: figure.text, ...anchorFigure(lines[figure.line], figure), kind: 'money' as const, value: 42, unit: 'CHF',
  }));
}

describe('incremental analysis equals a full analysis after every edit', function () {
  this.timeout(300_000);
  const random = seededRandom(runSeed);
  const sources: Array<{ name: string; texts: string[] }> = [
    { name: 'fixture', texts: fixtureTexts(root) },
    { name: 'seed corpus', texts: corpusTexts(join(root, '..', 'shared', 'corpus')) },
    { name: 'Earnings-21', texts: corpusTexts(join(root, '..', 'shared', 'corpus-earnings21')) },
    { name: 'generated', texts: Array.from({ length: 12 }, () => syntheticTranscript(random, 4000)) },
  ];
  let total = 0;
  for (const { name, texts } of sources) {
    if (!texts.length) continue;
    it(`${texts.length} ${name} texts, ${editsPerText} edits each`, () => {
      texts.forEach((text, i) => {
        const seed = (runSeed * 1000 + i * 7 + name.length) >>> 0;
        total += checkEdits(`${name} ${i}`, window(text, seededRandom(seed)), seed, editsPerText);
      });
    });
  }
  it('several changes in one version (updateText), CRLF line ends and checked readings', () => {
    const texts = sources.flatMap(({ texts }) => texts).filter((_, i) => i % 4 === 0);
    let attached = 0;
    texts.forEach((text, i) => {
      const seed = (runSeed * 3000 + i * 11) >>> 0;
      const windowed = window(text, seededRandom(seed));
      total += checkEdits(`text ${i}, several changes at once`, windowed, seed, Math.ceil(editsPerText / 2), { together: true });
      // CRLF breaks: a break typed right after a CR joins it into one line end, and a CR or LF deleted splits one.
      total += checkEdits(`text ${i}, CRLF`, windowed.replace(/\r?\n/g, '\r\n'), seed + 1, Math.ceil(editsPerText / 2));
      const checked = checkedReadings(windowed, seededRandom(seed + 2));
      attached += analyze(windowed, { checked }).figures.filter((figure) => figure.checked).length;
      total += checkEdits(`text ${i}, ${checked.length} checked readings`, windowed, seed + 2, Math.ceil(editsPerText / 2), { options: { checked } });
    });
    assert.ok(attached >= 20, `only ${attached} checked readings attached: the edits must meet some`);
  });

  it('joins a typed LF to the CR before it, and splits a CRLF when either half goes', () => {
    const text = 'Operator: Welcome.\r\rAna Lee -- Chief Financial Officer\rRevenue was $100 million.\r\nCosts were $20 million.\r\n';
    let current = analyzeIncrementally(text);
    const at = text.indexOf('\rRevenue') + 1;
    for (const edit of [{ start: at, end: at, text: '\n' }, { start: at, end: at + 1, text: '' }, { start: at - 1, end: at, text: '' }]) {
      current = update(current, edit);
      assert.deepEqual(current.analysis, analyze(current.text));
    }
    const crlf = current.text.indexOf('\r\nCosts');
    current = update(current, { start: crlf + 1, end: crlf + 2, text: '' });
    assert.deepEqual(current.analysis, analyze(current.text));
    assert.ok(current.analysis.figures.some((figure) => figure.text === '$20 million'));
  });

  it('reads a sentence again when words change after its figures (a parts check that no longer holds)', () => {
    const text = 'Operator: Welcome.\n\nAna Lee -- Chief Financial Officer\nRevenue was $100 million, of which $60 million was product and $50 million was services.\n';
    const before = analyzeIncrementally(text);
    assert.ok(before.analysis.diagnostics.some((d) => d.code === 'parts-exceed-whole'), 'the fixture must raise the parts check');
    const at = text.indexOf(' services');
    const after = update(before, { start: at, end: at, text: ' net' });
    assert.deepEqual(after.analysis, analyze(after.text));
    assert.ok(!after.analysis.diagnostics.some((d) => d.code === 'parts-exceed-whole'));
  });

  it('moves a line\'s consistency findings with it when lines are added above', () => {
    const text = 'Operator: Welcome.\n\nAna Lee -- Chief Financial Officer\nQ3 2025 revenue was $12 million.\nRevenue was $100 million, of which $60 million was product and $50 million was services.\nQ3 2025 revenue was $19 million.\n';
    let current = analyzeIncrementally(text);
    const codes = (analysis: typeof current.analysis) => analysis.diagnostics.map((d) => `${d.code}@${d.line}`).sort();
    assert.deepEqual(codes(current.analysis), ['conflicting-figures@5', 'parts-exceed-whole@4'], 'the fixture must raise both checks');
    const at = text.indexOf('Q3 2025 revenue was $12');
    for (const edit of [{ start: at, end: at, text: 'A new line.\n\n' }, { start: 0, end: 0, text: 'Title\n' }]) {
      current = update(current, edit);
      assert.deepEqual(current.analysis, analyze(current.text));
    }
    assert.deepEqual(codes(current.analysis), ['conflicting-figures@8', 'parts-exceed-whole@7']);
  });

  it('updates a reading sent from another thread without its text and lines as it updates the original', () => {
    const random = seededRandom(runSeed + 5);
    const text = window(fixtureTexts(root).join('\n'), random);
    let original = analyzeIncrementally(text);
    const sent = structuredClone(forTransfer(original));
    assert.equal(sent.text, '');
    let received = afterTransfer(sent, text);
    for (let i = 0; i < 20; i++) {
      const edit = randomEdit(random, original);
      original = update(original, edit);
      received = update(received, edit);
      assert.deepEqual(received.analysis, original.analysis);
      assert.deepEqual(received.analysis, analyze(received.text));
    }
  });

  it('ran thousands of edits', () => {
    assert.ok(total >= 2000, `only ${total} edits were checked`);
  });
});
