// A fair adapter from Microsoft Recognizers-Text (English culture) to the analysis contract
// (../shared/spec/analysis-json.md), so the peer can be scored and timed like our engine.
// Recognizers-Text knows no speakers and no unreadable figures, so turns and diagnostics
// stay empty. What the adapter adds is glue, not a second engine:
//   - models are built once and reused (the suite's helpers rebuild them on every call);
//   - its tokenizer needs a space in "RMB234.2 billion" and no Markdown backslash in "\\$3.1
//     billion", so each line is given to it with those two fixed and the spans mapped back;
//   - the amount of a currency figure is taken from its number model where its currency
//     model scales it wrongly ("RMB 248 billion" comes back as 2480000000);
//   - currencies get ISO 4217 codes (from its isoCurrency, else from its unit name);
//   - percentages become fractions, and scaled values ("23.4 billion") are kept as numbers;
//   - a currency word it leaves without an amount ("RMB" then "23.4 billion") is joined to
//     the number right after it, as its own currency model does for "234 billion RMB";
//   - "percentage point(s)", "basis points"/"bps" and "x"/"times"/"-fold" right after a
//     number it found give the contract's pp, bp and multiple kinds, which it has no model for;
//   - where two models claim the same characters, the more specific reading wins.
import { createRequire } from 'node:module';

