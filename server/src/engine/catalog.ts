// The one catalog of diagnostic codes. Every diagnostic the engine emits uses a code from
// here, so the README, the settings and the quick fixes all agree on the same list.
import type { Severity } from './types';

export interface DiagnosticCodeInfo {
  defaultSeverity: Severity;
  /** One sentence for the README and the settings description. */
  description: string;
}

export const DIAGNOSTIC_CODES = {
  'unparsed-figure': {
    defaultSeverity: 'warning',
    description: 'A number that no figure kind fits, such as "a 9.1 year-on-year increase" with no unit.',
  },
  'missing-currency': {
    defaultSeverity: 'warning',
    description: 'An amount with no currency, such as "on the 49.9 billion", where the document mixes currencies and the line does not say which, or names none and the sentence does not say it is money.',
  },
  'escaped-symbol': {
    defaultSeverity: 'information',
    description: 'Markup debris that breaks a figure, such as the doubled backslash in "\\\\$300 million" or the escaped point in "4\\.5%"; a lone Markdown escape ("\\$57.8 billion") is read as the figure it renders.',
  },
  'not-text': {
    defaultSeverity: 'error',
    description: 'The file is not text (it holds NUL bytes), so nothing in it was read.',
  },
  'invalid-encoding': {
    defaultSeverity: 'warning',
    description: 'The file is not valid UTF-8; unreadable bytes were replaced before reading.',
  },
  'degraded-analysis': {
    defaultSeverity: 'information',
    description: 'The document is larger than transcriptLens.maxDocumentSize, so only speakers were read.',
  },
  'conflicting-figures': {
    defaultSeverity: 'warning',
    description: 'The same metric for the same period is stated twice with values that differ beyond rounding, such as third-quarter revenue of $4.2 billion and later $4.6 billion.',
  },
  'change-mismatch': {
    defaultSeverity: 'warning',
    description: 'A stated change contradicts the two values it joins, such as "revenue of 110, up 10% from 90" (that is +22%).',
  },
  'parts-exceed-whole': {
    defaultSeverity: 'warning',
    description: 'Parts listed after a whole ("of which", "consisting of") add up to more than the whole.',
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
