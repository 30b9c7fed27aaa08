// Hover: the card of the figure under the cursor, or of the speaker whose header name it is on.
import type { Hover, Position } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import type { Figure, SpeakerKind } from '../engine';
import { spanContains, spanRange } from '../positions';
import type { Settings } from '../settings';
import { roleAndFirm } from '../speakerLabel';
import { figuresOnLine } from './figureLookup';
import { escapeMarkdown, groupDigits, hoverCard } from './hoverCard';
import { roster } from './roster';
import { speakerKey } from '../engine';
import { turnAtHeader, turnAtLine } from './turnLookup';

const SPEAKER_KIND_LABELS: Record<SpeakerKind, string> = {
  management: 'Management', analyst: 'Analyst', operator: 'Operator', host: 'Host', unknown: 'Speaker',
};

/** On a header's name: who the speaker is and how much they say in the call. */
function speakerHover(document: AnalyzedDocument, position: Position): Hover | null {
  const turn = turnAtHeader(document.analysis, position);
  if (!turn || !spanContains(turn.nameSpan, position)) return null;
  const entry = roster(document).find((candidate) => speakerKey(candidate.speaker) === speakerKey(turn.speaker));
  if (!entry) return null;
  const detail = roleAndFirm(turn);
  const counts = `${SPEAKER_KIND_LABELS[entry.speakerKind]} · ${entry.turns} ${entry.turns === 1 ? 'turn' : 'turns'} · ${groupDigits(entry.words)} words`;
  const value = [`**${escapeMarkdown(entry.speaker)}**${detail ? ` · ${escapeMarkdown(detail)}` : ''}`, counts].join('\n\n');
  return { contents: { kind: 'markdown', value }, range: spanRange(turn.nameSpan) };
}

/** The figure under the position; the narrowest wins when spans touch. */
function figureAt(document: AnalyzedDocument, position: Position): Figure | null {
  let best: Figure | null = null;
  for (const figure of figuresOnLine(document.analysis.figures, position.line)) {
    if (spanContains(figure, position) && (!best || figure.end - figure.start < best.end - best.start)) best = figure;
  }
  return best;
}

/** The words that named the figure's metric, as the document has them. */
function metricWords(document: AnalyzedDocument, figure: Figure): string | null {
  const span = figure.metricSpan;
  if (!span) return null;
  return document.text.slice(document.lines.offsetAt(span.line, span.start), document.lines.offsetAt(span.line, span.end));
}

export function hoverAt(document: AnalyzedDocument, position: Position, settings: Settings): Hover | null {
  const figure = figureAt(document, position);
  if (!figure) return speakerHover(document, position);
  const turn = turnAtLine(document.analysis.turns, figure.line);
  const value = hoverCard(figure, {
    speaker: turn?.speaker ?? null,
    section: turn?.section ?? null,
    reportingCurrency: settings.reportingCurrency,
    exchangeRates: settings.exchangeRates,
    metricWords: metricWords(document, figure),
  });
  return { contents: { kind: 'markdown', value }, range: spanRange(figure) };
}
