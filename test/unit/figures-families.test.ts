// The figure families of issue 9, one block each: ranges and alternatives as one figure, CJK
// numbers, lakh and crore, decimal commas, currencies the document decides, rates, ratios,
// years and identifiers. Every sentence is our own invented text.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { CURRENCIES } from '../../server/src/engine/facts/currencies';
import { SCALE_FACTS } from '../../server/src/engine/facts/scales';
import { UNIT_FACTS } from '../../server/src/engine/facts/units';
import { currencyOf, PREFIX_OF } from '../../server/src/engine/figures/currencies';
import { SCALES } from '../../server/src/engine/figures/numbers';
import { figureIn, reads } from '../support/figures';

describe('figures: one facts table per fact', () => {
  it('knows every mark of every currency row, and a fix prefix for each', () => {
    for (const row of CURRENCIES) {
      for (const mark of [...row.before, ...row.after]) assert.equal(currencyOf(mark), row.iso, mark);
      if (!row.iso.endsWith('?')) assert.ok(PREFIX_OF.get(row.iso), row.iso);
    }
  });

  it('knows every scale of the scale table', () => {
    for (const row of SCALE_FACTS) {
      for (const written of [...row.words, ...row.abbreviations, ...row.letters, ...row.cjk]) assert.equal(SCALES.get(written.toLowerCase()), row.factor, written);
    }
  });

  it('reads every unit of the unit table after a blank, a hyphen or glued', () => {
    for (const row of UNIT_FACTS) {
      const value = row.kind === 'basisPoints' ? 0.0012 : row.kind === 'multiple' ? 12 : 0.12;
      const written = [
        ...[...row.words, ...row.abbreviations].flatMap((form) => [`12 ${form}`, `12-${form.replace(/ /g, '-')}`]),
        ...row.symbols.flatMap((form) => [`12${form}`, `12 ${form}`]),
        ...[...row.abbreviations, ...row.glued].map((form) => `12${form}`),
      ];
      for (const figure of written) reads(`Our margin moved by a ${figure} change last year.`, figure, { kind: row.kind, value, unit: row.unit });
    }
  });

  it('reads spelled numbers with hyphenated units, and a multiplication sign between numbers as no unit', () => {
    reads('It was a five-percent rise.', 'five-percent', { kind: 'percent', value: 0.05 });
    reads('After a 50-basis-point cut, rates held.', '50-basis-point', { kind: 'basisPoints', value: 0.005 });
    reads('A 3 × 4 grid of stores.', '3', { kind: 'count', unit: null });
    reads('Leverage stood at 4.1 × at year end.', '4.1 ×', { kind: 'multiple', value: 4.1, unit: 'x' });
    assert.ok(!analyze('The 90th percentile of 12 percentiles.').figures.some((f) => f.kind === 'percent'));
  });

  it('reads the same currency the same way before an amount, after it and in a range', () => {
    reads('The arm earned 300 million SGD.', '300 million SGD', { kind: 'money', value: 300_000_000, unit: 'SGD' });
    reads('We guide to S$3 to S$4 billion.', 'S$3 to S$4 billion', { kind: 'money', min: 3e9, max: 4e9, unit: 'SGD' });
    reads('We guide to US$3 to US$4 billion.', 'US$3 to US$4 billion', { kind: 'money', min: 3e9, max: 4e9, unit: 'USD' });
    reads('營收 500 萬元。', '500 萬元', { kind: 'money', value: 5_000_000, unit: 'CNY' });
  });
});

