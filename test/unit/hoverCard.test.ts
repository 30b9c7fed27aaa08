// The hover card and the number formatting it shares with inlay hints.
import * as assert from 'node:assert/strict';
import type { Figure } from '../../server/src/engine';
import {
  clean, compactNumber, compactValue, escapeMarkdown, formatAmount, groupDigits, hoverCard, percentText,
} from '../../server/src/features/hoverCard';
import type { HoverContext } from '../../server/src/features/hoverCard';

function figure(overrides: Partial<Figure>): Figure {
  return {
    line: 0, start: 0, end: 1, text: '1', kind: 'count', value: null, min: null, max: null, unit: null,
    approximate: false, bound: null, metric: null, change: null, comparison: null, qualifier: null, checked: false,
    ...overrides,
  };
}

const NO_CONTEXT: HoverContext = { speaker: null, section: null, reportingCurrency: null, exchangeRates: {} };

describe('hover card number formatting', () => {
  it('groups digits in thousands and drops float noise', () => {
    assert.equal(groupDigits(234_200_000_000), '234,200,000,000');
    assert.equal(groupDigits(1234.5), '1,234.5');
    assert.equal(groupDigits(0.1 + 0.2), '0.3');
    assert.equal(clean(0.14 * 100), 14);
    assert.equal(groupDigits(-45_400_000), '-45,400,000');
  });

  it('writes compact values with K, M, B and T', () => {
    assert.equal(compactNumber(234_200_000_000), '234.2 B');
    assert.equal(compactNumber(1_500_000_000_000), '1.5 T');
    assert.equal(compactNumber(45_400_000), '45.4 M');
    assert.equal(compactNumber(12_000), '12 K');
    assert.equal(compactNumber(999), '999');
    assert.equal(compactNumber(-2_750_000_000), '-2.75 B');
    assert.equal(compactNumber(1_234_567), '1.23 M');
  });

  it('writes ratios as percentages and points in both units', () => {
    assert.equal(percentText(0.14), '14%');
    assert.equal(percentText(0.0725), '7.25%');
    assert.equal(formatAmount('percentagePoints', 'pp', 0.01, 'full'), '1 pp');
    assert.equal(formatAmount('percentagePoints', 'pp', 0.01, 'compact'), '100 bp');
    assert.equal(formatAmount('basisPoints', 'bp', 0.005, 'full'), '50 bp');
    assert.equal(formatAmount('basisPoints', 'bp', 0.005, 'compact'), '0.5 pp');
    assert.equal(formatAmount('multiple', 'x', 3, 'full'), '3x');
    assert.equal(formatAmount('duration', 'year', 2, 'full'), '2 years');
    assert.equal(formatAmount('duration', 'year', 1, 'full'), '1 year');
    assert.equal(formatAmount('date', null, 2024, 'full'), null);
    assert.equal(formatAmount('count', 'order', 45_400_000, 'full'), '45,400,000 orders');
    assert.equal(formatAmount('count', 'ads', 2, 'compact'), '2 ads');
    assert.equal(formatAmount('count', 'store', 1, 'full'), '1 store');
  });

  it('gives the compact value an inlay hint shows, and none for plain kinds', () => {
    assert.equal(compactValue(figure({ kind: 'money', value: 234_200_000_000, unit: 'CNY' })), '234.2 B CNY');
    assert.equal(compactValue(figure({ kind: 'count', value: 45_400_000, unit: 'order' })), '45.4 M orders');
    assert.equal(compactValue(figure({ kind: 'percentagePoints', value: 0.03, unit: 'pp' })), '3 pp');
    assert.equal(compactValue(figure({ kind: 'percent', min: 0.01, max: 0.03, unit: '%' })), '1% – 3%');
    assert.equal(compactValue(figure({ kind: 'label' })), null);
    assert.equal(compactValue(figure({ kind: 'unparsed' })), null);
  });

  it('escapes Markdown so a figure shows as written', () => {
    assert.equal(escapeMarkdown('\\$57.8*'), '\\\\$57\\.8\\*');
    assert.equal(escapeMarkdown('a_b'), 'a\\_b');
  });
});