const suitePath = createRequire(import.meta.url).resolve('@microsoft/recognizers-text-suite');
const requireFromSuite = createRequire(suitePath);
const { Culture } = requireFromSuite('@microsoft/recognizers-text-suite');
const { NumberRecognizer } = requireFromSuite('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = requireFromSuite('@microsoft/recognizers-text-number-with-unit');
const { DateTimeRecognizer } = requireFromSuite('@microsoft/recognizers-text-date-time');

/** Unit names its currency model returns without an isoCurrency, in an English call. */
const CURRENCY_NAMES = {
  dollar: 'USD', 'united states dollar': 'USD', 'chinese yuan': 'CNY', yuan: 'CNY', renminbi: 'CNY', euro: 'EUR',
  'british pound': 'GBP', pound: 'GBP', 'japanese yen': 'JPY', yen: 'JPY', 'hong kong dollar': 'HKD',
  'south korean won': 'KRW', won: 'KRW', 'indian rupee': 'INR', rupee: 'INR', 'turkish lira': 'TRY', cent: 'USD',
};
const DURATION_UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour' };
const AGE_UNITS = { year: 'year', month: 'month', week: 'week', day: 'day' };

/** Higher wins where readings overlap. */
const PRIORITY = { money: 9, percentagePoints: 8, basisPoints: 8, percent: 7, multiple: 7, duration: 6, date: 5, period: 5, ordinal: 4, fraction: 3, count: 2 };

export function createRecognizers() {
  const culture = Culture.English;
  const numbers = new NumberRecognizer(culture);
  const units = new NumberWithUnitRecognizer(culture);
  return {
    number: numbers.getNumberModel(),
    ordinal: numbers.getOrdinalModel(),
    percentage: numbers.getPercentageModel(),
    currency: units.getCurrencyModel(),
    dimension: units.getDimensionModel(),
    age: units.getAgeModel(),
    datetime: new DateTimeRecognizer(culture).getDateTimeModel(),
  };
}

function figure(line, lineText, start, endExclusive, kind, value, unit) {
  return {
    line, start, end: endExclusive, text: lineText.slice(start, endExclusive), kind,
    value: Number.isFinite(value) ? value : null, min: null, max: null, unit,
    approximate: false, bound: null, metric: null, change: null,
  };
}

function currencyCode(resolution) {
  if (resolution?.isoCurrency) return resolution.isoCurrency;
  return CURRENCY_NAMES[String(resolution?.unit ?? '').toLowerCase()] ?? null;
}

/** A number's reading as pp, bp or a multiple when the words right after it say so. */
function unitAfterNumber(lineText, endExclusive) {
  const after = lineText.slice(endExclusive);
  const match = /^(?:\s?(percentage points?)|\s?(basis points?|bps?)\b|(x|×)(?![A-Za-z])|\s(times)\b|(-fold)\b)/i.exec(after);
  if (!match) return null;
  const kind = match[1] ? 'percentagePoints' : match[2] ? 'basisPoints' : 'multiple';
  return { kind, length: match[0].length };
}

const CODE_BEFORE_DIGIT = /^(?:RMB|CNY|USD|HKD|EUR|GBP|JPY|KRW|INR|TRY|TWD|SGD|CHF|AUD|CAD)$/;

/**
 * The line as the peer's tokenizer reads it best: no backslash before "$", and a space
 * between a currency code and its digits. `original[i]` is the line offset of character i.
 */
export function normalizeForPeer(lineText) {
  let text = '';
  const original = [];
  for (let i = 0; i < lineText.length; i++) {
    const character = lineText[i];
    if (character === '\\' && lineText[i + 1] === '$') continue;
    text += character;
    original.push(i);
    if (/[A-Z]/.test(character) && /[0-9]/.test(lineText[i + 1] ?? '')) {
      const word = /[A-Z]+$/.exec(lineText.slice(0, i + 1))[0];
      if (CODE_BEFORE_DIGIT.test(word)) {
        text += ' ';
        original.push(i);
      }
    }
  }
  original.push(lineText.length);
  return { text, original };
}

/** Every figure the peer finds on one line, in the contract's shape. */
export function recognizeLine(models, originalLine, line) {
  if (!/[0-9]|half|third|quarter|once|twice|hundred|thousand|million|billion|trillion|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty/i.test(originalLine)) return [];
  const { text: lineText, original } = normalizeForPeer(originalLine);
  const found = [];
  const numbers = models.number.parse(lineText);

  for (const r of models.currency.parse(lineText)) {
    const code = currencyCode(r.resolution);
    let end = r.end + 1;
    const inside = numbers.find((n) => n.start >= r.start && n.end <= r.end);
    let value = inside ? Number(inside.resolution.value) : r.resolution?.value == null ? null : Number(r.resolution.value);
    if (value === null) {
      const next = numbers.find((n) => n.start > r.end && /^\s*$/.test(lineText.slice(end, n.start)));
      if (next) {
        value = Number(next.resolution.value);
        end = next.end + 1;
      }
    }
    found.push(figure(line, lineText, r.start, end, 'money', value, code));
  }
  for (const r of models.percentage.parse(lineText)) {
    const value = Number(String(r.resolution?.value ?? '').replace('%', '')) / 100;
    const points = /^ points?/i.exec(lineText.slice(r.end + 1));
    if (/percentage$/i.test(r.text) && points) found.push(figure(line, lineText, r.start, r.end + 1 + points[0].length, 'percentagePoints', value, 'pp'));
    else found.push(figure(line, lineText, r.start, r.end + 1, 'percent', value, '%'));
  }
  for (const r of models.age.parse(lineText)) {
    const unit = AGE_UNITS[String(r.resolution?.unit ?? '').toLowerCase()] ?? null;
    found.push(figure(line, lineText, r.start, r.end + 1, 'duration', Number(r.resolution?.value), unit));
  }
  for (const r of models.dimension.parse(lineText)) {
    found.push(figure(line, lineText, r.start, r.end + 1, 'count', Number(r.resolution?.value), String(r.resolution?.unit ?? '').toLowerCase() || null));
  }
  for (const r of models.datetime.parse(lineText)) {
    const resolved = r.resolution?.values?.[0];
    if (resolved?.type === 'duration') {
      const timex = /^P(?:T)?(\d+(?:\.\d+)?)([YMWDH])$/.exec(resolved.timex ?? '');
      found.push(figure(line, lineText, r.start, r.end + 1, 'duration', timex ? Number(timex[1]) : null, timex ? DURATION_UNITS[timex[2]] : null));
    } else {
      // A range of months (a quarter, a half, a fiscal year) is a period; a day or a year is a date.
      const kind = resolved?.type === 'daterange' && /P\d+M\)$/.test(resolved.timex ?? '') ? 'period' : 'date';
      found.push(figure(line, lineText, r.start, r.end + 1, kind, null, null));
    }
  }
  for (const r of models.ordinal.parse(lineText)) found.push(figure(line, lineText, r.start, r.end + 1, 'ordinal', null, null));
  for (const r of numbers) {
    const value = Number(r.resolution?.value);
    const unit = unitAfterNumber(lineText, r.end + 1);
    if (unit) {
      const scaled = unit.kind === 'percentagePoints' ? value / 100 : unit.kind === 'basisPoints' ? value / 10000 : value;
      const symbol = { percentagePoints: 'pp', basisPoints: 'bp', multiple: 'x' }[unit.kind];
      found.push(figure(line, lineText, r.start, r.end + 1 + unit.length, unit.kind, scaled, symbol));
    } else if (!/[0-9]/.test(r.text) && value > 0 && value < 1) {
      found.push(figure(line, lineText, r.start, r.end + 1, 'fraction', value, null));
    } else {
      found.push(figure(line, lineText, r.start, r.end + 1, 'count', value, null));
    }
  }
  return resolveOverlaps(found).map((f) => {
    const start = original[f.start];
    const end = original[f.end - 1] + 1;
    return { ...f, start, end, text: originalLine.slice(start, end) };
  });
}

/** Keeps the most specific reading where readings overlap; longer spans break ties. */
function resolveOverlaps(found) {
  const ranked = [...found].sort((a, b) => (PRIORITY[b.kind] - PRIORITY[a.kind]) || ((b.end - b.start) - (a.end - a.start)) || (a.start - b.start));
  const kept = [];
  for (const candidate of ranked) {
    if (!kept.some((k) => k.start < candidate.end && candidate.start < k.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The peer's analysis of one text, in the contract's shape. */
export function recognizeText(models, text, file) {
  const figures = text.split(/\r\n|\r|\n/).flatMap((lineText, line) => recognizeLine(models, lineText, line));
  return { file, turns: [], figures, diagnostics: [] };
}