describe('figures: ranges and alternatives', () => {
  it('reads both ends as one figure with min and max', () => {
    reads('We shipped 33 to 35 units.', '33 to 35', { kind: 'count', min: 33, max: 35, value: null, unit: 'unit' });
    reads('We expect 30 to 35 next year.', '30 to 35', { kind: 'count', min: 30, max: 35 });
    reads('Revenue will be between USD 39.0 billion and USD 40.2 billion.', 'USD 39.0 billion and USD 40.2 billion', { kind: 'money', min: 39e9, max: 40.2e9, unit: 'USD' });
    reads('Spreads moved 3 or 4 basis points.', '3 or 4 basis points', { kind: 'basisPoints', min: 0.0003, max: 0.0004 });
    reads('Deals north of 50 or 100 million dollars.', '50 or 100 million dollars', { kind: 'money', min: 5e7, max: 1e8, bound: 'atLeast' });
    reads('Margins of 5% to 7%.', '5% to 7%', { kind: 'percent', min: 0.05, max: 0.07 });
    reads('Capex of 600-800 million dollars.', '600-800 million dollars', { kind: 'money', min: 6e8, max: 8e8 });
  });

  it('keeps a movement, a repetition and a different unit apart', () => {
    const moved = analyze('Revenue rose from $5.5 million to $92.8 million.').figures.map((f) => f.text);
    assert.deepEqual(moved, ['$5.5 million', '$92.8 million']);
    assert.deepEqual(analyze('Revenue was up $2 million to $40 million.').figures.map((f) => f.text), ['$2 million', '$40 million']);
    assert.deepEqual(analyze('Growth was 22- 22%.').figures.map((f) => f.text), ['22', '22%']);
    assert.deepEqual(analyze('We saved $9.4 million or 38% of costs.').figures.map((f) => f.kind), ['money', 'percent']);
  });
});

describe('figures: CJK numbers', () => {
  it('reads digits with CJK scales and currencies', () => {
    reads('本季營收達到 10 億美元。', '10 億美元', { kind: 'money', value: 1e9, unit: 'USD' });
    reads('全年收入１２３億元。', '１２３億元', { kind: 'money', value: 12.3e9, unit: 'CNY' });
    reads('日本子公司為 120 億日圓。', '120 億日圓', { kind: 'money', value: 12e9, unit: 'JPY' });
    reads('子公司營收為新台幣 35 億元。', '新台幣 35 億元', { kind: 'money', value: 3.5e9, unit: 'TWD' });
    reads('歐洲業務 3 百萬歐元。', '3 百萬歐元', { kind: 'money', value: 3e6, unit: 'EUR' });
  });

  it('reads Chinese numerals with a scale or a unit, and leaves them alone otherwise', () => {
    reads('公司計劃投資十億元。', '十億元', { kind: 'money', value: 1e9, unit: 'CNY' });
    reads('淨利潤二十億元左右。', '二十億元', { kind: 'money', value: 2e9, approximate: true });
    reads('其中三成用於研發。', '三成', { kind: 'percent', value: 0.3 });
    reads('訂單增長三倍。', '三倍', { kind: 'multiple', value: 3 });
    reads('為數十億用戶提供服務。', '數十億', { kind: 'count', min: 2e9, max: 9e9, value: null, unit: '用戶', approximate: true });
    assert.deepEqual(analyze('我們十分重視，一個問題接著一個問題。').figures, []);
  });

  it('reads points, counts and qualifiers said in Chinese', () => {
    reads('毛利率提升 1.5 個百分點。', '1.5 個百分點', { kind: 'percentagePoints', value: 0.015, unit: 'pp' });
    reads('連接了超過 20 億個設備。', '20 億', { kind: 'count', value: 2e9, unit: '設備', bound: 'atLeast' });
    reads('約 3,000 萬港元。', '3,000 萬港元', { kind: 'money', value: 3e7, unit: 'HKD', approximate: true });
  });
});

describe('figures: Indian and European notations', () => {
  it('reads lakh, crore and Indian digit grouping', () => {
    reads('Revenue was Rs. 13,68,821 thousand.', 'Rs. 13,68,821 thousand', { kind: 'money', value: 1_368_821_000, unit: 'INR' });
    reads('We lent ₹4,500 crore.', '₹4,500 crore', { kind: 'money', value: 45_000_000_000, unit: 'INR' });
    reads('The ticket was 1,00,000 rupees.', '1,00,000 rupees', { kind: 'money', value: 100_000, unit: 'INR' });
    reads('We have 2.5 lakh customers.', '2.5 lakh', { kind: 'count', value: 250_000, unit: 'customer' });
  });

  it('reads decimal commas where the document writes them, and only there', () => {
    const european = 'Der Umsatz stieg auf 1.234,5 Mio. € und die Marge auf 12,5 %.';
    reads(european, '1.234,5 Mio. €', { kind: 'money', value: 1_234_500_000, unit: 'EUR' });
    reads(european, '12,5 %', { kind: 'percent', value: 0.125 });
    reads('We sold 1,234 units at 12.5% margin.', '1,234', { kind: 'count', value: 1234 });
  });

  it('reads "per cent"', () => {
    reads('Inflation was 2.5 per cent.', '2.5 per cent', { kind: 'percent', value: 0.025 });
  });
});

