// The outline: sections hold their turns, each turn named by its speaker.
//
// Symbol kinds per speaker kind, chosen so each kind gets its own icon in the outline:
// management → Constructor, analyst → Field, operator → Event, host → Interface,
// unknown → Variable; sections → Namespace.
import { SymbolKind } from 'vscode-languageserver';
import type { DocumentSymbol } from 'vscode-languageserver';
import type { SpeakerKind, Turn } from '../engine';
import type { AnalyzedDocument } from '../analysisCache';
import { linesRange, spanRange } from '../positions';
import { roleAndFirm } from '../speakerLabel';

const SPEAKER_SYMBOL_KINDS: Record<SpeakerKind, SymbolKind> = {
  management: SymbolKind.Constructor,
  analyst: SymbolKind.Field,
  operator: SymbolKind.Event,
  host: SymbolKind.Interface,
  unknown: SymbolKind.Variable,
};

export function speakerSymbolKind(kind: SpeakerKind): SymbolKind {
  return SPEAKER_SYMBOL_KINDS[kind] ?? SymbolKind.Variable;
}

function turnSymbol(document: AnalyzedDocument, turn: Turn): DocumentSymbol {
  const range = linesRange(document.lines, turn.line, Math.max(turn.line, turn.endLine));
  return {
    name: turn.speaker || 'Unnamed speaker',
    detail: roleAndFirm(turn),
    kind: speakerSymbolKind(turn.speakerKind),
    range,
    // The selection range must lie inside the range; a header name always does.
    selectionRange: turn.nameSpan.line >= turn.line && turn.nameSpan.line <= turn.endLine ? spanRange(turn.nameSpan) : range,
  };
}

export function documentSymbols(document: AnalyzedDocument): DocumentSymbol[] {
  const { turns, sections } = document.analysis;
  const sectionSymbols = sections.map((section) => {
    const range = linesRange(document.lines, section.line, Math.max(section.line, section.endLine));
    const symbol: DocumentSymbol = {
      name: section.name,
      kind: SymbolKind.Namespace,
      range,
      selectionRange: section.headingSpan ? spanRange(section.headingSpan) : { start: range.start, end: range.start },
      children: [],
    };
    return { section, symbol };
  });
  const topLevel: DocumentSymbol[] = [];
  let nextSection = 0;
  let current: (typeof sectionSymbols)[number] | undefined;
  for (const turn of turns) {
    // Sections and turns are both in document order, so one walk places every turn.
    while (nextSection < sectionSymbols.length && sectionSymbols[nextSection].section.line <= turn.line) {
      current = sectionSymbols[nextSection++];
      topLevel.push(current.symbol);
    }
    const symbol = turnSymbol(document, turn);
    if (current && turn.line <= current.section.endLine) current.symbol.children!.push(symbol);
    else topLevel.push(symbol);
  }
  while (nextSection < sectionSymbols.length) topLevel.push(sectionSymbols[nextSection++].symbol);
  return topLevel;
}
