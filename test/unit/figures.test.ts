// The figure engine's normalization rules, one family per block: each sentence is our own
// invented text, and each assertion names the kind, value, range and unit the contract wants.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import type { Figure } from '../../server/src/engine';
import { figureIn as figure, reads } from '../support/figures';

/** The figure whose text is exactly `text` in a one-line call, or a failure listing what was found. */
describe('figures: money', () => {
  it('reads currency symbols before the amount', () => {
    reads('Revenue was $4.8 billion.', '$4.8 billion', { kind: 'money', value: 4_800_000_000, unit: 'USD' });
    reads('Sales reached €2.6bn in Europe.', '€2.6bn', { kind: 'money', value: 2_600_000_000, unit: 'EUR' });
    reads('The UK added £340 million.', '£340 million', { kind: 'money', value: 340_000_000, unit: 'GBP' });
    reads('India contributed ₹8,200 crore.', '₹8,200 crore', { kind: 'money', value: 82_000_000_000, unit: 'INR' });
    reads('Cash flow was US$905 million.', 'US$905 million', { kind: 'money', value: 905_000_000, unit: 'USD' });
    reads('The listing raised HK$7.8 billion.', 'HK$7.8 billion', { kind: 'money', value: 7_800_000_000, unit: 'HKD' });
  });

  it('reads currency codes and words before or after the amount', () => {
    reads('Revenue was RMB234.2 billion.', 'RMB234.2 billion', { kind: 'money', value: 234_200_000_000, unit: 'CNY' });
    reads('Revenue was RMB 58.3 billion.', 'RMB 58.3 billion', { kind: 'money', value: 58_300_000_000, unit: 'CNY' });
    reads('The segment earned 12 billion RMB.', '12 billion RMB', { kind: 'money', value: 12_000_000_000, unit: 'CNY' });
    reads('Catering made 760 million yuan.', '760 million yuan', { kind: 'money', value: 760_000_000, unit: 'CNY' });
    reads('We bought back USD 1.2 billion of stock.', 'USD 1.2 billion', { kind: 'money', value: 1_200_000_000, unit: 'USD' });
    reads('The plant billed TWD 839 billion.', 'TWD 839 billion', { kind: 'money', value: 839_000_000_000, unit: 'TWD' });
    reads('We ended with U.S. dollar, 14 billion in net cash.', 'U.S. dollar, 14 billion', { kind: 'money', value: 14_000_000_000, unit: 'USD' });
  });

  it('reads a translation in parentheses as a second, positive amount', () => {
    const line = 'Capex was RMB 9.4 billion ($1.3 billion) for the year.';
    reads(line, 'RMB 9.4 billion', { kind: 'money', value: 9_400_000_000, unit: 'CNY' });
    reads(line, '$1.3 billion', { kind: 'money', value: 1_300_000_000, unit: 'USD' });
  });

  it('reads pence per share', () => {
    reads('We pay a final dividend of 42.5p per share.', '42.5p', { kind: 'money', value: 0.425, unit: 'GBP' });
  });

  it('reads "X of revenue" as an amount, not a count', () => {
    // A document that names no currency: money of an unstated currency, no warning.
    reads('We did 1.5 billion of revenue, all in cash.', '1.5 billion', { kind: 'money', unit: null, currencyInferred: undefined });
    // A document that writes only one currency gives it to the amount.
    reads('Costs were $2 billion. We did 1.5 billion of revenue.', '1.5 billion', { kind: 'money', unit: 'USD', currencyInferred: true });
    reads('All figures are in USD unless otherwise stated. We did 1.5 billion of revenue.', '1.5 billion', { kind: 'money', unit: 'USD' });
  });

  it('reads per-share amounts without a scale', () => {
    reads('Diluted EPS was RMB2.05.', 'RMB2.05', { kind: 'money', value: 2.05, unit: 'CNY' });
    reads('We paid a dividend of $0.35 per share.', '$0.35', { kind: 'money', value: 0.35, unit: 'USD' });
  });

  it('reads the Markdown escape \\$ as dollars, without a diagnostic', () => {
    const analysis = analyze('Net cash was \\$6.2 billion.');
    assert.equal(analysis.figures[0].text, '\\$6.2 billion');
    assert.equal(analysis.figures[0].value, 6_200_000_000);
    assert.equal(analysis.figures[0].unit, 'USD');
    assert.deepEqual(analysis.diagnostics, []);
  });

  it('reads a yen sign as CNY in a call that speaks of RMB, and as JPY otherwise', () => {
    reads('Revenue was RMB 10 billion and the kiosk unit ¥300 million.', '¥300 million', { unit: 'CNY' });
    reads('Our Tokyo unit booked ¥12.5 billion.', '¥12.5 billion', { unit: 'JPY' });
  });
});