describe('figures: the currency of an amount that does not write one', () => {
  it('takes the only currency of the document, even when only "$", and says it was inferred', () => {
    const call = 'Revenue was $412.6 million.\nAdjusted EBITDA was 27.8 million.';
    const analysis = analyze(call);
    assert.deepEqual(analysis.diagnostics, []);
    reads(call, '27.8 million', { kind: 'money', value: 27_800_000, unit: 'USD', currencyInferred: true });
    assert.equal(figureIn(call, '$412.6 million').currencyInferred, undefined);
  });

  it('reads cents, spelled amounts, bucks, quid and pesos as money', () => {
    const call = 'Revenue was $10 million. EPS was 17 cents per share, or six cents above plan, and we hold three billion of cash.';
    reads(call, '17 cents', { kind: 'money', value: 0.17, unit: 'USD' });
    reads(call, 'six cents', { kind: 'money', value: 0.06, unit: 'USD' });
    reads(call, 'three billion', { kind: 'money', value: 3e9, unit: 'USD', currencyInferred: true });
    reads('A seat costs nineteen bucks.', 'nineteen bucks', { kind: 'money', value: 19, unit: 'USD' });
    reads('It costs 5 quid.', '5 quid', { kind: 'money', value: 5, unit: 'GBP' });
    reads('We collected 90 million pesos.', '90 million pesos', { kind: 'money', value: 9e7, unit: 'MXN' });
    reads('Costs were hundreds of millions of dollars.', 'hundreds of millions of dollars', { kind: 'money', min: 1e8, unit: 'USD' });
  });

  it('warns only where the document mixes currencies and the line does not decide, with a true message', () => {
    const call = 'Europe earned €310 million and the US $220 million.\nNet income was 49.9 billion.\nSpain made €40 million of profit, 12 million of it in Madrid.';
    const analysis = analyze(call);
    assert.deepEqual(analysis.diagnostics.map((d) => [d.line, d.code]), [[1, 'missing-currency']]);
    assert.match(analysis.diagnostics[0].message, /writes amounts in EUR and USD/);
    assert.doesNotMatch(analysis.diagnostics[0].message, /states no default currency/);
    reads(call, '12 million', { kind: 'money', unit: 'EUR', currencyInferred: true });
  });

  it('reads a scaled number before a ledger noun as money, and a plain one as a count', () => {
    const call = 'Revenue was $5 billion. ';
    reads(`${call}We ended the year with 84 billion of assets.`, '84 billion', { kind: 'money', value: 84e9, unit: 'USD' });
    reads(`${call}We signed a 12 billion revolving credit facility.`, '12 billion', { kind: 'money', value: 12e9, unit: 'USD' });
    reads(`${call}We repaid 310 million of principal.`, '310 million', { kind: 'money', value: 310e6, unit: 'USD' });
    reads(`${call}We sold 3 assets in the quarter.`, '3', { kind: 'count', unit: 'asset' });
    reads(`${call}The app has 40 million users.`, '40 million', { kind: 'count', unit: 'user' });
  });

  it('reads an amount of a monetary metric as money of no stated currency in a document that names none', () => {
    const podcast = 'We got to over 100 million ARR, and revenue was 5 million the first year.';
    assert.deepEqual(analyze(podcast).diagnostics, []);
    reads(podcast, '100 million', { kind: 'money', unit: null, value: 1e8, currencyInferred: undefined });
    reads(podcast, '5 million', { kind: 'money', unit: null, currencyInferred: undefined });
    const unknown = analyze('We invested 1 billion to build it.');
    assert.match(unknown.diagnostics[0].message, /writes no currency anywhere/);
  });
});

