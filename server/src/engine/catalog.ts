// The one catalog of diagnostics: each kind's code, default severity, description and message
// live here (as vscode-css-languageservice's cssErrors.ts does), so the README, the settings,
// the quick fixes and the engine all agree. Code refers to a kind by its name
// (Diagnostics.missingCurrency), never by repeating its code string.
import type { Severity } from './types';

export interface DiagnosticKind {
  /** The code shown in the Problems panel and used in transcriptLens.diagnostics.severity. */
  code: string;
  defaultSeverity: Severity;
  /** One sentence for the README and the settings description. */
  description: string;
  /** The message a diagnostic of this kind shows, from what it is about. */
  message(...details: never[]): string;
}

export const Diagnostics = {
  unparsedFigure: {
    code: 'unparsed-figure',
    defaultSeverity: 'warning',
    description: 'A number that no figure kind fits, such as "a 7.3 year-on-year increase" with no unit.',
    message: (figure: string) => `"${figure}" states a change with no unit: is it a percentage, points or an amount?`,
  },
  missingCurrency: {
    code: 'missing-currency',
    defaultSeverity: 'warning',
    description: 'An amount with no currency, such as "on the 49.9 billion", where the document mixes currencies and the line does not say which, or names none and the sentence does not say it is money.',
    message: (figure: string, why: string) => `"${figure}" is an amount with no currency${why}: say which currency it is in.`,
  },
  escapedSymbol: {
    code: 'escaped-symbol',
    defaultSeverity: 'information',
    description: 'Markup debris that breaks a figure, such as the doubled backslash in "\\\\$300 million" or the escaped point in "4\\.5%"; a lone Markdown escape ("\\$57.8 billion") is read as the figure it renders.',
    message: (figure: string) => `"${figure}" holds markup debris (a stray backslash) that breaks the number when copied.`,
  },
  notText: {
    code: 'not-text',
    defaultSeverity: 'error',
    description: 'The file is not text (it holds NUL bytes), so nothing in it was read.',
    message: () => 'This file is not text (it contains NUL bytes), so it was not analyzed.',
  },
  invalidEncoding: {
    code: 'invalid-encoding',
    defaultSeverity: 'warning',
    description: 'The file is not valid UTF-8; unreadable bytes were replaced before reading.',
    message: () => 'This file is not valid UTF-8; unreadable bytes were shown as \uFFFD and the rest was analyzed.',
  },
  degradedAnalysis: {
    code: 'degraded-analysis',
    defaultSeverity: 'information',
    description: 'The document is larger than transcriptLens.maxDocumentSize, so only speakers were read.',
    message: (characters: number, limit: number) =>
      `This document has ${characters.toLocaleString('en-US')} characters, more than the ${limit.toLocaleString('en-US')} of transcriptLens.maxDocumentSize: speakers were read, figures were not.`,
  },
  internalError: {
    code: 'internal-error',
    defaultSeverity: 'error',
    description: 'Transcript Lens failed on a line (a bug in it, not in the text); that line has no figures, the rest was read. Please report it with the line.',
    message: (reason: string) => `Transcript Lens could not read the figures on this line (${reason}); the rest of the document was read. This is a bug: please report it with this line.`,
  },
  conflictingFigures: {
    code: 'conflicting-figures',
    defaultSeverity: 'warning',
    description: 'The same metric for the same period is stated twice with values that differ beyond rounding, such as third-quarter revenue of $4.2 billion and later $4.6 billion.',
    message: (metric: string, figure: string, earlier: string, earlierLine: number) =>
      `The ${metric} for this period is ${figure} here but ${earlier} on line ${earlierLine}.`,
  },
  changeMismatch: {
    code: 'change-mismatch',
    defaultSeverity: 'warning',
    description: 'A stated change contradicts the two values it joins, such as "revenue of 110, up 10% from 90" (that is +22%).',
    message: (change: string, base: string, level: string, implied: string) =>
      `"${change}" does not fit the values it joins: from ${base} to ${level} is ${implied}.`,
  },
  partsExceedWhole: {
    code: 'parts-exceed-whole',
    defaultSeverity: 'warning',
    description: 'Parts listed after a whole ("of which", "consisting of") add up to more than the whole.',
    message: (whole: string, parts: string[]) => `The parts of ${whole} add up to more than it: ${parts.join(' + ')}.`,
  },
} as const satisfies Record<string, DiagnosticKind>;

/** One kind of the catalog, with its code as a literal type. */
export type CatalogKind = (typeof Diagnostics)[keyof typeof Diagnostics];
export type DiagnosticCode = CatalogKind['code'];

/** Every kind by its code, for settings and checks that start from a code. */
export const DIAGNOSTIC_CODES: Readonly<Record<DiagnosticCode, DiagnosticKind>> = Object.fromEntries(
  Object.values(Diagnostics).map((kind) => [kind.code, kind]),
) as Record<DiagnosticCode, DiagnosticKind>;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
