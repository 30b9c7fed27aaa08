// Speaker turns. A first reader of Markdown and plain "Name -- Role" headers; the full
// layout coverage of issue 3 replaces it.
import type { Section, Turn } from './types';

const HEADER = /^(#{1,6}\s+)?(\*\*)?([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})(\*\*)?(?:\s+--\s+\*?(.+?)\*?)?\s*$/;

export function readTurns(lines: string[]): { turns: Turn[]; sections: Section[] } {
  const turns: Turn[] = [];
  for (let line = 0; line < lines.length; line++) {
    const match = HEADER.exec(lines[line]);
    if (!match || (!match[1] && !match[2] && !match[5] && match[3] !== 'Operator')) continue;
    const name = match[3];
    const nameStart = lines[line].indexOf(name);
    turns.push({
      speaker: name,
      role: match[5] ?? null,
      affiliation: null,
      speakerKind: name === 'Operator' ? 'operator' : 'management',
      section: null,
      line,
      endLine: line,
      nameSpan: { line, start: nameStart, end: nameStart + name.length },
      roleSpan: null,
      affiliationSpan: null,
      words: 0,
    });
  }
  for (let i = 0; i < turns.length; i++) {
    turns[i].endLine = i + 1 < turns.length ? turns[i + 1].line - 1 : lines.length - 1;
  }
  return { turns, sections: [] };
}
