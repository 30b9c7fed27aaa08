// Code actions: the engine's quick fixes for each diagnostic in range, and for figures it
// could not read, "Mark as checked" readings that store the user's reading in the sidecar.
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Command, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { figuresOnLine } from './figureLookup';
import type { AnalyzedDocument } from '../analysisCache';
import { Diagnostics } from '../engine';
import type { CheckedFigure, Diagnostic, DiagnosticCode } from '../engine';
import { spanRange, spanTouchesRange } from '../positions';
import { isCheckedKind } from '../checkedStore';
import type { Settings } from '../settings';
import { toLspDiagnostic } from './diagnostics';
import { compactValue } from './hoverCard';
import { SCALES } from '../engine/figures/numbers';

export const MARK_FIGURE_CHECKED_COMMAND = 'transcriptLens.markFigureChecked';

/** Codes whose figure the user can resolve by choosing a reading. */
const CHECKABLE_CODES: ReadonlySet<string> = new Set<DiagnosticCode>([Diagnostics.unparsedFigure.code, Diagnostics.missingCurrency.code]);

/** The argument of transcriptLens.markFigureChecked. */
export interface MarkCheckedArguments {
  uri: string;
  line: number;
  start: number;
  end: number;
  /** The figure's text when the action was offered, to refuse a stale command. */
  text: string;
  reading: Pick<CheckedFigure, 'kind' | 'value' | 'unit'>;
}

const WORD_AFTER_NUMBER = /^\s?([A-Za-z]+)/;

/** The first number of a figure's text and the scale word right after it ("49.9 billion"). */
function numberAndScale(text: string): { number: number; scale: number | null } | null {
  const start = text.search(/\d/);
  if (start < 0) return null;
  let end = start;
  while (end < text.length && '0123456789,.'.includes(text[end])) end++;
  const number = Number(text.slice(start, end).replace(/,/g, '').replace(/\.$/, ''));
  const word = WORD_AFTER_NUMBER.exec(text.slice(end))?.[1].toLowerCase();
  return Number.isFinite(number) ? { number, scale: word ? SCALES.get(word) ?? null : null } : null;
}

/** The possible readings of a figure the engine could not read, most likely first. */
export function readingsOf(text: string, currency: string | null): Array<MarkCheckedArguments['reading']> {
  const parsed = numberAndScale(text);
  const readings: Array<MarkCheckedArguments['reading']> = [];
  if (parsed) {
    const amount = parsed.number * (parsed.scale ?? 1);
    if (currency) readings.push({ kind: 'money', value: amount, unit: currency });
    if (parsed.scale === null) readings.push({ kind: 'percent', value: parsed.number / 100, unit: '%' });
    readings.push({ kind: 'count', value: amount, unit: null });
  }
  readings.push({ kind: 'label', value: null, unit: null });
  return readings;
}

function readingTitle(text: string, reading: MarkCheckedArguments['reading']): string {
  if (reading.kind === 'label') return `Mark as checked: "${text}" is not a measure`;
  const shown = compactValue({ ...reading, min: null, max: null }) ?? reading.kind;
  return `Mark as checked: read as ${shown} (${reading.kind})`;
}

function quickFixes(document: AnalyzedDocument, diagnostic: Diagnostic, lspDiagnostic: LspDiagnostic): CodeAction[] {
  return diagnostic.fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lspDiagnostic],
    isPreferred: fix.preferred === true,
    edit: { changes: { [document.uri]: fix.edits.map((edit) => ({ range: spanRange(edit), newText: edit.newText })) } },
  }));
}

function markCheckedActions(document: AnalyzedDocument, diagnostic: Diagnostic, lspDiagnostic: LspDiagnostic, settings: Settings): CodeAction[] {
  if (!CHECKABLE_CODES.has(diagnostic.code)) return [];
  const figure = figuresOnLine(document.analysis.figures, diagnostic.line).find((f) => f.start < diagnostic.end && diagnostic.start < f.end);
  const span = figure ?? diagnostic;
  const text = document.text.slice(document.lines.offsetAt(span.line, span.start), document.lines.offsetAt(span.line, span.end));
  const currency = document.analysis.defaultCurrency ?? settings.reportingCurrency;
  return readingsOf(text, currency).map((reading) => {
    const argument: MarkCheckedArguments = { uri: document.uri, line: span.line, start: span.start, end: span.end, text, reading };
    const command: Command = { title: readingTitle(text, reading), command: MARK_FIGURE_CHECKED_COMMAND, arguments: [argument] };
    return { title: command.title, kind: CodeActionKind.QuickFix, diagnostics: [lspDiagnostic], command };
  });
}

export function codeActions(document: AnalyzedDocument, params: CodeActionParams, settings: Settings): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) {
    return [];
  }
  const actions: CodeAction[] = [];
  for (const diagnostic of document.analysis.diagnostics) {
    if (!spanTouchesRange(diagnostic, params.range)) continue;
    // A code the user turned off offers no actions either.
    const lspDiagnostic = toLspDiagnostic(diagnostic, settings);
    if (!lspDiagnostic) continue;
    actions.push(...quickFixes(document, diagnostic, lspDiagnostic), ...markCheckedActions(document, diagnostic, lspDiagnostic, settings));
  }
  return actions;
}

/** Checks the command's argument, which comes from the client and may be anything. */
export function parseMarkCheckedArguments(value: unknown): MarkCheckedArguments | null {
  if (typeof value !== 'object' || value === null) return null;
  const argument = value as Partial<MarkCheckedArguments>;
  const reading = argument.reading;
  const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (typeof argument.uri !== 'string' || typeof argument.text !== 'string') return null;
  if (!isCount(argument.line) || !isCount(argument.start) || !isCount(argument.end)) return null;
  // The text must span exactly start..end, so a stale or forged command cannot anchor an empty figure.
  if (argument.text.length === 0 || argument.end - argument.start !== argument.text.length) return null;
  if (typeof reading !== 'object' || reading === null || !isCheckedKind(reading.kind)) return null;
  if (!(reading.value === null || (typeof reading.value === 'number' && Number.isFinite(reading.value)))) return null;
  if (!(reading.unit === null || typeof reading.unit === 'string')) return null;
  return argument as MarkCheckedArguments;
}