describe('figures: rates, ratios and multiples', () => {
  it('reads rates said in fractions and percentages the sentence names', () => {
    reads('The funds rate traded at 3-1/8 to 3-3/16.', '3-1/8 to 3-3/16', { kind: 'percent', min: 0.03125, max: 0.031875 });
    reads('The discount rate was set at 3-1/16.', '3-1/16', { kind: 'percent', value: 0.030625 });
    reads('The participation rate was 66.7 in May.', '66.7', { kind: 'percent', value: 0.667 });
    // Conservative: a change with no rate named stays unread.
    reads('Hourly earnings were up .7 on the year.', '.7', { kind: 'unparsed' });
  });

  it('reads ratios, verbs of multiplying and plus or minus', () => {
    reads('Leverage is 20 to 1.', '20 to 1', { kind: 'multiple', value: 20 });
    reads('We are more than tripling capacity.', 'tripling', { kind: 'multiple', value: 3, bound: 'atLeast' });
    reads('We are doubling output.', 'doubling', { kind: 'multiple', value: 2 });
    reads('Within plus or minus 50 basis-points.', '50 basis-points', { kind: 'basisPoints', value: 0.005, approximate: true });
  });
});

describe('figures: years and identifiers are not counts', () => {
  it('reads apostrophe years and two-digit years after a period word as dates and periods', () => {
    const text = "In fiscal year '24 and calendar '24 and '25, the second half of 21 and the first quarter of 19.";
    for (const written of ["'24", "'25"]) assert.equal(figureIn(text, written).kind, 'date');
    assert.equal(figureIn(text, '21').kind, 'period');
    assert.equal(figureIn(text, '19').kind, 'period');
  });

  it('reads sizes, forms, versions, page markers and file stamps as labels', () => {
    const text = 'Our 3-nanometer node, the 6-inch fab, Form 10-K, version 12, Page 4 of 9 and Results_20260311.';
    const kinds = analyze(text).figures.map((f) => [f.text, f.kind]);
    assert.deepEqual(kinds, [['3', 'label'], ['6', 'label'], ['10', 'label'], ['12', 'label'], ['4', 'label'], ['9', 'label'], ['20260311', 'label']]);
    reads('The top 1% of firms.', '1%', { kind: 'percent', value: 0.01 });
    // A running header: dates and a page number, not a share and a decrease.
    assert.deepEqual(analyze('HEARING 2/3-4/94 -41-').figures.map((f) => [f.text, f.kind]), [['2/3-4/94', 'date'], ['-41-', 'label']]);
  });

  it('reads lengths of time and periods said with quarters and halves', () => {
    reads('We had two quarters of growth.', 'two quarters', { kind: 'duration', value: 2, unit: 'quarter' });
    reads('Three quarters of the revenue is recurring.', 'Three quarters', { kind: 'fraction', value: 0.75 });
    reads('Credit was best over the last 12 months on consumer.', '12 months', { kind: 'duration', value: 12, unit: 'month' });
    assert.equal(figureIn('We report half-yearly.', 'half').kind, 'period');
    assert.equal(figureIn('It lands in the half of next year.', 'half').kind, 'period');
    assert.ok(analyze('It took a month and a half.').figures.every((f) => f.kind !== 'fraction'));
  });

  it('reads an alternative whose second end carries nothing as a restart, not a range', () => {
    assert.deepEqual(analyze('Sales were $20.9 million or 67, 64% of the total.').figures.map((f) => f.text), ['$20.9 million', '67', '64%']);
  });
});

