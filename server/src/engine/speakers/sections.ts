// Prepared remarks and Q&A: which part of the call each turn belongs to.
import type { Section, SectionName, Span, Turn } from '../types';

export interface SectionHeading {
  name: SectionName;
  line: number;
  span: Span;
}

/** The index of the turn where the Q&A starts in a call without headings, or -1. */
function firstQuestionTurn(turns: Turn[]): number {
  let first = turns.findIndex((turn) => turn.speakerKind === 'analyst');
  if (first < 0) return -1;
  // The operator who calls the first question already belongs to the Q&A.
  while (first > 0 && turns[first - 1].speakerKind === 'operator') first--;
  return first;
}

/**
 * Sets each turn's section and returns the sections. With headings, a turn belongs to the
 * last heading above it, and turns before the first heading are prepared remarks. Without
 * headings, the Q&A of a call starts with the first analyst; a call with no analyst, or a
 * document that is no call, has no sections.
 */
export function assignSections(turns: Turn[], headings: SectionHeading[]): Section[] {
  const sections: Section[] = [];
  const open = (name: SectionName, line: number, headingSpan: Span | null) => {
    sections.push({ name, line, endLine: line, headingSpan });
  };
  if (turns.length === 0) return sections;
  if (headings.length === 0) {
    // Without headings only a call (an operator, speakers with titles) has these parts;
    // a hearing's Q and A do not make its opening remarks "prepared remarks".
    const isCall = turns.some((turn) => turn.speakerKind === 'operator' || turn.role !== null);
    const qa = isCall ? firstQuestionTurn(turns) : -1;
    if (qa < 0) return sections;
    if (qa > 0) open('Prepared Remarks', turns[0].line, null);
    open('Questions & Answers', turns[qa].line, null);
  } else {
    const firstTurnLine = turns.length > 0 ? turns[0].line : Infinity;
    if (firstTurnLine < headings[0].line && headings[0].name !== 'Prepared Remarks') open('Prepared Remarks', firstTurnLine, null);
    for (const heading of headings) open(heading.name, heading.line, heading.span);
    // Turns above a "Prepared Remarks" heading (an operator's welcome) open that section.
    if (sections[0].headingSpan && firstTurnLine < sections[0].line) sections[0].line = firstTurnLine;
  }
  let current = -1;
  const used = new Set<Section>();
  for (const turn of turns) {
    while (current + 1 < sections.length && sections[current + 1].line <= turn.line) current++;
    const section = sections[Math.max(current, 0)];
    turn.section = section.name;
    section.endLine = Math.max(section.endLine, turn.endLine);
    used.add(section);
  }
  // A heading with no turn under it is a table of contents entry, not a part of the call.
  return sections.filter((section) => used.has(section));
}
