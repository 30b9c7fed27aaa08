// The inlay-hint rule: a hint only where it tells the reader something the figure's text does
// not, short, and in one piece a wrapped line cannot split.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { hintLabel, MAX_HINT_LENGTH, repeatsFigure } from '../../server/src/features/inlayHints';

/** Our own invented call, with the sentence in its first turn. */
function hintsOf(sentence: string): Map<string, string | null> {
  const text = `### **Ann Vale** -- Chief Financial Officer\n\n${sentence}\n\n### **Bo Kim** -- Analyst, Harbor Securities\n\nThanks.\n`;
  const lines = text.split('\n');
  return new Map(analyze(text).figures.map((figure) => [figure.text, hintLabel(figure, lines[figure.line])]));
}

/** The label with ordinary spaces, for readable expectations. */
function plain(label: string | null | undefined): string | null | undefined {
  return label?.replace(/\u00a0/g, ' ');
}

describe('inlay hints', () => {
  it('shows another unit: percentage points as basis points, RMB as CNY', () => {
    const hints = hintsOf('Revenue was RMB 234.2 billion and the margin rose 1 percentage point, then 50 basis points.');
    assert.equal(plain(hints.get('RMB 234.2 billion')), '= 234.2 B CNY');
    assert.equal(plain(hints.get('1 percentage point')), '= 100 bp');
    assert.equal(plain(hints.get('50 basis points')), '= 0.5 pp');
  });

  it('shows a fuzzy amount as its range, briefly', () => {
    const hints = hintsOf('We expect mid single digit growth next year.');
    assert.equal(plain(hints.get('mid single digit')), '= 4–6%');
  });

  it('shows numbers written without their scale or in words', () => {
    const hints = hintsOf('We served 45,400,000 orders and two million households.');
    assert.equal(plain(hints.get('45,400,000')), '= 45.4 M orders');
    assert.match(plain([...hints.entries()].find(([text]) => text.startsWith('two million'))?.[1]) ?? '', /^= 2 M/);
  });

  it('shows no hint that repeats what the text says', () => {
    const hints = hintsOf('Revenue grew 14% to $3.1 billion, or 14 percent, with USD 820 million of services and 45.4 million orders, 3x more.');
    for (const [text, label] of hints) assert.equal(label, null, `"${text}" got the hint ${label}`);
  });

  it('tells repeating hints from informative ones', () => {
    assert.equal(repeatsFigure('1 pp', '1 percentage point'), true);
    assert.equal(repeatsFigure('100 bp', '1 percentage point'), false);
    assert.equal(repeatsFigure('57.8 B USD', '\\$57.8 billion'), true);
    assert.equal(repeatsFigure('57.8 B USD', '57.8 billion'), false);
    assert.equal(repeatsFigure('234 B CNY', '234 billion RMB'), false);
    assert.equal(repeatsFigure('2.5 M', '2,500,000'), false);
    assert.equal(repeatsFigure('14%', '１４％'), true);
  });

  it('keeps every hint short and in one piece', () => {
    const hints = hintsOf('Guidance is USD 1.25 billion to USD 1.5 billion, between RMB 39.0 billion and RMB 40.2 billion.');
    const labels = [...hints.values()].filter((label): label is string => label !== null);
    assert.ok(labels.length > 0);
    for (const label of labels) {
      assert.ok(label.length <= MAX_HINT_LENGTH + 2, `${label} is too long`);
      assert.doesNotMatch(label, / /, `${label} has a space a wrapped line could break at`);
    }
    assert.equal(plain(hints.get('RMB 39.0 billion and RMB 40.2 billion')), '= 39–40.2 B CNY');
  });
});
