// Metric attribution and change reading: what a figure measures and whether it states a change,
// on invented sentences shaped like the ones earnings calls use.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import type { AnalyzeOptions } from '../../server/src/engine';
import { MetricGlossary } from '../../server/src/engine/figures/glossary';
import { figureIn } from '../support/figures';

/** The figure whose text is `text` (the nth occurrence) in the analysis of `line`. */
function metricOf(line: string, text: string, options: AnalyzeOptions = {}, occurrence = 0): string | null {
  return figureIn(line, text, options, occurrence).metric;
}

function changeOf(line: string, text: string, occurrence = 0): string | null {
  return figureIn(line, text, {}, occurrence).change;
}

describe('metrics: a line of revenue named as the sentence opens', () => {
  it('names the line by the words before "revenue"', () => {
    assert.equal(metricOf('Harbor towing revenue grew 8% to $40 million.', '8%'), 'harbor towing revenue');
    assert.equal(metricOf('Charter and leasing revenue fell 3% in the quarter.', '3%'), 'charter and leasing revenue');
    assert.equal(metricOf('Thanks. Spare-parts revenue was $12 million.', '$12 million'), 'spare-parts revenue');
  });
  it('leaves the company\'s revenue alone when the words are a subject, a period or a total', () => {
    assert.equal(metricOf('We expect revenue to grow 5% next year.', '5%'), 'revenue');
    assert.equal(metricOf('Full-year revenue was $3 billion.', '$3 billion'), 'revenue');
    assert.equal(metricOf('Total revenue rose 4% to $900 million.', '4%'), 'revenue');
    assert.equal(metricOf('Management said revenue rose 4%.', '4%'), 'revenue');
  });
});

describe('metrics: the built-in glossary', () => {
  it('names the specific metric the sentence measures', () => {
    assert.equal(metricOf('Customer management revenue at Zephyr Mall rose 6% this quarter.', '6%'), 'customer management revenue');
    assert.equal(metricOf('Order volume at Kettle Express rose 18% year over year.', '18%'), 'order volume');
    assert.equal(metricOf('Daily orders peaked at 9 million during the festival.', '9 million'), 'daily orders');
    assert.equal(metricOf('The blended take rate was 3.9% for the period.', '3.9%'), 'take rate');
    assert.equal(metricOf('Gross margin widened to 44% on better mix.', '44%'), 'gross margin');
    assert.equal(metricOf('Cash from operating activities was $1.4 billion.', '$1.4 billion'), 'operating cash flow');
    assert.equal(metricOf('Churn declined 0.4 pp to 2.1 percent.', '2.1 percent'), 'churn');
  });

  it('keeps an expense ratio named as the call writes it', () => {
    assert.equal(metricOf('Sales and marketing expenses ratio fell 2 percentage points.', '2 percentage points'), 'sales and marketing expenses ratio');
    assert.equal(metricOf('Sales and marketing expense was 14% of revenue.', '14%'), 'revenue');
    assert.equal(metricOf('General and administrative expenses were 5% in the quarter.', '5%'), 'general and administrative expenses ratio');
  });

  it('matches plurals of any phrase', () => {
    assert.equal(metricOf('Our share buyback programs have $3 billion left.', '$3 billion'), 'share repurchase program');
    assert.equal(metricOf('We cut losses by half at Pellucid.', 'half'), 'loss');
  });

  it('narrows a metric by the noun after it', () => {
    assert.equal(metricOf('Adjusted EBITA loss narrowed by 40% at Orrin Labs.', '40%'), 'adjusted ebita loss');
    assert.equal(metricOf('Kettle Express cut its loss per order by 25% in the half.', '25%'), 'loss per order');
  });

  it('keeps the head of a metric whose qualifier belongs to a company name', () => {
    assert.equal(metricOf('Quantix Cloud revenue grew 8% in the quarter.', '8%'), 'revenue');
    assert.equal(metricOf('Our cloud revenue grew 8% in the quarter.', '8%'), 'cloud revenue');
  });

  it('names a membership after its program', () => {
    assert.equal(metricOf('The Gold membership program expanded to 3 million users.', '3 million'), 'gold membership');
    assert.equal(metricOf('Our 77 PLUS members grew 9% this year.', '9%'), '77 plus members');
  });

  it('measures two metrics joined by "and" together', () => {
    assert.equal(metricOf('At Zephyr Mall, Star members and GMV each rose by double digits.', 'double digits'), 'star members and gmv');
    assert.equal(metricOf('Both DAUs and also MAUs posted double-digit gains.', 'double-digit'), 'dau and mau');
    assert.equal(metricOf('Revenue grew 10% and GMV grew 7%.', '7%'), 'gmv');
  });
});

