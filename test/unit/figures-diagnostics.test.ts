// Diagnostics on figures the engine cannot read, and the fixes they carry: each fix is
// applied to the line and the fixed line must then read without a diagnostic.
import * as assert from 'node:assert/strict';
import { analyze, anchorFigure, DIAGNOSTIC_CODES } from '../../server/src/engine';
import type { Diagnostic, Fix } from '../../server/src/engine';

/** Applies a fix's edits (all on one line, right to left) to a one-line text. */
function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  return edits.reduce((line, edit) => line.slice(0, edit.start) + edit.newText + line.slice(edit.end), text);
}

function only(text: string, code: string): Diagnostic {
  const found = analyze(text).diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(text)}, found ${JSON.stringify(analyze(text).diagnostics.map((d) => d.code))}`);
  return found[0];
}

describe('figures: diagnostics', () => {
  it('uses only codes from the catalog', () => {
    const call = 'Sales were RMB 3 billion and US$1 billion; net income was 4.2 billion, a 7.3 year-on-year increase, and 4\\.5% margin.';
    const diagnostics = analyze(call).diagnostics;
    assert.ok(diagnostics.length >= 3);
    for (const d of diagnostics) assert.ok(d.code in DIAGNOSTIC_CODES, d.code);
  });

  it('flags an amount with no currency in a call that mixes currencies, and offers the most used first', () => {
    const call = 'Revenue was RMB 31.6 billion and RMB 2.1 billion abroad; the bond raised US$0.5 billion.\nNet income was 4.2 billion.';
    const diagnostic = only(call, 'missing-currency');
    const line = call.split('\n')[1];
    assert.equal(line.slice(diagnostic.start, diagnostic.end), '4.2 billion');
    assert.equal(diagnostic.severity, 'warning');
    assert.match(diagnostic.message, /no currency, and the document writes amounts in CNY and USD/);
    assert.equal(diagnostic.fixes[0].title, 'Insert currency CNY');
    assert.equal(diagnostic.fixes[0].preferred, true);
    const fixed = applyFix(line, diagnostic.fixes[0]);
    assert.equal(fixed, 'Net income was RMB 4.2 billion.');
    const analysis = analyze(`${call.split('\n')[0]}\n${fixed}`);
    assert.deepEqual(analysis.diagnostics, []);
    assert.equal(analysis.figures[3].unit, 'CNY');
  });

  it('gives an amount the only currency its document writes, or its line, without a warning', () => {
    const single = analyze('Revenue was $31.6 million.\nNet income was 4.2 million.');
    assert.deepEqual(single.diagnostics, []);
    assert.deepEqual([single.figures[1].unit, single.figures[1].currencyInferred], ['USD', true]);
    const byLine = analyze('Sales were €3 million in Europe.\nOur US arm had $2 million of sales and 1.5 million of profit.');
    assert.deepEqual(byLine.diagnostics, []);
    assert.equal(byLine.figures[2].unit, 'USD');
  });

  it('offers common currencies when the call has none, none preferred', () => {
    const diagnostic = only('We invested 1 billion to build it.', 'missing-currency');
    assert.deepEqual(diagnostic.fixes.map((f) => f.title), ['Insert currency USD', 'Insert currency CNY', 'Insert currency EUR']);
    assert.ok(diagnostic.fixes.every((f) => !f.preferred));
    assert.equal(applyFix('We invested 1 billion to build it.', diagnostic.fixes[0]), 'We invested $1 billion to build it.');
  });

  it('flags an order of magnitude with no currency or noun', () => {
    only('The platform creates billions in employment.', 'missing-currency');
  });

  it('flags a bare change number and offers to insert "%"', () => {
    const line = 'Profit saw a 9.1 year-on-year increase.';
    const diagnostic = only(line, 'unparsed-figure');
    assert.equal(line.slice(diagnostic.start, diagnostic.end), '9.1');
    const fixed = applyFix(line, diagnostic.fixes[0]);
    assert.equal(fixed, 'Profit saw a 9.1% year-on-year increase.');
    assert.deepEqual(analyze(fixed).diagnostics, []);
    assert.equal(analyze(fixed).figures[0].value, 0.091);
  });

  it('flags markup debris inside a number and removes it', () => {
    for (const [line, clean] of [['A slide showed 4\\.5% churn.', 'A slide showed 4.5% churn.'], ['It cost \\\\$300 million.', 'It cost $300 million.']]) {
      const diagnostic = only(line, 'escaped-symbol');
      assert.equal(diagnostic.severity, 'information');
      assert.equal(applyFix(line, diagnostic.fixes[0]), clean);
      assert.deepEqual(analyze(clean).diagnostics, []);
    }
    // The figure is still read.
    assert.equal(analyze('A slide showed 4\\.5% churn.').figures[0].value, 0.045);
  });

  it('stays silent on dates, labels, ordinals, counts and resolved figures', () => {
    const call = [
      'On June 18, 2024 our 618 festival and the 88VIP program beat 2023 in Q2 FY2025.',
      'We ranked no. 1 and 36th, with 20 cities, 1,000 models, 45.4 million of our ADSs and \\$3.3 billion.',
      'Scope 1, Scope 2, Llama 2, 1+6+N, B2B, 2c and 2b all appear; the ticker is 09988.',
      'Growth was 5% to 7%, double-digit, about half, three times, two-thirds and 20-plus years.',
    ].join('\n');
    assert.deepEqual(analyze(call).diagnostics, []);
  });
});

describe('figures: checked readings', () => {
  // Two currencies on the line, so neither amount can take one.
  const line = 'At RMB 3 and US$1 billion, net income was 4.2 billion, an increase of 0.6 billion.';

  function checkedFor(text: string, at: string) {
    const start = text.indexOf(at);
    return { text: at, ...anchorFigure(text, { start, end: start + at.length }), kind: 'money' as const, value: 4_200_000_000, unit: 'HKD' };
  }

  it('anchors a figure by up to 40 characters on each side', () => {
    const long = `${'x'.repeat(50)} 4.2 billion ${'y'.repeat(50)}`;
    const anchor = anchorFigure(long, { start: 51, end: 62 });
    assert.equal(anchor.before, `${'x'.repeat(39)} `);
    assert.equal(anchor.after, ` ${'y'.repeat(39)}`);
    assert.deepEqual(anchorFigure('4.2 billion', { start: 0, end: 11 }), { before: '', after: '' });
  });

  it('applies the chosen reading and drops the diagnostic', () => {
    const analysis = analyze(line, { checked: [checkedFor(line, '4.2 billion')] });
    const figure = analysis.figures.find((f) => f.text === '4.2 billion');
    assert.ok(figure);
    assert.equal(figure.checked, true);
    assert.equal(figure.kind, 'money');
    assert.equal(figure.unit, 'HKD');
    assert.equal(figure.value, 4_200_000_000);
    assert.deepEqual(analysis.diagnostics.map((d) => line.slice(d.start, d.end)), ['0.6 billion']);
  });

  it('stays attached when lines are added above and words change far away', () => {
    const checked = checkedFor(line, '4.2 billion');
    const edited = `A new opening line.\nToday, at RMB 3 and US$1 billion, net income was 4.2 billion, an increase of 0.6 billion, we said.`;
    const figure = analyze(edited, { checked: [checked] }).figures.find((f) => f.text === '4.2 billion');
    assert.ok(figure?.checked);
    assert.equal(figure.line, 1);
  });

  it('picks the figure whose context matches best among equal texts', () => {
    const call = `Cash was 4.2 billion at the start.\n${line}`;
    const analysis = analyze(call, { checked: [checkedFor(line, '4.2 billion')] });
    const checked = analysis.figures.filter((f) => f.checked);
    assert.equal(checked.length, 1);
    assert.equal(checked[0].line, 1);
  });

  it('does not attach to a figure whose context no longer matches', () => {
    const analysis = analyze('Unrelated words around 4.2 billion here.', { checked: [checkedFor(line, '4.2 billion')] });
    assert.ok(analysis.figures.every((f) => !f.checked));
    assert.equal(analysis.diagnostics.length, 1);
  });
});