describe('figures: scales', () => {
  it('multiplies by scale words and suffixes', () => {
    reads('Tips came to $2.5M.', '$2.5M', { value: 2_500_000 });
    reads('GMV was $1.4tn.', '$1.4tn', { value: 1_400_000_000_000 });
    reads('Payments reached $780bn.', '$780bn', { value: 780_000_000_000 });
    reads('We handled 45k trips a day.', '45k', { kind: 'count', value: 45_000, unit: 'trip' });
    reads('We count 250 thousand drivers.', '250 thousand', { kind: 'count', value: 250_000, unit: 'driver' });
    reads('We served one million riders.', 'one million', { kind: 'count', value: 1_000_000, unit: 'rider' });
  });

  it('reads a glued lower-case "m" on a decimal or before a plural noun', () => {
    reads('We have 3.4m broadband customers.', '3.4m', { kind: 'count', value: 3_400_000, unit: 'customer' });
    reads('We have 5m users.', '5m', { kind: 'count', value: 5_000_000, unit: 'user' });
  });

  it('reads the CJK scales 億 and 萬', () => {
    reads('We settled RMB 12.6億 of orders.', 'RMB 12.6億', { kind: 'money', value: 1_260_000_000, unit: 'CNY' });
    reads('We shipped 12萬 units.', '12萬', { kind: 'count', value: 120_000 });
  });

  it('reads a lone lower-case "b" or "m" as a scale only after a currency', () => {
    reads('The deal was $2b.', '$2b', { kind: 'money', value: 2_000_000_000 });
    assert.equal(figure('We serve both 2b and 2c clients.', '2b').kind, 'label');
  });
});

describe('figures: percentages, points and basis points', () => {
  it('turns percentages into fractions', () => {
    reads('Revenue grew 14% this year.', '14%', { kind: 'percent', value: 0.14, unit: '%' });
    reads('Revenue grew 14 % this year.', '14 %', { kind: 'percent', value: 0.14 });
    reads('Churn was 2.1 percent.', '2.1 percent', { kind: 'percent', value: 0.021 });
    reads('Retention reached 118 per cent.', '118 per cent', { kind: 'percent', value: 1.18 });
    reads('Margin was 41.2%.', '41.2%', { value: 0.412 });
  });

  it('reads percentage points and basis points as fractions', () => {
    reads('Margin improved 1.5 percentage points.', '1.5 percentage points', { kind: 'percentagePoints', value: 0.015, unit: 'pp' });
    reads('Margin improved 1 percentage point.', '1 percentage point', { kind: 'percentagePoints', value: 0.01 });
    reads('Churn fell 0.4 pp.', '0.4 pp', { kind: 'percentagePoints', value: 0.004 });
    reads('Margin expanded 80 basis points.', '80 basis points', { kind: 'basisPoints', value: 0.008, unit: 'bp' });
    reads('The take rate fell 25bps.', '25bps', { kind: 'basisPoints', value: 0.0025, unit: 'bp' });
  });
});

