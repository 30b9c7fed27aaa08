// Consistency checks: each fires on the wording it documents, points at the other figures,
// and stays quiet where the values agree within rounding or the wording is unsure.
import * as assert from 'node:assert/strict';
import { analyze, DIAGNOSTIC_CODES } from '../../server/src/engine';
import type { Diagnostic } from '../../server/src/engine';
import { toLspDiagnostic } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const CONSISTENCY_CODES = new Set(['conflicting-figures', 'change-mismatch', 'parts-exceed-whole']);

/** A two-turn call of our own with the sentences in the first turn, one a line. */
function callWith(...sentences: string[]): string {
  return `Priya Okafor -- Chief Financial Officer\n${sentences.join('\n')}\n\nTomas Lindqvist -- Analyst\nThanks.\n`;
}

function consistencyOf(text: string): Diagnostic[] {
  return analyze(text).diagnostics.filter((d) => CONSISTENCY_CODES.has(d.code));
}

/** The text a span covers. */
function textAt(text: string, span: { line: number; start: number; end: number }): string {
  return text.split('\n')[span.line].slice(span.start, span.end);
}

describe('consistency: a stated change against its two values', () => {
  const contradicting: Array<[string, string, string[]]> = [
    ['Revenue was $110 million, up 10% from $90 million.', '10%', ['$90 million', '$110 million']],
    ['Subscription revenue rose 5% from $200 million to $260 million.', '5%', ['$200 million', '$260 million']],
    ['Subscription revenue rose 5% to $260 million from $200 million.', '5%', ['$200 million', '$260 million']],
    ['Services revenue grew from $80 million to $120 million, or 15%.', '15%', ['$80 million', '$120 million']],
    ['Active customers were 4,600, down 8% from 4,000.', '8%', ['4,000', '4,600']],
    ['Gross margin was 41.5%, up 150 basis points from 38.0%.', '150 basis points', ['38.0%', '41.5%']],
    ['Revenue was $115 million compared to $137 million in the year-ago period, a decrease of 21%.', '21%', ['$137 million', '$115 million']],
    ['Bookings rose 12% to $424 million, compared to $400 million last year.', '12%', ['$400 million', '$424 million']],
    ['Margins decreased 20 basis points to 41.2% in the second quarter of fiscal 2025 from 51% in the prior year period.', '20 basis points', ['51%', '41.2%']],
  ];
  for (const [sentence, change, related] of contradicting) {
    it(`flags "${sentence}" on the change, pointing at both values`, () => {
      const text = callWith(sentence);
      const found = consistencyOf(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0].code, 'change-mismatch');
      assert.equal(textAt(text, found[0]), change);
      assert.deepEqual(found[0].related?.map((r) => textAt(text, r.span)), related);
    });
  }

  const agreeing = [
    'Revenue was $110 million, up 22% from $90 million.',
    'Operating expenses were $1.25 billion, up 4% from $1.2 billion.',
    'Active customers were 4,600, down 8% from 5,000.',
    'Gross margin was 41.5%, up 350 basis points from 38.0%.',
    'Services revenue grew from $80 million to $120 million, or 50%.',
    'Revenue was $115 million compared to $137 million in the year-ago period, a decrease of 16%.',
    'Bookings rose 6% to $424 million, compared to $400 million last year.',
    'Margins decreased 20 basis points to 41.2% in the second quarter of fiscal 2025 from 41.4% in the prior year period.',
    // Another basis for the change than the two values.
    'Revenue was $110 million, up 10% from $90 million in constant currency.',
    'Revenue grew at a 10% CAGR from $90 million to $150 million.',
    // Approximate values leave the rounding open.
    'Revenue was about $115 million, up 10% from about $90 million.',
    // A change amount, not a level, before the change.
    'Revenue grew $20 million, up 10% from $200 million.',
  ];
  for (const sentence of agreeing) {
    it(`leaves "${sentence}" alone`, () => assert.deepEqual(consistencyOf(callWith(sentence)), []));
  }

  it('allows the rounding of every written digit', () => {
    // 1.25 / 1.2 - 1 = 4.2%, and "4%" covers 3.5% to 4.5%.
    assert.deepEqual(consistencyOf(callWith('Costs were $1.25 billion, up 4% from $1.2 billion.')), []);
    // 10 to 12 is +20%, far from 5% whatever the rounding.
    assert.equal(consistencyOf(callWith('Costs were $12 billion, up 5% from $10 billion.')).length, 1);
  });
});

describe('consistency: parts above their whole', () => {
  it('flags parts listed with "of which" that add up to more than the whole', () => {
    const text = callWith('Total backlog was $500 million, of which $320 million is services and $240 million is hardware.');
    const found = consistencyOf(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].code, 'parts-exceed-whole');
    assert.equal(textAt(text, found[0]), '$500 million');
    assert.deepEqual(found[0].related?.map((r) => textAt(text, r.span)), ['$320 million', '$240 million']);
  });

  it('leaves parts that fit, netted wholes and comparisons alone', () => {
    for (const sentence of [
      'Total backlog was $500 million, of which $320 million is services and $180 million is hardware.',
      'Net income was $40 million, of which $55 million came from a one-time gain.',
      'Total backlog was $500 million, of which $320 million is services, up from $240 million last year.',
    ]) assert.deepEqual(consistencyOf(callWith(sentence)), [], sentence);
  });
});

describe('consistency: one metric, one period, two values', () => {
  it('flags a second statement of the same period with another value, pointing at the first', () => {
    const text = callWith('Third quarter 2025 revenue was $4.2 billion.', 'So, in Q3 2025, revenue was $4.6 billion.');
    const found = consistencyOf(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].code, 'conflicting-figures');
    assert.equal(textAt(text, found[0]), '$4.6 billion');
    assert.deepEqual(found[0].related?.map((r) => textAt(text, r.span)), ['$4.2 billion']);
  });

  it('leaves rounding, other periods, segments, forecasts and other bases alone', () => {
    for (const second of [
      'So, in Q3 2025, revenue was $4.24 billion.',
      'Third quarter 2024 revenue was $3.9 billion.',
      'Europe revenue was $1.1 billion in the third quarter of 2025.',
      'Services, which represented $1.1 billion of revenue in the third quarter of 2025, grew.',
      'We expect third quarter 2025 revenue of $4.8 billion.',
      'Third quarter 2025 adjusted revenue was $4.5 billion.',
    ]) assert.deepEqual(consistencyOf(callWith('Third quarter 2025 revenue was $4.2 billion.', second)), [], second);
  });
});

describe('consistency: codes and the editor', () => {
  it('uses catalog codes with warning severity', () => {
    for (const code of CONSISTENCY_CODES) assert.equal(DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES]?.defaultSeverity, 'warning', code);
  });

  it('becomes an LSP diagnostic whose related information locates the other figures', () => {
    const text = callWith('Revenue was $110 million, up 10% from $90 million.');
    const [diagnostic] = consistencyOf(text);
    const lsp = toLspDiagnostic(diagnostic, DEFAULT_SETTINGS, 'file:///call.txt');
    assert.deepEqual(lsp?.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character, r.location.range.end.character]), [
      ['file:///call.txt', 1, 38, 49],
      ['file:///call.txt', 1, 12, 24],
    ]);
    assert.match(lsp?.relatedInformation?.[0].message ?? '', /measured from/);
  });

  it('finds nothing in a call without the wordings it checks', () => {
    assert.deepEqual(consistencyOf(callWith('Revenue was $110 million in the quarter.', 'We have 4,600 active customers.')), []);
  });
});