describe('metrics: which phrase a figure measures', () => {
  it('gives a bare loss or profit the measure said before it', () => {
    const line = "Vantor's adjusted EBITDA came in as a loss of $3 million, narrower than a loss of $9 million in 2025.";
    assert.equal(metricOf(line, '$3 million'), 'adjusted ebitda loss');
    assert.equal(metricOf(line, '$9 million'), 'adjusted ebitda loss');
    const profit = "Orrin's adjusted EBITA swung to a profit of $12 million, against a loss of $5 million last year.";
    assert.equal(metricOf(profit, '$12 million'), 'adjusted ebita');
    assert.equal(metricOf(profit, '$5 million'), 'adjusted ebita loss');
  });

  it('carries the measure into a sentence that opens on a bare "Loss"', () => {
    assert.equal(metricOf('Orrin adjusted EBITA loss narrowed again. Loss fell by $4 million year over year.', '$4 million'), 'adjusted ebita loss');
    assert.equal(metricOf('Loss fell by $4 million year over year.', '$4 million'), 'loss');
  });

  it('carries the measure and the metric across a page break into a line that goes on', () => {
    const text = 'Orrin recorded an adjusted EBITA loss of $12 million.\n\nLoss reduced by $3 million year over year.';
    assert.equal(analyze(text).figures.find((f) => f.text === '$3 million')?.metric, 'adjusted ebita loss');
    const continued = 'Free cash flow at Lumo reached $4 billion, a gain of $0.4 billion\n\nor 11% on the prior year.';
    assert.equal(analyze(continued).figures.find((f) => f.text === '11%')?.metric, 'free cash flow');
    const fresh = 'Free cash flow was $4 billion.\n\nOn 12% of days it rained.';
    assert.equal(analyze(fresh).figures.find((f) => f.text === '12%')?.metric, null);
  });

  it('gives a bare margin the EBITDA or EBITA said before it', () => {
    assert.equal(metricOf('We turned EBITDA positive at Solvik, with a 4% margin.', '4%'), 'ebitda margin');
    assert.equal(metricOf('Revenue rose, with a 4% margin.', '4%'), 'margin');
  });

  it('prefers a metric written right after the figure', () => {
    assert.equal(metricOf('Revenue was flat, but we saw a $3.1 billion increase in free cash flow.', '$3.1 billion'), 'free cash flow');
    const booked = 'Vantor booked a $20 million loss on the back of a 12% revenue increase.';
    assert.equal(metricOf(booked, '12%'), 'revenue');
    assert.equal(metricOf(booked, '$20 million'), 'loss');
    assert.equal(metricOf('At Pellucid, apps made up 40% of total cloud revenue.', '40%'), 'cloud revenue');
    assert.equal(metricOf('Net income climbed at Lumo, helped by a 9% year-over-year increase in adjusted EBITA.', '9%'), 'adjusted ebita');
  });

  it('reads the phrase after a preposition as a modifier of the metric before it', () => {
    assert.equal(metricOf('Revenue from enterprise customers grew 11% in the quarter.', '11%'), 'revenue');
  });

  it('names what a count counts', () => {
    assert.equal(metricOf('We now run 35 fulfilment hubs across Norvia.', '35'), 'fulfilment hubs');
    assert.equal(metricOf('Lumo hired 2,000 drivers and 300 new engineers this year.', '2,000'), 'drivers');
    assert.equal(metricOf('Lumo hired 2,000 drivers and 300 new engineers this year.', '300'), 'new engineers');
    assert.equal(metricOf('During the festival Zephyr Mall served 90 million buyers.', '90 million'), 'buyers');
    assert.equal(metricOf('Millions of new shoppers joined the app.', 'Millions'), 'new shoppers');
  });

  it('names no noun where a count is followed by a unit, an adjective or nothing counted', () => {
    assert.equal(metricOf('Ore output was 212,000 tonnes in the quarter.', '212,000'), null);
    assert.equal(metricOf('Deliveries were 50,000 cars, of which 8,000 electric.', '8,000'), null);
    assert.equal(metricOf('Version 4.1 ships with a faster parser.', '4.1'), null);
  });

  it('keeps metrics inside their clause across a semicolon', () => {
    const line = 'GMV grew 4%; revenue grew 7%.';
    assert.equal(metricOf(line, '4%'), 'gmv');
    assert.equal(metricOf(line, '7%'), 'revenue');
  });

  it('leaves a figure with no metric in its sentence without one', () => {
    assert.equal(metricOf('The weather in Solvik was 30% sunnier than last spring.', '30%'), null);
  });
});