describe('figures: hedges, people and spans from real-world transcripts', () => {
  it('reads a hedge or a half between a number and its scale as part of the amount', () => {
    reads('We have a 40 plus million install base.', '40 plus million', { kind: 'count', value: 40_000_000, bound: 'atLeast', unit: 'install' });
    reads('The store had 25-ish million visitors.', '25-ish million', { kind: 'count', value: 25_000_000, approximate: true });
    reads('We kept 700-some customers.', '700-some', { kind: 'count', value: 700, approximate: true, unit: 'customer' });
    reads('Sales saw a 20 plus percent increase.', '20 plus percent', { kind: 'percent', value: 0.2, bound: 'atLeast' });
    reads('We reach 18 and a half million readers.', '18 and a half million', { kind: 'count', value: 18_500_000 });
    reads('The lease runs two and a half years.', 'two and a half years', { kind: 'duration', value: 2.5, unit: 'year' });
    // A hedge with nothing to measure after it is left alone.
    assert.equal(analyze('The 20-some at the top are anonymous.').figures.some((f) => f.text.includes('some')), false);
  });

  it('reads a share of a scale, a vague count before a scale and a share said as counts', () => {
    reads('We have half a million users.', 'half a million', { kind: 'count', value: 500_000, unit: 'user' });
    reads('It cost a quarter of a billion dollars.', 'a quarter of a billion dollars', { kind: 'money', value: 250_000_000, unit: 'USD' });
    reads('We saw a couple of million visitors.', 'a couple of million', { kind: 'count', value: 2_000_000, approximate: true });
    reads('It adds a few billion units.', 'a few billion', { kind: 'count', value: 3e9, approximate: true, unit: 'unit' });
    reads('Some 9 out of 10 customers renew.', '9 out of 10', { kind: 'fraction', value: 0.9 });
    reads('One in five people use it.', 'One in five', { kind: 'fraction', value: 0.2 });
    // "in" with a number bigger than one, or a span of time after it, is no share.
    assert.equal(analyze('We lost 2 in 2024.').figures.some((f) => f.kind === 'fraction'), false);
    assert.equal(analyze('It happens once, one in three years.').figures.some((f) => f.kind === 'fraction'), false);
    assert.equal(figureIn('The first half was strong.', 'half').kind, 'period');
  });

  it('counts people where a scaled number does what people do, and keeps money elsewhere', () => {
    reads('Revenue was $40 million, and 7.5 million are still using the free tier.', '7.5 million', { kind: 'count', value: 7_500_000 });
    reads('Revenue was $40 million, and 2.4 million of those are subscribers.', '2.4 million', { kind: 'count', value: 2_400_000 });
    reads('Revenue was $40 million, and 9 million registered with us.', '9 million', { kind: 'count' });
    reads('We target $700 million; 200 million of those coming from Brazil.', '200 million', { kind: 'money', value: 200_000_000, unit: 'USD' });
    reads('We target $700 million; 3 million of those were from services.', '3 million', { kind: 'money', unit: 'USD' });
    reads('Revenue was $40 million and mDAU grew to 136 million.', '136 million', { kind: 'count', value: 136_000_000, unit: 'user' });
    reads('Our customer count exceeded 90 million.', '90 million', { kind: 'count', value: 90_000_000, unit: 'customer', bound: 'atLeast' });
    reads('We were at 45 people again.', '45', { kind: 'count', value: 45, unit: 'person' });
    reads('The flat is 240 square feet.', '240', { kind: 'count', value: 240, unit: 'square foot' });
  });

  it('reads "N times a month" as a count of events, not a multiple', () => {
    reads('The app is opened 80 million times a month.', '80 million times', { kind: 'count', value: 80_000_000, unit: 'time' });
    reads('Sales grew 3 times faster.', '3 times', { kind: 'multiple', value: 3 });
  });

  it('reads multiples said with x on both ends, with "factor" and with "double"', () => {
    reads('Lenders offer between 5x and 40x here.', '5x and 40x', { kind: 'multiple', min: 5, max: 40, value: null });
    reads('We cut it by a factor 4.', '4', { kind: 'multiple', value: 4, unit: 'x' });
    reads('Costs fell by a factor of three.', 'three', { kind: 'multiple', value: 3 });
    reads('It is worth double what you paid.', 'double', { kind: 'multiple', value: 2 });
    reads('Polaris delivers double the speed.', 'double', { kind: 'multiple', value: 2 });
    for (const line of ['Do not double-click it.', 'We will double down on it.', 'He hit a double.']) {
      assert.equal(analyze(line).figures.length, 0, line);
    }
    reads('Growth was in the double digits.', 'double digits', { kind: 'percent', min: 0.1, max: 0.99 });
  });

  it('reads seconds, minutes, decades, fiscal weeks, fraction characters and half a year as durations', () => {
    reads('Hold it for 8 seconds.', '8 seconds', { kind: 'duration', value: 8, unit: 'second' });
    reads('Wait 2 minutes.', '2 minutes', { kind: 'duration', value: 2, unit: 'minute' });
    reads('That was 3 decades ago.', '3 decades', { kind: 'duration', value: 30, unit: 'year' });
    reads('It is a 14-fiscal-week quarter.', '14-fiscal-week', { kind: 'duration', value: 14, unit: 'week' });
    reads('The lease runs 6½ years.', '6½ years', { kind: 'duration', value: 6.5, unit: 'year' });
    reads('Rates rose 3¼%.', '3¼%', { kind: 'percent', value: 0.0325 });
    reads('I have half-year to go.', 'half-year', { kind: 'duration', value: 0.5, unit: 'year' });
    assert.equal(figureIn('The first half-year results were fine.', 'half').kind, 'period');
    assert.equal(analyze('Give me one second.').figures.length, 0);
  });

  it('reads ranges with the scale only on the second end, or far apart after "between"', () => {
    reads('About $11- to $13 billion is coming back.', '$11- to $13 billion', { kind: 'money', min: 11e9, max: 13e9, unit: 'USD' });
    reads('Cash flow will be between EUR 40 million and EUR 52 billion.', 'EUR 40 million and EUR 52 billion', { kind: 'money', min: 4e7, max: 52e9 });
    reads('Play the top 3-4 pairs.', '3-4', { kind: 'count', min: 3, max: 4, unit: 'pair' });
    // Far apart without "between" is a movement, two figures.
    assert.deepEqual(analyze('It went from $5 million to $90 million.').figures.map((f) => f.text), ['$5 million', '$90 million']);
    assert.equal(figureIn('We are not the top 2 in the league.', '2').kind, 'ordinal');
  });

  it('reads versions and numbered phases as labels, and a spaced slash before "of" as a share', () => {
    for (const [line, written] of [['We moved to Harbor 3.0 last year.', '3.0'], ['We trained the 4.5 series of models.', '4.5'], ['Next we ship 4.5 Turbo.', '4.5'],
      ['This covers phases 1 and 2.', '2'], ['This covers phases 1 and 2.', '1'], ['It is a phase 1/2 trial.', '1/2']]) {
      assert.equal(figureIn(line, written).kind, 'label', line);
    }
    const kinds = analyze('When we built 2.5 it was hard. Gemini 2.5 is out, and margin was 2.5 points higher.').figures.map((f) => f.kind);
    assert.deepEqual(kinds, ['label', 'label', 'count']);
    assert.equal(analyze('When we built 2.5 it was hard.').figures[0].kind, 'count');
    assert.equal(figureIn('See page 45, line 3 of the record.', '3').kind, 'label');
    reads('We run 400 buses.', '400', { kind: 'count', unit: 'bus' });
    assert.equal(figureIn('It runs over HTTP/2 today.', '2').kind, 'label');
    assert.equal(figureIn('Buy an iPhone 15 now.', '15').kind, 'label');
    reads('They finished 2 / 5 of the plan.', '2 / 5', { kind: 'fraction', value: 0.4 });
    assert.equal(figureIn('Margins were 2.5 points higher.', '2.5').kind !== 'label', true);
  });

  it('gives an amount cut by a hard line wrap the scale that opens the next line', () => {
    const { figures } = analyze('The gap is $3\n\n16      billion the year after, and $4\nbillion a month.\nWe paid $5\nto them.');
    const byText = new Map(figures.map((f) => [f.text, f]));
    assert.equal(byText.get('$3')?.value, 3e9);
    assert.equal(byText.get('$4')?.value, 4e9);
    assert.equal(byText.get('$5')?.value, 5);
    assert.equal(figures.some((f) => f.text === 'billion'), false);
  });

  it('reads a number that opens a line after "No." as a rank cut by the wrap', () => {
    const { figures } = analyze('Our No.\n\n1 priority is growth, and we have\n3 priorities.');
    assert.deepEqual(figures.map((f) => [f.line, f.text, f.kind]), [[2, '1', 'ordinal'], [3, '3', 'count']]);
  });
});
