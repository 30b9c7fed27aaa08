// The analysis value the engine returns. Its public part is the contract in
// ../shared/spec/analysis-json.md; toContractJson() in contract.ts projects it to exactly
// that shape. Fields marked "engine only" feed editor features and never reach the JSON.
import type { DiagnosticCode } from './catalog';

/** A span inside one line: 0-based line, UTF-16 start and exclusive end (LSP's character). */
export interface Span {
  line: number;
  start: number;
  end: number;
}

export type SpeakerKind = 'management' | 'analyst' | 'operator' | 'host' | 'unknown';
export type SectionName = 'Prepared Remarks' | 'Questions & Answers';

export interface Turn {
  speaker: string;
  role: string | null;
  affiliation: string | null;
  speakerKind: SpeakerKind;
  section: SectionName | null;
  /** The line of the turn's header (or its first line). */
  line: number;
  /** The turn's last line, inclusive. */
  endLine: number;
  /** Engine only: where the speaker's name stands in the header, for rename and highlighting. */
  nameSpan: Span;
  /** Engine only: where the role stands in the header, when it is written there. */
  roleSpan: Span | null;
  /** Engine only: where the affiliation stands in the header, when it is written there. */
  affiliationSpan: Span | null;
  /** Engine only: words spoken in the turn, header excluded. */
  words: number;
}

/** A section of the call (prepared remarks, Q&A), for the outline and folding. */
export interface Section {
  name: SectionName;
  /** The heading line, or the first turn's line when the section has no heading. */
  line: number;
  endLine: number;
  /** The heading's span when the document has one. */
  headingSpan: Span | null;
}

export type FigureKind =
  | 'money'
  | 'percent'
  | 'percentagePoints'
  | 'basisPoints'
  | 'count'
  | 'multiple'
  | 'fraction'
  | 'duration'
  | 'date'
  | 'period'
  | 'ordinal'
  | 'label'
  | 'unparsed';

export type Bound = 'atLeast' | 'atMost';
export type Change = 'increase' | 'decrease';

export interface Figure extends Span {
  /** Exactly the characters of the span. */
  text: string;
  kind: FigureKind;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  approximate: boolean;
  bound: Bound | null;
  metric: string | null;
  /**
   * Engine only: the words that named the metric ("R&D expense"), on the figure's line or on
   * the previous non-blank line it goes on from; null (or absent) when no metric is shown.
   */
  metricSpan?: Span | null;
  change: Change | null;
  /** Engine only: the comparison period said with a change ("year over year"), or null. */
  comparison: string | null;
  /** Engine only: the qualifier word as written ("about", "more than"), or null. */
  qualifier: string | null;
  /** Engine only: true when the user marked this figure as checked (see CheckedFigure). */
  checked: boolean;
  /**
   * True for money whose currency is not written in the figure and was given the document's
   * currency. (Money of a document that names none has unit null and no flag.) In the contract only when true.
   */
  currencyInferred?: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text edit inside one line, for quick fixes. */
export interface LineEdit extends Span {
  newText: string;
}

/** A quick fix the engine proposes; the server turns it into a code action. */
export interface Fix {
  title: string;
  edits: LineEdit[];
  /** The fix the editor applies on "fix all" / preferred. */
  preferred?: boolean;
}

export interface Diagnostic extends Span {
  severity: Severity;
  /** A code from the catalog (catalog.ts), the one place codes and messages are written. */
  code: DiagnosticCode;
  message: string;
  /** Engine only: quick fixes that edit the document. */
  fixes: Fix[];
  /** Engine only: the other figures a consistency diagnostic is about (LSP relatedInformation). */
  related?: { span: Span; message: string }[];
}

/**
 * A reading the user chose for a figure the engine could not read. It is anchored by the
 * figure's text and the words around it, so edits elsewhere in the file do not detach it.
 */
export interface CheckedFigure {
  /** The figure's text as it was when the user checked it. */
  text: string;
  /** Up to 40 characters before and after the figure on its line when checked. */
  before: string;
  after: string;
  kind: Exclude<FigureKind, 'unparsed'>;
  value: number | null;
  unit: string | null;
}

export interface AnalyzeOptions {
  /** Extra metric names and the phrases that mean them (the user's glossary setting). */
  glossary?: Record<string, string[]>;
  /** Figures the user marked as checked. */
  checked?: CheckedFigure[];
  /** Above this many characters, figures are skipped and one informative diagnostic says so. */
  maxDocumentSize?: number;
}

export interface Analysis {
  turns: Turn[];
  sections: Section[];
  figures: Figure[];
  diagnostics: Diagnostic[];
  /** The currency the call states once for all ("in RMB"), ISO 4217, or null. */
  defaultCurrency: string | null;
  /** True when the document was too large for full analysis. */
  degraded: boolean;
}