describe('figures: fuzzy amounts', () => {
  it('puts single, double and triple digits into min and max', () => {
    reads('Sales grew in the low single digits.', 'low single digits', { kind: 'percent', value: null, min: 0.01, max: 0.03, unit: '%' });
    reads('Sales grew mid single digit.', 'mid single digit', { min: 0.04, max: 0.06 });
    reads('Sales grew high-single-digit.', 'high-single-digit', { min: 0.07, max: 0.09 });
    reads('Sales grow low-to-mid single digits.', 'low-to-mid single digits', { min: 0.01, max: 0.06 });
    reads('Ads delivered double-digit growth.', 'double-digit', { min: 0.1, max: 0.99 });
    reads('Both grew by double digits.', 'double digits', { min: 0.1, max: 0.99 });
    reads('AI revenue posted triple-digit growth.', 'triple-digit', { min: 1, max: 9.99 });
  });

  it('reads decades and teens', () => {
    reads('Gross margin stays in the mid-70s.', 'mid-70s', { min: 0.74, max: 0.76 });
    reads('The payout is in the high 40s.', 'high 40s', { min: 0.47, max: 0.49 });
    reads('Cloud grew in the low teens.', 'low teens', { min: 0.11, max: 0.13 });
  });

  it('reads orders of magnitude in words', () => {
    reads('Millions of shoppers joined.', 'Millions', { kind: 'count', min: 1_000_000, max: 9_999_999, unit: 'shopper' });
    reads('We reached tens of thousands of sellers.', 'tens of thousands', { kind: 'count', min: 10_000, max: 99_999, unit: 'seller' });
  });
});

describe('figures: ranges', () => {
  it('reads stated ranges into min and max', () => {
    reads('We guide growth of 5% to 7%.', '5% to 7%', { kind: 'percent', value: null, min: 0.05, max: 0.07 });
    reads('Margin of 18-20% is our aim.', '18-20%', { kind: 'percent', min: 0.18, max: 0.2 });
    reads('We invest between $2 billion and $3 billion.', '$2 billion and $3 billion', { kind: 'money', min: 2_000_000_000, max: 3_000_000_000, unit: 'USD' });
    reads('Payback takes three to five years.', 'three to five years', { kind: 'duration', min: 3, max: 5, unit: 'year' });
  });

  it('keeps a movement "from X to Y" or "by X to Y" as two figures', () => {
    const line = 'Revenue rose from $410 million to $470 million, and the loss narrowed by $12 million to $30 million.';
    reads(line, '$410 million', { value: 410_000_000 });
    reads(line, '$470 million', { value: 470_000_000 });
    reads(line, '$12 million', { value: 12_000_000 });
    reads(line, '$30 million', { value: 30_000_000 });
  });

  it('never joins figures of different kinds', () => {
    const line = 'Revenue grew 10% to RMB 74 billion.';
    reads(line, '10%', { kind: 'percent', value: 0.1 });
    reads(line, 'RMB 74 billion', { kind: 'money', value: 74_000_000_000 });
  });

  it('reads a mixed number "3-1/8" and a share "1/8"', () => {
    reads('Rates rose 3-1/8 points.', '3-1/8', { value: 3.125 });
    reads('About 1/8 of sales.', '1/8', { kind: 'fraction', value: 0.125 });
  });
});

