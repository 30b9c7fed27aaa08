// Which label shapes a document uses for its speakers: the inference step of the turn
// reader (see turns.ts). A shape is how a label is written whatever the name (its
// delimiter); the evidence is the document's own: names that recur in the shape, turns that
// go back and forth, functional voices (Q, Operator) that recur beside it.
import type { HeaderCandidate } from '../speakers/headers';
import { isFunctionalName } from '../speakers/roles';

/**
 * How a label is written, whatever the name: its delimiter, and whether a space follows
 * it. Markup is left out, as web transcripts bold some labels and not others.
 */
export const shapeOf = (header: HeaderCandidate) => (header.tight ? `${header.layout}-tight` : header.layout);

export interface ShapeEvidence {
  /** How often each name (lower case) is written in this shape. */
  counts: Map<string, number>;
  /** True when the document writes its speakers' labels in this shape. */
  used: boolean;
}

/** Alternation evidence needs a few turns: host, guest, host, other guest. */
const MIN_ALTERNATING_RUNS = 4;

/**
 * Which label shapes the document uses for its turns. A shape is a speaker layout when two
 * or more names recur in it (an interview, a call, a hearing), or when its labels go back
 * and forth between three or more names, one of them coming back (a host and guests). Prose
 * writes "Note:" or "In short:" now and then, never this way. In captions (`cues`), one
 * recurring voice is enough.
 */
export function inferShapes(candidates: { header: HeaderCandidate }[], cues: boolean): Map<string, ShapeEvidence> {
  const byShape = new Map<string, { header: HeaderCandidate }[]>();
  for (const candidate of candidates) {
    const key = shapeOf(candidate.header);
    const list = byShape.get(key);
    if (list) list.push(candidate);
    else byShape.set(key, [candidate]);
  }
  // A functional voice that comes back (Q, Operator) is evidence for every other shape: a
  // briefing writes "Q" and names its answers `MR. NAME:`.
  const functionalShapes = new Map<string, Set<string>>();
  for (const { header } of candidates) {
    if (!isFunctionalName(header.name)) continue;
    const name = header.name.toLowerCase();
    functionalShapes.set(name, (functionalShapes.get(name) ?? new Set()).add(shapeOf(header)));
  }
  const functionalCounts = new Map<string, number>();
  for (const { header } of candidates) {
    if (isFunctionalName(header.name)) functionalCounts.set(header.name.toLowerCase(), (functionalCounts.get(header.name.toLowerCase()) ?? 0) + 1);
  }
  const shapes = new Map<string, ShapeEvidence>();
  for (const [key, list] of byShape) {
    const counts = new Map<string, number>();
    // Speakers take turns: one speaker's consecutive labels (caption cues) are one run.
    const runs: string[] = [];
    for (const { header } of list) {
      const name = header.name.toLowerCase();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (runs[runs.length - 1] !== name) runs.push(name);
    }
    let recurring = 0;
    for (const count of counts.values()) if (count >= 2) recurring++;
    for (const [name, count] of functionalCounts) if (count >= 2 && !functionalShapes.get(name)!.has(key)) recurring++;
    const returning = new Set(runs).size < runs.length;
    const alternating = runs.length >= MIN_ALTERNATING_RUNS && counts.size >= 3 && returning;
    // A caption's text rarely opens with a label but to say who speaks: one voice that
    // comes back is enough there.
    shapes.set(key, { counts, used: recurring >= 2 || alternating || (cues && recurring >= 1) });
  }
  return shapes;
}
