// The hover card of a figure as Markdown, and the number formatting it and the inlay hints
// share. Pure: no protocol types, so it is unit-tested directly (test/unit/hoverCard.test.ts).
import type { Figure, FigureKind } from '../engine';

export interface HoverContext {
  speaker: string | null;
  section: string | null;
  reportingCurrency: string | null;
  exchangeRates: Record<string, number>;
  /** The words that named the figure's metric (its metricSpan's text), to say where it came from. */
  metricWords?: string | null;
}

type Style = 'full' | 'compact';

/** The part of a figure that says how much it is. */
export type Amount = Pick<Figure, 'kind' | 'value' | 'min' | 'max' | 'unit'>;

const KIND_TITLES: Record<FigureKind, string> = {
  money: 'Money',
  percent: 'Percent',
  percentagePoints: 'Percentage points',
  basisPoints: 'Basis points',
  count: 'Count',
  multiple: 'Multiple',
  fraction: 'Fraction',
  duration: 'Duration',
  date: 'Date',
  period: 'Period',
  ordinal: 'Ordinal',
  label: 'Label',
  unparsed: 'Could not be read',
};

/** What a number that is not a measure is, for kinds that have no value. */
const PLAIN_DESCRIPTIONS: Partial<Record<FigureKind, string>> = {
  date: 'Date: a day, month or year, not a measure.',
  period: 'Period: a fiscal or calendar period, not a measure.',
  ordinal: 'Ordinal: a rank or position, not a measure.',
  label: 'Label: part of a name, not a measure.',
};

const COMPACT_SCALES: ReadonlyArray<[number, string]> = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

/** Removes binary floating-point noise (0.14 * 100 = 14.000000000000002) before display. */
export function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** The number with thousands separators and up to maxFractionDigits decimals: 234,200,000,000. */
export function groupDigits(value: number, maxFractionDigits = 6): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFractionDigits }).format(clean(value));
}

/** The number in thousands (K), millions (M), billions (B) or trillions (T): 234.2 B. */
export function compactNumber(value: number): string {
  const magnitude = Math.abs(value);
  for (const [scale, suffix] of COMPACT_SCALES) {
    if (magnitude >= scale) return `${groupDigits(value / scale, 2)} ${suffix}`;
  }
  return groupDigits(value, 2);
}

/** A fraction as a percentage: 0.14 → 14%. */
export function percentText(fraction: number): string {
  return `${groupDigits(fraction * 100, 4)}%`;
}

function withUnit(number: string, unit: string | null): string {
  return unit ? `${number} ${unit}` : number;
}

/** Units are singular nouns ("order", "year"); some are already plural ("ads"). */
function plural(unit: string, value: number): string {
  return value === 1 || unit.endsWith('s') ? unit : `${unit}s`;
}

/** One value of a figure's kind in words; null for kinds that carry no value. */
export function formatAmount(kind: FigureKind, unit: string | null, value: number, style: Style): string | null {
  switch (kind) {
    case 'money':
      return withUnit(style === 'full' ? groupDigits(value, 4) : compactNumber(value), unit);
    case 'count':
      return withUnit(style === 'full' ? groupDigits(value) : compactNumber(value), unit && plural(unit, value));
    case 'percent':
      return percentText(value);
    case 'percentagePoints':
      return style === 'full' ? `${groupDigits(value * 100, 4)} pp` : `${groupDigits(value * 10_000, 2)} bp`;
    case 'basisPoints':
      return style === 'full' ? `${groupDigits(value * 10_000, 2)} bp` : `${groupDigits(value * 100, 4)} pp`;
    case 'multiple':
      return `${groupDigits(value, 4)}x`;
    case 'fraction':
      return style === 'full' ? groupDigits(value, 4) : percentText(value);
    case 'duration':
      return unit ? `${groupDigits(value, 4)} ${plural(unit, value)}` : groupDigits(value, 4);
    default:
      return null;
  }
}

/** A single value, or min–max for ranges and fuzzy amounts; null when the figure has none. */
function formatValueOrRange(figure: Amount, style: Style, scale = 1, unit = figure.unit): string | null {
  if (figure.value !== null) return formatAmount(figure.kind, unit, figure.value * scale, style);
  if (figure.min === null || figure.max === null) return null;
  const low = formatAmount(figure.kind, unit, figure.min * scale, style);
  const high = formatAmount(figure.kind, unit, figure.max * scale, style);
  return low && high ? `${low} – ${high}` : null;
}

/** "full · compact" for the card, or just one when both read the same. */
function fullAndCompact(figure: Amount, scale = 1, unit = figure.unit): string | null {
  const full = formatValueOrRange(figure, 'full', scale, unit);
  const compact = formatValueOrRange(figure, 'compact', scale, unit);
  if (!full) return null;
  return compact && compact !== full ? `${full} · ${compact}` : full;
}