describe('figures: qualifiers', () => {
  it('marks approximate amounts', () => {
    reads('We served about 3 million households.', '3 million', { approximate: true, bound: null, qualifier: 'about' });
    reads('Orders came close to $80 million.', '$80 million', { approximate: true, qualifier: 'close to' });
    reads('Visits rose roughly 12%.', '12%', { approximate: true, qualifier: 'roughly' });
    reads('It grew for 10 years or so.', '10 years', { approximate: true });
  });

  it('marks lower and upper bounds', () => {
    reads('Sellers grew more than 20%.', '20%', { bound: 'atLeast', qualifier: 'more than' });
    reads('We run over 1,500 stores.', '1,500', { bound: 'atLeast', value: 1500, unit: 'store' });
    reads('We have at least 40 warehouses.', '40', { bound: 'atLeast' });
    reads('Warehouses exceeding 50,000 opened.', '50,000', { bound: 'atLeast' });
    reads('Spending will be up to $500 million.', '$500 million', { bound: 'atMost', qualifier: 'up to' });
    reads('Costs stay under 9% of revenue.', '9%', { bound: 'atMost' });
    reads('Our 20-plus years of history.', '20-plus years', { kind: 'duration', value: 20, bound: 'atLeast' });
  });

  it('reads every qualifier shape, whatever its last word or case, and no word that merely ends like one', () => {
    reads('Tarn Mills shipped approx. 40 tonnes.', '40', { approximate: true, qualifier: 'approx.' });
    reads('Tarn Mills shipped ~40 tonnes.', '40', { approximate: true, qualifier: '~' });
    reads('Tarn Mills shipped an estimated 40 tonnes.', '40', { approximate: true, qualifier: 'an estimated' });
    reads('Tarn Mills shipped just under 40 tonnes.', '40', { approximate: true, bound: 'atMost', qualifier: 'just under' });
    reads('Tarn Mills shipped ABOUT 40 tonnes.', '40', { approximate: true, qualifier: 'ABOUT' });
    reads('Tarn Mills hired as many as 40 drivers.', '40', { bound: 'atMost', qualifier: 'as many as' });
    reads('Tarn Mills stayed shy of 40 stores.', '40', { bound: 'atMost', qualifier: 'shy of' });
    reads('Tarn Mills, moreover 40 stores.', '40', { approximate: false, bound: null, qualifier: null });
    reads('Tarn Mills sold clover 40 times.', '40 times', { approximate: false, bound: null, qualifier: null });
  });
});

describe('figures: multiples and fractions', () => {
  it('reads multiples as factors', () => {
    reads('Subscribers doubled this year.', 'doubled', { kind: 'multiple', value: 2, unit: 'x' });
    reads('It was a twofold rise.', 'twofold', { kind: 'multiple', value: 2 });
    reads('Engagement reached 2.5x the prior level.', '2.5x', { kind: 'multiple', value: 2.5 });
    reads('Riders are three times what they were.', 'three times', { kind: 'multiple', value: 3, unit: 'x' });
  });

  it('reads shares said in words', () => {
    reads('One-third of orders are new.', 'One-third', { kind: 'fraction', value: 0.333333333333, unit: null });
    reads('Two-thirds come from repeat buyers.', 'Two-thirds', { kind: 'fraction', value: 0.666666666667 });
    reads('We cut losses by half.', 'half', { kind: 'fraction', value: 0.5 });
    reads('Our scale is a quarter of the leader.', 'a quarter', { kind: 'fraction', value: 0.25 });
  });

  it('reads "half a month" as a duration and "first half" as a period', () => {
    reads('It has been about half a month.', 'half a month', { kind: 'duration', value: 0.5, unit: 'month', approximate: true });
    assert.equal(figure('Sales rose in the first half.', 'half').kind, 'period');
  });
});

