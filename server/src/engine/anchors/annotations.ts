// Annotations: passages the user tagged from a code book, with an optional note. They are
// stored outside the transcript (the server's sidecar) as anchors; resolving them finds each
// passage again in the current text and says who spoke it in which section.
import { LineIndex } from '../text';
import type { Section, SectionName, SpeakerKind, Turn } from '../types';
import { anchorAt, locateAnchor } from './locate';
import type { TextAnchor } from './locate';

/** One annotation as the sidecar keeps it. */
export interface StoredAnnotation extends TextAnchor {
  id: string;
  /** The code-book tag's name. */
  tag: string;
  /** The user's note; empty when there is none. */
  note: string;
  /** When it was made, ISO 8601. */
  created: string;
}

/** A range of the document in (line, UTF-16 character) positions; it may span lines. */
export interface AnnotationRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** attached: its text is where it was; edited: its text changed a little and was found again; detached: its text is gone. */
export type AnnotationState = 'attached' | 'edited' | 'detached';

export interface ResolvedAnnotation {
  id: string;
  tag: string;
  note: string;
  created: string;
  state: AnnotationState;
  /** Where it stands now; null when detached. */
  range: AnnotationRange | null;
  /** The passage as it reads now, or as it read when anchored when detached. */
  text: string;
  /** The turn holding its start, when there is one. */
  speaker: string | null;
  role: string | null;
  speakerKind: SpeakerKind | null;
  section: SectionName | null;
  /** The anchor as it would be stored now (the stored one when detached). */
  anchor: TextAnchor;
}

/** The stored form of an annotation on text[start, end). */
export function annotationRecord(text: string, start: number, end: number, fields: Pick<StoredAnnotation, 'id' | 'tag' | 'note' | 'created'>): StoredAnnotation {
  const lines = new LineIndex(text);
  return { ...fields, text: text.slice(start, end), ...anchorAt(text, start, end), line: lines.positionAt(start).line };
}

function turnAt(turns: readonly Turn[], line: number): Turn | null {
  let low = 0;
  let high = turns.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (line < turns[middle].line) high = middle - 1;
    else if (line > turns[middle].endLine) low = middle + 1;
    else return turns[middle];
  }
  return null;
}

function sectionAt(sections: readonly Section[], line: number): SectionName | null {
  for (const section of sections) if (section.line <= line && line <= section.endLine) return section.name;
  return null;
}

/**
 * Finds every stored annotation in the text and places it in its turn and section. Never
 * throws; an annotation whose passage cannot be found comes back detached, never dropped.
 */
export function resolveAnnotations(
  text: string,
  structure: { turns: readonly Turn[]; sections: readonly Section[] },
  stored: readonly StoredAnnotation[],
): ResolvedAnnotation[] {
  // Most transcripts have no annotations: their text need not be indexed by line.
  if (!stored.length) return [];
  const lines = new LineIndex(text);
  const resolved: ResolvedAnnotation[] = [];
  for (const annotation of stored) {
    if (!annotation || typeof annotation !== 'object') continue;
    const base = {
      id: String(annotation.id ?? ''),
      tag: String(annotation.tag ?? ''),
      note: typeof annotation.note === 'string' ? annotation.note : '',
      created: typeof annotation.created === 'string' ? annotation.created : '',
    };
    const found = locateAnchor(text, annotation, lines.lineStarts);
    if (!found) {
      const anchor: TextAnchor = { text: String(annotation.text ?? ''), before: String(annotation.before ?? ''), after: String(annotation.after ?? '') };
      if (typeof annotation.line === 'number') anchor.line = annotation.line;
      resolved.push({ ...base, state: 'detached', range: null, text: anchor.text, speaker: null, role: null, speakerKind: null, section: null, anchor });
      continue;
    }
    const start = lines.positionAt(found.start);
    const end = lines.positionAt(found.end);
    const turn = turnAt(structure.turns, start.line);
    resolved.push({
      ...base,
      state: found.exact ? 'attached' : 'edited',
      range: { startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character },
      text: text.slice(found.start, found.end),
      speaker: turn ? turn.speaker || null : null,
      role: turn ? turn.role : null,
      speakerKind: turn ? turn.speakerKind : null,
      section: turn?.section ?? sectionAt(structure.sections, start.line),
      anchor: { text: text.slice(found.start, found.end), ...anchorAt(text, found.start, found.end), line: start.line },
    });
  }
  return resolved;
}