describe('metrics: the user glossary', () => {
  it('takes precedence over a built-in phrase at the same place', () => {
    const options: AnalyzeOptions = { glossary: { 'cloud segment': ['cloud'] } };
    assert.equal(metricOf('Cloud revenue rose 4% at Pellucid.', '4%', options), 'cloud segment');
    assert.equal(metricOf('Cloud revenue rose 4% at Pellucid.', '4%'), 'cloud revenue');
  });

  it('renames a built-in phrase and names counted nouns', () => {
    assert.equal(metricOf('Revenue rose 5% at Pellucid.', '5%', { glossary: { 'merchant revenue': ['revenue'] } }), 'merchant revenue');
    assert.equal(metricOf('We now run 40 dark stores in Norvia.', '40', { glossary: { 'flash warehouses': ['dark stores'] } }), 'flash warehouses');
  });

  it('keeps a user metric as given, never narrowed', () => {
    assert.equal(metricOf('Widget sales loss was $2 million.', '$2 million', { glossary: { 'widget sales': ['widget sales'] } }), 'widget sales');
  });

  it('marks user phrases as such in the matches', () => {
    const glossary = new MetricGlossary({ 'cloud segment': ['cloud'] });
    assert.deepEqual(glossary.matchRange('Cloud revenue and GMV').map((m) => [m.metric, m.user]), [['cloud segment', true], ['gmv', false]]);
  });

  it('leaves a built-in phrase built-in when a user phrase is that phrase less its last letter', () => {
    // "ebita" is built in; the user's "ebit" is one letter shorter but is not its singular.
    const options = { glossary: { 'core operating result': ['ebit'] } };
    assert.equal(metricOf('Quovera EBITA loss was $4 million.', '$4 million', options), 'ebita loss');
    assert.deepEqual(new MetricGlossary(options.glossary).matchRange('EBITA rose').map((m) => [m.metric, m.user]), [['ebita', false]]);
    // A plural still folds onto the user's singular.
    assert.deepEqual(new MetricGlossary({ 'kiosk count': ['kiosk'] }).matchRange('kiosks').map((m) => [m.metric, m.user]), [['kiosk count', true]]);
  });
});

describe('metrics: change', () => {
  it('gives no change to the level reached or the base a change starts from', () => {
    const level = 'Gross margin improved 2 percentage points to 41% this quarter.';
    assert.equal(changeOf(level, '2 percentage points'), 'increase');
    assert.equal(changeOf(level, '41%'), null);
    const base = 'Revenue rose from $10 million to $14 million.';
    assert.equal(changeOf(base, '$10 million'), null);
    assert.equal(changeOf(base, '$14 million'), null);
  });

  it('gives a change word after two figures to the nearer one: the level before it stays a level', () => {
    const text = 'Gross margin was 36.9%, a 40-basis-point improvement on last year, and 11.7% of sales went to rent, down from 12%.';
    assert.equal(changeOf(text, '36.9%'), null);
    assert.equal(changeOf(text, '40-basis-point'), 'increase');
    assert.equal(changeOf('Operating margin was 9.4%, down slightly.', '9.4%'), 'decrease');
  });

  it('reads a change noun that is the subject of the figure', () => {
    assert.equal(changeOf('Subscription growth across enterprise accounts was 14% in the half.', '14%'), 'increase');
    assert.equal(changeOf('Subscriptions across enterprise accounts were 14% of the total.', '14%'), null);
  });

  it('still reads a growth rate stated as "growth … to"', () => {
    assert.equal(changeOf('Forecasters raised GDP growth for Norvia to 5.2% this year.', '5.2%'), 'increase');
  });

  it('gives "an increase of" to the figure it introduces, not the one before', () => {
    const line = 'Net income was $9 million, an increase of $2 million.';
    assert.equal(changeOf(line, '$9 million'), null);
    assert.equal(changeOf(line, '$2 million'), 'increase');
    const ratio = 'Gross margin at Solvik was 38.2%, an improvement of 0.8 percentage points.';
    assert.equal(changeOf(ratio, '38.2%'), null);
    assert.equal(changeOf(ratio, '0.8 percentage points'), 'increase');
  });

  it('reads a change noun right after an amount', () => {
    assert.equal(changeOf('Profit rose on a $7 million decrease in impairment of goodwill.', '$7 million'), 'decrease');
    assert.equal(changeOf('Profit rose on a $7 million year-over-year increase in adjusted EBITA.', '$7 million'), 'increase');
    assert.equal(changeOf('Profit was $7 million, increasing margins.', '$7 million'), null);
  });

  it('gives the change to both amounts joined by "and"', () => {
    const line = 'Segment profits at Orrin rose by $3 million and $5 million in the half.';
    assert.equal(changeOf(line, '$3 million'), 'increase');
    assert.equal(changeOf(line, '$5 million'), 'increase');
  });
});