describe('hover card content', () => {
  it('shows a money figure in full and compact form with its details', () => {
    const card = hoverCard(
      figure({ text: 'RMB234.2 billion', kind: 'money', value: 234_200_000_000, unit: 'CNY', metric: 'revenue', change: 'increase', comparison: 'year over year', approximate: true, qualifier: 'about' }),
      { ...NO_CONTEXT, speaker: 'Jane Roe', section: 'Prepared Remarks' },
    );
    assert.match(card, /^\*\*RMB234\\\.2 billion\*\* · Money/);
    assert.match(card, /234,200,000,000 CNY · 234\.2 B CNY/);
    assert.match(card, /Metric: revenue/);
    assert.match(card, /Change: increase, year over year/);
    assert.match(card, /Qualifier: approximate \("about"\)/);
    assert.match(card, /Jane Roe, Prepared Remarks/);
  });

  it('says which words the metric was read from', () => {
    const expense = figure({ text: 'EUR 487 million', kind: 'money', value: 487e6, unit: 'EUR', metric: 'r&d expense', metricSpan: { line: 0, start: 0, end: 11 } });
    assert.match(hoverCard(expense, { ...NO_CONTEXT, metricWords: 'R&D expense' }), /Metric: r&d expense — from "R&D expense"/);
    assert.doesNotMatch(hoverCard(figure({ kind: 'count', value: 5 }), { ...NO_CONTEXT, metricWords: 'ignored' }), /Metric/);
  });

  it('says the bound a qualifier sets', () => {
    assert.match(hoverCard(figure({ kind: 'count', value: 5, bound: 'atLeast', qualifier: 'more than' }), NO_CONTEXT), /at least \("more than"\)/);
    assert.match(hoverCard(figure({ kind: 'count', value: 5, bound: 'atMost' }), NO_CONTEXT), /at most/);
  });

  it('says when the currency was inferred from the document, or is not stated at all', () => {
    const inferred = hoverCard(figure({ kind: 'money', text: '27.8 million', value: 27_800_000, unit: 'USD', currencyInferred: true }), NO_CONTEXT);
    assert.match(inferred, /Currency inferred: USD is the document's currency/);
    const unstated = hoverCard(figure({ kind: 'money', text: '5 million', value: 5_000_000, unit: null }), NO_CONTEXT);
    assert.match(unstated, /Currency unstated: the document names no currency/);
    assert.doesNotMatch(hoverCard(figure({ kind: 'money', value: 5, unit: 'USD' }), NO_CONTEXT), /Currency (?:inferred|unstated)/);
  });

  it('converts money only with a rate the user set for that currency', () => {
    const money = figure({ kind: 'money', value: 10_000_000, unit: 'CNY' });
    assert.doesNotMatch(hoverCard(money, NO_CONTEXT), /In USD/);
    assert.doesNotMatch(hoverCard(money, { ...NO_CONTEXT, reportingCurrency: 'USD' }), /In USD/);
    assert.doesNotMatch(hoverCard(money, { ...NO_CONTEXT, reportingCurrency: 'USD', exchangeRates: { EUR: 1.1 } }), /In USD/);
    const converted = hoverCard(money, { ...NO_CONTEXT, reportingCurrency: 'USD', exchangeRates: { CNY: 0.138 } });
    assert.match(converted, /In USD: 1,380,000 USD · 1\.38 M USD \(at your rate of 0\.138 USD per CNY\)/);
    assert.doesNotMatch(hoverCard(figure({ kind: 'money', value: 5, unit: 'USD' }), { ...NO_CONTEXT, reportingCurrency: 'USD', exchangeRates: { USD: 1 } }), /In USD/);
  });

  it('shows ranges and fuzzy amounts as min–max', () => {
    const fuzzy = hoverCard(figure({ text: 'high single digit', kind: 'percent', min: 0.07, max: 0.09, unit: '%', approximate: true }), NO_CONTEXT);
    assert.match(fuzzy, /7% – 9%/);
    assert.match(fuzzy, /Fuzzy amount/);
    const stated = hoverCard(figure({ kind: 'money', min: 5_000_000, max: 7_000_000, unit: 'USD' }), NO_CONTEXT);
    assert.match(stated, /5,000,000 USD – 7,000,000 USD · 5 M USD – 7 M USD/);
    assert.match(stated, /A stated range/);
  });

  it('gives plain numbers a short card saying what they are', () => {
    assert.match(hoverCard(figure({ text: '618', kind: 'label' }), NO_CONTEXT), /Label: part of a name, not a measure/);
    assert.match(hoverCard(figure({ text: '2024', kind: 'date' }), NO_CONTEXT), /^\*\*2024\*\* · Date/);
    assert.match(hoverCard(figure({ text: 'Q1', kind: 'period' }), NO_CONTEXT), /Period/);
  });

  it('says an unreadable figure could not be read and leaves the why to the warning the editor shows beside it', () => {
    const card = hoverCard(figure({ text: '9.1', kind: 'unparsed' }), NO_CONTEXT);
    assert.match(card, /could not be read/);
    assert.match(card, /Quick Fix/);
    assert.doesNotMatch(card, /unit|percentage|amount\?/, 'no second copy of the warning');
  });

  it('notes a figure the user checked', () => {
    assert.match(hoverCard(figure({ kind: 'percent', value: 0.091, unit: '%', checked: true }), NO_CONTEXT), /Checked by you/);
  });
});