/** What kind of figure it is, in words: "Money", "Percentage points". */
export function kindTitle(kind: FigureKind): string {
  return KIND_TITLES[kind];
}

/** The normalized value in full ("234,200,000,000 CNY", "4% – 6%"); null for plain kinds. */
export function fullValue(figure: Amount): string | null {
  return formatValueOrRange(figure, 'full');
}

/** The compact value an inlay hint shows after a figure ("234.2 B CNY"); null for plain kinds. */
export function compactValue(figure: Amount): string | null {
  if (figure.kind === 'percentagePoints' || figure.kind === 'basisPoints' || figure.kind === 'fraction') {
    return formatValueOrRange(figure, 'full');
  }
  return formatValueOrRange(figure, 'compact');
}

/** Backslash-escapes Markdown syntax so a figure's text shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (character) => `\\${character}`);
}

function qualifierLine(figure: Figure): string | null {
  const said = figure.qualifier ? ` ("${figure.qualifier}")` : '';
  if (figure.bound === 'atLeast') return `Qualifier: at least${said}`;
  if (figure.bound === 'atMost') return `Qualifier: at most${said}`;
  if (figure.approximate) return `Qualifier: approximate${said}`;
  return null;
}

/** The metric and the words it was read from: `Metric: r&d expense — from "R&D expense"`. */
function metricLine(figure: Figure, context: HoverContext): string | null {
  if (!figure.metric) return null;
  const source = context.metricWords ? ` — from "${escapeMarkdown(context.metricWords)}"` : '';
  return `Metric: ${escapeMarkdown(figure.metric)}${source}`;
}

function changeLine(figure: Figure): string | null {
  if (!figure.change) return null;
  return `Change: ${figure.change}${figure.comparison ? `, ${figure.comparison}` : ''}`;
}

/** The amount in the reporting currency, only with a rate the user set for this currency. */
function conversionLine(figure: Figure, context: HoverContext): string | null {
  const target = context.reportingCurrency;
  if (figure.kind !== 'money' || !target || !figure.unit || figure.unit === target) return null;
  const rate = context.exchangeRates[figure.unit];
  if (rate === undefined) return null;
  const converted = fullAndCompact(figure, rate, target);
  return converted ? `In ${target}: ${converted} (at your rate of ${groupDigits(rate)} ${target} per ${figure.unit})` : null;
}

function whereLine(context: HoverContext): string | null {
  const parts = [context.speaker, context.section].filter((part): part is string => Boolean(part));
  return parts.length ? `*${escapeMarkdown(parts.join(', '))}*` : null;
}

function card(title: string, paragraphs: Array<string | null>, details: Array<string | null>, context: HoverContext): string {
  const listed = details.filter((detail): detail is string => Boolean(detail)).map((detail) => `- ${detail}`);
  const blocks = [title, ...paragraphs, listed.length ? listed.join('\n') : null, whereLine(context)];
  return blocks.filter((block): block is string => Boolean(block)).join('\n\n');
}

/** Money whose currency is not written with it: say where the currency came from, or that none is stated. */
function currencyLine(figure: Figure): string | null {
  if (figure.kind !== 'money') return null;
  if (!figure.unit) return 'Currency unstated: the document names no currency';
  return figure.currencyInferred ? `Currency inferred: ${figure.unit} is the document's currency; it is not written with this amount` : null;
}

/** The Markdown hover card of one figure. */
export function hoverCard(figure: Figure, context: HoverContext): string {
  const title = `**${escapeMarkdown(figure.text)}** · ${KIND_TITLES[figure.kind]}`;
  if (figure.kind === 'unparsed') {
    // The editor shows the warning itself beside this card, so the card does not repeat it.
    return card(title, ['This number could not be read. Quick Fix offers the readings to choose from.'], [], context);
  }
  const plain = PLAIN_DESCRIPTIONS[figure.kind];
  const checked = figure.checked ? 'Checked by you (saved beside the transcript)' : null;
  if (plain) return card(title, [plain], [checked], context);
  const range = figure.value === null && figure.min !== null && figure.max !== null;
  return card(
    title,
    [fullAndCompact(figure) ?? 'No value could be computed for this figure.'],
    [
      range ? (figure.approximate ? 'Fuzzy amount: a range, not one value' : 'A stated range') : null,
      currencyLine(figure),
      metricLine(figure, context),
      changeLine(figure),
      qualifierLine(figure),
      conversionLine(figure, context),
      checked,
    ],
    context,
  );
}