/** The figure's metric and the words that named it, as the hover card shows them. */
function namedBy(line: string, text: string, occurrence = 0): { metric: string | null; words: string | null } {
  const figure = figureIn(line, text, {}, occurrence);
  const span = figure.metricSpan ?? null;
  return { metric: figure.metric, words: span ? line.slice(span.start, span.end) : null };
}

function qualifierOf(line: string, text: string): { bound: string | null; approximate: boolean } {
  const figure = figureIn(line, text);
  return { bound: figure.bound, approximate: figure.approximate };
}

describe('metrics: precision (a wrong label is worse than none)', () => {
  it('keeps an expense an expense, and names the ratio only for points, level shares or "ratio"', () => {
    const line = 'R&D expense was EUR 310 million, and the R&D expense ratio rose 0.4 percentage points to 9.6%.';
    assert.equal(metricOf(line, 'EUR 310 million'), 'r&d expense');
    assert.equal(metricOf(line, '0.4 percentage points'), 'r&d expense ratio');
    assert.equal(metricOf(line, '9.6%'), 'r&d expense ratio');
    assert.equal(metricOf('Research and development expenses grew 6% at Ostrava Tools.', '6%'), 'r&d expense');
    assert.equal(metricOf('Product development expenses were EUR 75 million.', 'EUR 75 million'), 'product development expenses');
  });

  it('reads a share restating an amount as the amount\'s share, not the base it is a share of', () => {
    const line = 'Cost of revenue was EUR 900 million, or 48% of revenue.';
    assert.equal(metricOf(line, 'EUR 900 million'), 'cost of revenue');
    assert.equal(metricOf(line, '48%'), 'cost of revenue ratio');
    assert.equal(metricOf('Tooling took EUR 30 million, or 2% of revenue.', '2%'), null);
  });

  it('tells a buyback from the dividend said before it', () => {
    assert.equal(metricOf('Alongside the dividend, we spent EUR 12 million buying back shares.', 'EUR 12 million'), 'share repurchase');
    assert.equal(metricOf('Beyond the dividend, we returned EUR 25 million to shareholders.', 'EUR 25 million'), null);
    assert.equal(metricOf('The dividend was EUR 0.35 per share.', 'EUR 0.35'), 'dividend');
  });

  it('names capex guidance, and never a count of people for money', () => {
    assert.equal(metricOf('Capital expenditure guidance for next year is 1.8 billion euros.', '1.8 billion euros'), 'capex guidance');
    assert.equal(metricOf('We expect capex at the low end, with customers funding EUR 90 million of moulds.', 'EUR 90 million'), null);
  });

  it('keeps ROE and EPS apart, and a ratio name off money', () => {
    const line = 'Return on equity was 13.1%, and diluted EPS was EUR 2.05, up 4%.';
    assert.equal(metricOf(line, '13.1%'), 'roe');
    assert.equal(metricOf(line, 'EUR 2.05'), 'eps');
    assert.equal(metricOf(line, '4%'), 'eps');
    assert.equal(metricOf('It is about EUR 30 million, or 60 basis points of margin.', 'EUR 30 million'), null);
  });

  it('does not make a gain a loss, or an increase', () => {
    const line = 'The Brightwater ruling brought a $190 million gain, against a loss of $25 million a year ago.';
    assert.equal(metricOf(line, '$190 million'), null);
    assert.equal(changeOf(line, '$190 million'), null);
    assert.equal(metricOf(line, '$25 million'), 'loss');
    assert.equal(changeOf(line, '$25 million'), null);
  });

  it('keeps a metric inside its clause', () => {
    assert.equal(metricOf('Revenue at Lumo was $4 billion, and the Oslo plant billed $90 million.', '$90 million'), null);
    assert.equal(metricOf('Free cash flow was $2 billion, but we spent $300 million on a site.', '$300 million'), null);
    assert.equal(metricOf('Revenue: EUR 8.1 billion, up 6%', '6%'), 'revenue');
  });

  it('gives no metric to a figure that is the size of another noun', () => {
    assert.equal(metricOf('Revenue held up; a 10% move in copper would hurt.', '10%'), null);
    const line = 'A EUR 12 million share buyback completed in May brings cash returned to EUR 70 million.';
    assert.equal(metricOf(line, 'EUR 12 million'), 'share repurchase');
    assert.equal(metricOf(line, 'EUR 70 million'), null);
    assert.equal(metricOf('Vantor posted a 32% revenue increase to $5.1 billion.', '$5.1 billion'), 'revenue');
  });

  it('pairs "respectively" lists in order', () => {
    const line = 'Free cash flow and net debt were EUR 310 million and EUR 1.2 billion, respectively.';
    assert.equal(metricOf(line, 'EUR 310 million'), 'free cash flow');
    assert.equal(metricOf(line, 'EUR 1.2 billion'), 'net debt');
    const after = 'Cash from operations was EUR 80 million, and free cash flow EUR 50 million, respectively, up by EUR 9 million and EUR 4 million.';
    assert.equal(metricOf(after, 'EUR 9 million'), 'operating cash flow');
    assert.equal(metricOf(after, 'EUR 4 million'), 'free cash flow');
  });

  it('reads a pronoun subject as the metric the sentence before opened on', () => {
    assert.equal(metricOf('Backlog was EUR 6 billion. It grew 5% from June.', '5%'), 'backlog');
    assert.equal(metricOf('Weather was mild. It grew 5% warmer.', '5%'), null);
  });

  it('reads the share of a total as no metric of the total', () => {
    assert.equal(metricOf('The proportion of cloud spending within total GDP in Norvia is only 2%.', '2%'), null);
  });

  it('keeps counts in comparisons and recipients, and quantities in units, unnamed', () => {
    assert.equal(metricOf('It differs if you go after 40 towns versus 90 towns.', '40'), null);
    assert.equal(metricOf('It differs if you go after 40 towns versus 90 towns.', '90'), null);
    assert.equal(metricOf('The app brings new trade to 2 million merchants.', '2 million'), null);
    assert.equal(metricOf('Paid users grew to 3 million users.', '3 million'), 'users');
    assert.equal(metricOf('We ship to customers 5,000 miles away.', '5,000'), null);
    assert.equal(metricOf('Cash flow will be tight if we see shale oil at 7 million barrels a day.', '7 million'), null);
    assert.equal(metricOf('Copper output for the quarter was 212,000 tonnes.', '212,000', { glossary: { 'copper output': ['copper output'] } }), 'copper output');
  });

  it('names the narrower metric written before a bare head or a bare loss', () => {
    assert.equal(metricOf('Our cloud business overall revenue growth was 4% this quarter.', '4%'), 'cloud revenue');
    assert.equal(metricOf('We cut UE losses by half in Norvia.', 'half'), 'ue loss');
    assert.equal(metricOf('Net cash used in financing activities was $2 billion.', '$2 billion'), 'net cash from financing activities');
  });

  it('says which words named the metric', () => {
    assert.deepEqual(namedBy('R&D expense was EUR 310 million.', 'EUR 310 million'), { metric: 'r&d expense', words: 'R&D expense' });
    assert.deepEqual(namedBy('Lumo hired 2,000 drivers this year.', '2,000'), { metric: 'drivers', words: 'drivers' });
    assert.deepEqual(namedBy('The weather was 30% sunnier.', '30%'), { metric: null, words: null });
    const text = 'Free cash flow at Lumo reached $4 billion, a gain of $0.4 billion\n\nor 11% on the prior year.';
    const figure = analyze(text).figures.find((f) => f.text === '11%');
    assert.equal(figure?.metric, 'free cash flow');
    assert.deepEqual(figure?.metricSpan, { line: 0, start: 0, end: 14 });
  });
});

