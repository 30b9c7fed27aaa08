// Finding the turn a line belongs to and the turn whose header a cursor is on, shared by
// hover, references, rename and the roster.
import type { Position } from 'vscode-languageserver';
import type { Analysis, Turn } from '../engine';
import { speakerKey } from '../engine';

/** The turn whose lines include the line (turns are in document order), or null. */
export function turnAtLine(turns: readonly Turn[], line: number): Turn | null {
  let low = 0;
  let high = turns.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const turn = turns[middle];
    if (line < turn.line) high = middle - 1;
    else if (line > turn.endLine) low = middle + 1;
    else return turn;
  }
  return null;
}

/** The turn whose header line holds the position (its name, role or anywhere on that line). */
export function turnAtHeader(analysis: Analysis, position: Position): Turn | null {
  const turn = turnAtLine(analysis.turns, position.line);
  return turn && turn.nameSpan.line === position.line ? turn : null;
}

/** Every turn of the same speaker as the given one, in document order. */
export function turnsOfSpeaker(analysis: Analysis, speaker: string): Turn[] {
  const key = speakerKey(speaker);
  return analysis.turns.filter((turn) => speakerKey(turn.speaker) === key);
}
