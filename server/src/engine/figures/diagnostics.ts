// Diagnostics on figures the engine cannot read, each with the quick fixes that would make
// it readable: insert the missing currency, insert the missing unit, remove markup debris.
import { Diagnostics, type CatalogKind } from '../catalog';
import type { Diagnostic, Figure, Fix } from '../types';
import { FALLBACK_CURRENCIES, PREFIX_OF } from './currencies';
import type { Problem } from './scanner';

/** What the whole call says about currencies, for the missing-currency fixes. */
export interface CurrencyEvidence {
  defaultCurrency: string | null;
  /** Money figures per ISO code. */
  counts: Map<string, number>;
  /** How each currency is written before amounts, per written form ("RMB " → 12). */
  marks: Map<string, Map<string, number>>;
}

export function newCurrencyEvidence(defaultCurrency: string | null): CurrencyEvidence {
  return { defaultCurrency, counts: new Map(), marks: new Map() };
}

/** Records `times` amounts in the currency `code`, written with `mark` before them (or none). */
export function recordCurrency(evidence: CurrencyEvidence, code: string, mark: string | null, times = 1): void {
  evidence.counts.set(code, (evidence.counts.get(code) ?? 0) + times);
  if (!mark) return;
  const written = mark.includes('\\') ? mark.replace(/\\/g, '') : mark;
  const forms = evidence.marks.get(code) ?? new Map<string, number>();
  forms.set(written, (forms.get(written) ?? 0) + times);
  evidence.marks.set(code, forms);
}

/** The currencies to offer, best first: the call's default, then the most used, then common ones. */
function currencyChoices(evidence: CurrencyEvidence): string[] {
  const used = [...evidence.counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  const ordered = [evidence.defaultCurrency, ...used, ...FALLBACK_CURRENCIES].filter((c): c is string => !!c);
  return [...new Set(ordered)].slice(0, 3);
}

/** How to write a currency before an amount: as the call writes it, else the usual prefix. */
function prefixFor(evidence: CurrencyEvidence, code: string): string {
  const forms = evidence.marks.get(code);
  if (forms && forms.size) return [...forms.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return PREFIX_OF.get(code) ?? `${code} `;
}

function make(figure: Figure, kind: CatalogKind, message: string, fixes: Fix[], span: { start: number; end: number } = figure): Diagnostic {
  return {
    line: figure.line, start: span.start, end: span.end,
    severity: kind.defaultSeverity, code: kind.code, message, fixes,
  };
}

/** Why the document does not decide the currency, true to what it writes. */
function currencyHint(evidence: CurrencyEvidence): string {
  const used = [...evidence.counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  if (used.length === 0) return ', and the document writes no currency anywhere';
  if (used.length === 1) return `, and nothing says it is money (the document's amounts are in ${used[0]})`;
  const named = used.length > 3 ? `${used.slice(0, 3).join(', ')} and others` : `${used.slice(0, -1).join(', ')} and ${used[used.length - 1]}`;
  return `, and the document writes amounts in ${named}`;
}

/** The diagnostic for a figure's problem, with its fixes. */
export function diagnose(figure: Figure, problem: Problem, evidence: CurrencyEvidence): Diagnostic {
  switch (problem.code) {
    case Diagnostics.missingCurrency.code: {
      const choices = currencyChoices(evidence);
      const fixes = choices.map((code, index): Fix => ({
        title: `Insert currency ${code}`,
        edits: [{ line: figure.line, start: figure.start, end: figure.start, newText: prefixFor(evidence, code) }],
        preferred: index === 0 && (code === evidence.defaultCurrency || evidence.counts.has(code)),
      }));
      return make(figure, Diagnostics.missingCurrency, Diagnostics.missingCurrency.message(figure.text, currencyHint(evidence)), fixes);
    }
    case Diagnostics.unparsedFigure.code: {
      const fixes: Fix[] = problem.missingUnitAt === null ? [] : [
        { title: 'Insert unit "%"', edits: [{ line: figure.line, start: problem.missingUnitAt, end: problem.missingUnitAt, newText: '%' }], preferred: true },
      ];
      return make(figure, Diagnostics.unparsedFigure, Diagnostics.unparsedFigure.message(figure.text), fixes);
    }
    case Diagnostics.escapedSymbol.code: {
      const edits = problem.debris.map((d) => ({ line: figure.line, start: d.start, end: d.end, newText: '' }));
      return make(figure, Diagnostics.escapedSymbol, Diagnostics.escapedSymbol.message(figure.text), [
        { title: 'Remove the stray backslash', edits, preferred: true },
      ], { start: problem.debris[0].start, end: problem.debris[problem.debris.length - 1].end });
    }
  }
}