describe('qualifiers: bounds only where the words set one', () => {
  it('reads "and up" before another figure as that figure\'s change', () => {
    const line = 'Orders were EUR 2.1 billion and up 126% in defence.';
    assert.deepEqual(qualifierOf(line, 'EUR 2.1 billion'), { bound: null, approximate: false });
    assert.equal(changeOf(line, '126%'), 'increase');
    assert.deepEqual(qualifierOf('Tickets cost $20 and up.', '$20'), { bound: 'atLeast', approximate: false });
  });

  it('reads "up to" as at most, "or higher" and "exceeded" as at least', () => {
    assert.deepEqual(qualifierOf('We expect up to 40 new stores.', '40'), { bound: 'atMost', approximate: false });
    assert.deepEqual(qualifierOf('Members grew by 6% or higher each month.', '6%'), { bound: 'atLeast', approximate: false });
    assert.deepEqual(qualifierOf('Churn stayed at 2% or lower all year.', '2%'), { bound: 'atMost', approximate: false });
    assert.deepEqual(qualifierOf('Free cash flow exceeded $9 billion.', '$9 billion'), { bound: 'atLeast', approximate: false });
  });

  it('lets a metric reach only so far, unless a chain of figures carries it', () => {
    const far = 'Cash was fine, and looking at what you said in your remarks about the engines and the fleet and the many routes you fly, I think you have 62% of them parked.';
    assert.equal(metricOf(far, '62%'), null);
    const chain = 'Operating expenses on a reported basis were $38.1 million for the third quarter of this year, against $41.6 million in the second quarter, and $44.9 million a year ago.';
    assert.equal(metricOf(chain, '$44.9 million'), 'operating expenses');
  });

  it('counts no currency units and says per share once', () => {
    // However the scanner reads "27 cents" (a count today, money once cents are read as such), "cents" is no metric.
    const metrics = analyze('Adjusted net income was $6.3 million, or 27 cents per diluted share.').figures.map((figure) => figure.metric);
    assert.ok(!metrics.includes('cents'), JSON.stringify(metrics));
    assert.equal(metricOf('EPS per share rose 5%.', '5%'), 'eps');
    assert.equal(metricOf('We now expect cash interest of EUR 150 million.', 'EUR 150 million'), null);
    assert.equal(metricOf('The duty refund was a net income statement benefit of $2.4 million.', '$2.4 million'), null);
  });

  it('ends a metric\'s clause at a new subject after a comma', () => {
    assert.equal(metricOf('Bookings fell 8% organically, hardware was down 6, as we lap a strong year.', '6'), null);
    assert.equal(metricOf('With many consumers still at home, these categories delivered double-digit growth.', 'double-digit'), null);
    assert.equal(metricOf('Revenue was $5 billion, which was up 12%.', '12%'), 'revenue');
  });

  it('reads "N of <noun>" as an amount of that noun, unless a metric governs it closely', () => {
    assert.equal(metricOf('The capital loss tax benefit was used against a disposal, resulting in 88 million of earnings.', '88 million'), null);
    assert.equal(metricOf('In the quarter we bought back another $2.1 billion of shares.', '$2.1 billion'), 'share repurchase');
    assert.equal(metricOf('Network products accounted for 87% of the revenue.', '87%'), 'revenue');
  });

  it('tells sales volumes from sales, and narrows "margins"', () => {
    assert.equal(metricOf('Average daily sales volume was 13,500 barrels.', '13,500'), 'sales volume');
    assert.equal(metricOf('The unit contributed high single digit EBITDA margins.', 'high single digit'), 'ebitda margin');
  });

  it('names the metric of a share of a named company\'s total', () => {
    assert.equal(metricOf("In the quarter, 64% of Orrin's total revenue came from abroad.", '64%'), 'revenue');
    assert.equal(metricOf('Forecasters see 4% economic growth in Norvia.', '4%'), 'gdp');
  });

  it('reads "over" a span of time as when, and "for over" as a bound', () => {
    assert.deepEqual(qualifierOf('We plan to invest EUR 900 million over three years.', 'three years'), { bound: null, approximate: false });
    assert.deepEqual(qualifierOf('We have served them for over 20 years.', '20 years'), { bound: 'atLeast', approximate: false });
    assert.deepEqual(qualifierOf('Margins rose by under 50 basis points over the quarter.', '50 basis points'), { bound: 'atMost', approximate: false });
  });

  it('reads "talking about" as what is spoken of, not an approximation', () => {
    assert.deepEqual(qualifierOf("We're talking about 40 trillion today.", '40 trillion'), { bound: null, approximate: false });
    assert.deepEqual(qualifierOf('Headcount is about 5,200.', '5,200'), { bound: null, approximate: true });
  });
});