describe('figures: counts and durations', () => {
  it('counts the noun after a number, singular and lower case', () => {
    reads('We opened 120 stores in 14 cities.', '120', { kind: 'count', value: 120, unit: 'store' });
    reads('We opened 120 stores in 14 cities.', '14', { kind: 'count', value: 14, unit: 'city' });
    reads('We now serve 45.2 million members.', '45.2 million', { kind: 'count', value: 45_200_000, unit: 'member' });
    reads('It runs 15 international sorting centers.', '15', { kind: 'count', unit: 'center' });
    reads('We hosted over 1,000 AI models.', '1,000', { kind: 'count', unit: 'model' });
    reads('Orders reached 120 million daily orders.', '120 million', { kind: 'count', unit: 'order' });
    reads('We added 1,200 net new customers.', '1,200', { kind: 'count', unit: 'customer' });
    reads('It spans 500,000 square feet.', '500,000', { kind: 'count', value: 500_000 });
  });

  it('counts "X of our Ys" and a noun named just before a scaled number', () => {
    reads('We repurchased 12.5 million of our ADSs.', '12.5 million', { kind: 'count', value: 12_500_000, unit: 'ads' });
    reads('Daily orders peaked at 8 million, a record.', '8 million', { kind: 'count', value: 8_000_000, unit: 'order' });
  });

  it('reads durations with their unit', () => {
    reads('The pilot ran for 4 months.', '4 months', { kind: 'duration', value: 4, unit: 'month' });
    reads('The contract lasts five years.', 'five years', { kind: 'duration', value: 5, unit: 'year' });
    reads('We grew for six consecutive quarters.', 'six consecutive quarters', { kind: 'duration', value: 6, unit: 'quarter' });
    reads('It is a three-year plan.', 'three-year', { kind: 'duration', value: 3, unit: 'year' });
    reads('Twenty years ago we started.', 'Twenty years', { kind: 'duration', value: 20 });
  });

  it('does not read "year-on-year" after a number as a duration', () => {
    assert.notEqual(figure('Margin saw a 9.1 year-on-year increase.', '9.1').kind, 'duration');
  });

  it('leaves small spelled-out counts out', () => {
    assert.deepEqual(analyze('We have three strategies and two priorities.').figures, []);
  });
});

describe('figures: negatives', () => {
  it('reads a minus sign', () => {
    reads('Same-store sales were -3.5% this quarter.', '-3.5%', { kind: 'percent', value: -0.035, change: 'decrease' });
  });

  it('reads accounting parentheses in table rows only', () => {
    reads('Devices\t$1,240\t(4.2%)', '4.2%', { value: -0.042 });
    reads('Revenue was RMB 9 billion (up 4.2%).', '4.2%', { value: 0.042 });
  });
});

describe('figures: plain numbers', () => {
  const plain = (line: string, text: string, kind: Figure['kind']) => assert.equal(figure(line, text).kind, kind, `"${text}" in ${JSON.stringify(line)}`);

  it('reads years, dates and clock times as dates', () => {
    plain('We listed in 2014.', '2014', 'date');
    plain('As of June 30th, 2023 we had cash.', '30th, 2023', 'date');
    plain('During the most recent November 11 sale.', '11', 'date');
    plain('We spoke on 6/18/2024.', '6/18/2024', 'date');
    plain('The call starts at 8:30 a.m. sharp.', '8:30 a.m.', 'date');
    plain('Retail peaked in the 1990s.', '1990s', 'date');
    plain('00:01:02.500 --> 00:01:05.000', '00:01:02.500', 'date');
    plain('12', '12', 'label');
  });

  it('reads fiscal and calendar periods', () => {
    plain('Results for Q1 FY2026 are out.', 'Q1 FY2026', 'period');
    plain('We published our fiscal year 2023 report.', '2023', 'period');
    plain('In fiscal 2024 we grew.', '2024', 'period');
    plain('Compared with the December 2022 quarter.', '2022 quarter', 'period');
    plain('In Q4 we grew.', 'Q4', 'period');
    plain('In 1H23 we grew.', '1H23', 'period');
  });

  it('reads ranks as ordinals', () => {
    plain('This was our 36th quarter.', '36th', 'ordinal');
    plain('We are no. 1 in the market.', '1', 'ordinal');
    plain('It was the tenth time.', 'tenth', 'ordinal');
  });

  it('reads names with digits as labels', () => {
    plain('Our 618 shopping festival sold well.', '618', 'label');
    plain('During 618, sales rose.', '618', 'label');
    plain('The 88VIP program grew.', '88VIP', 'label');
    plain('The 88 VIP members spent more.', '88 VIP', 'label');
    plain('Our 1+6+N structure.', '1+6+N', 'label');
    plain('Cuts under Scope 1 and Scope 2.', '1', 'label');
    plain('Meta released Llama 2 last year.', '2', 'label');
    plain('Kestrel (09988) reported.', '09988', 'label');
    plain('Listed as HKEX: 2318 today.', '2318', 'label');
    plain('Our Carbon88 ledger and QWen3 model.', 'Carbon88', 'label');
    plain('The B2B and 1P businesses.', 'B2B', 'label');
    plain('Shopwise and 1688 are platforms.', '1688', 'label');
    plain('COVID-19 effects are behind us.', '19', 'label');
    plain('The 10-K is filed.', '10-K', 'label');
  });
});

