// The period a call reports on, read from its head: titles, greetings, fiscal years, dates.
import * as assert from 'node:assert/strict';
import { readCallPeriod } from '../../server/src/engine/period';

const periodOf = (text: string) => readCallPeriod(text.split('\n'));

describe('call period', () => {
  const cases: Array<[string, string, number | null, number | null]> = [
    ['Q1 FY2026 Earnings Call', 'Q1 FY2026', 2026, 1],
    ['Vantor Mills FY26 Q2 results', 'Q2 FY2026', 2026, 2],
    ['Welcome to the first quarter of fiscal 2026 call.', 'Q1 FY2026', 2026, 1],
    ['Good morning and welcome to the Orbis third quarter 2023 earnings conference call.', 'Q3 2023', 2023, 3],
    ['Welcome to our 2024 fourth quarter results call.', 'Q4 2024', 2024, 4],
    ['Q3 2025 Earnings Call Transcript', 'Q3 2025', 2025, 3],
    ['Fiscal year 2023 results', 'FY2023', 2023, null],
  ];
  for (const [text, label, year, quarter] of cases) {
    it(`reads "${text}" as ${label}`, () => {
      const period = periodOf(text);
      assert.ok(period);
      assert.deepEqual([period.label, period.year, period.quarter], [label, year, quarter]);
      assert.ok(text.slice(period.start, period.end).length > 0);
    });
  }

  it('orders quarters of one year and across years by the end of the period', () => {
    const keys = ['Q4 2023 call', 'Q1 2024 call', 'second quarter 2024 call', 'FY2024 results', 'Q1 2025 call'].map((text) => periodOf(text)!.sortKey);
    assert.deepEqual(keys, [...keys].sort((a, b) => a - b));
  });

  it('takes the year of a quarter said without one from the call date', () => {
    const period = periodOf('Welcome to the Delmar second quarter call.\nJuly 30, 2024');
    assert.deepEqual([period?.label, period?.year], ['Q2 2024', 2024]);
    // A fourth quarter is reported early in the next year.
    assert.equal(periodOf('Welcome to our fourth quarter call.\n2025-02-06')?.label, 'Q4 2024');
  });

  it('falls back to the date when no period is named', () => {
    const dated = periodOf('Corvid Labs Earnings Call\nMarch 3, 2026');
    assert.equal(dated?.label, '2026-03-03');
    const later = periodOf('Corvid Labs Earnings Call\n3 June 2026');
    assert.ok(later && dated && later.sortKey > dated.sortKey);
  });

  it('prefers the mention that names the call over an earlier passing one', () => {
    assert.equal(periodOf('Compared with the first quarter of profitability, and welcome to the third quarter 2025 earnings call')?.label, 'Q3 2025');
  });

  it('reads no period in a quarter of something else, but does in a quarter of a year', () => {
    assert.equal(periodOf('Jane Roe: This was our first quarter of profitability.\nJohn Doe: Thanks.'), null);
    assert.equal(periodOf('Welcome to the second quarter of fiscal 2026 call.')?.label, 'Q2 FY2026');
    assert.equal(periodOf('Welcome to the third quarter of 2025.')?.label, 'Q3 2025');
  });

    it('returns null when the head names no period, and never reads implausible years', () => {
    assert.equal(periodOf('Operator: welcome everyone.\nJane Roe: thanks.'), null);
    assert.equal(periodOf('Q1 9999 was great'), null);
    assert.equal(periodOf(''), null);
  });

  it('looks only at the head of the call', () => {
    const text = `${'Jane Roe: words.\n'.repeat(60)}Welcome to the Q2 2025 call.`;
    assert.equal(periodOf(text), null);
  });
});