describe('figures: metric, change and comparison', () => {
  it('takes the metric from the sentence', () => {
    reads('Revenue was RMB 31.6 billion this quarter.', 'RMB 31.6 billion', { metric: 'revenue' });
    reads('Adjusted EBITA rose 32% to a record.', '32%', { metric: 'adjusted ebita' });
    reads('Free cash flow was $5.4 billion.', '$5.4 billion', { metric: 'free cash flow' });
    reads('The weather was 30% sunnier.', '30%', { metric: null });
  });

  it('extends the metric glossary with the user glossary', () => {
    const options = { glossary: { 'lightning warehouses': ['flash warehouses'] } };
    reads('Flash warehouses grew 360% this year.', '360%', { metric: 'lightning warehouses' }, options);
  });

  it('marks changes and their comparison period', () => {
    reads('Revenue grew 14% year over year.', '14%', { change: 'increase', comparison: 'year over year' });
    reads('Revenue was down 5% quarter over quarter.', '5%', { change: 'decrease', comparison: 'quarter over quarter' });
    reads('Net income saw an increase of RMB 12.7 billion.', 'RMB 12.7 billion', { change: 'increase' });
    reads('Revenue was RMB 8 billion, up 4%.', 'RMB 8 billion', { change: null });
    reads('Revenue rose 17% to EUR 14.2 billion.', 'EUR 14.2 billion', { change: null });
    reads('Revenue rose 17% to EUR 14.2 billion.', '17%', { change: 'increase' });
    reads('A year-over-year decrease of 1%.', '1%', { change: 'decrease' });
  });
});

describe('figures: default currency', () => {
  it('reads bare scaled amounts in the currency the call states once', () => {
    const call = 'All figures on this call are in RMB unless otherwise stated.\nRevenue was 88.4 billion.';
    const analysis = analyze(call);
    assert.equal(analysis.defaultCurrency, 'CNY');
    reads(call, '88.4 billion', { kind: 'money', value: 88_400_000_000, unit: 'CNY' });
    assert.deepEqual(analysis.diagnostics, []);
  });

  it('does not take a currency mentioned in passing as the default', () => {
    const analysis = analyze('Our results in dollars were strong.\nWe spent 3 billion.');
    assert.equal(analysis.defaultCurrency, null);
    assert.equal(analysis.figures[0].kind, 'unparsed');
  });
});

describe('figures: spans', () => {
  it('keeps every span inside its line with text equal to the slice', () => {
    const call = [
      'Revenue was RMB48.6 billion (\\$6.7 billion), up 11% year over year.',
      'We repurchased 12.7 million of our ADSs for approximately \\$1.9 billion.',
      'Margin rose 3 percentage points; mid single digit GMV decline; 2+4+N; Q1 FY2026.',
    ].join('\r\n');
    const lines = call.split(/\r\n/);
    const analysis = analyze(call);
    assert.deepEqual(analysis.figures.map((f) => f.text), [
      'RMB48.6 billion', '\\$6.7 billion', '11%', '12.7 million', '\\$1.9 billion',
      '3 percentage points', 'mid single digit', '2+4+N', 'Q1 FY2026',
    ]);
    for (const f of analysis.figures) {
      assert.ok(f.start >= 0 && f.end <= lines[f.line].length && f.start < f.end, `span of "${f.text}"`);
      assert.equal(lines[f.line].slice(f.start, f.end), f.text);
    }
  });
});
