// The roster behind the client's speaker tree view: one entry per speaker, in order of
// first appearance, with their turns and words spoken.
import type { AnalyzedDocument } from '../analysisCache';
import type { RosterEntry } from '../protocol';
import { speakerKey } from '../engine';

export function roster(document: AnalyzedDocument): RosterEntry[] {
  const entries = new Map<string, RosterEntry>();
  for (const turn of document.analysis.turns) {
    const key = speakerKey(turn.speaker);
    let entry = entries.get(key);
    if (!entry) {
      entry = { speaker: turn.speaker, role: turn.role, affiliation: turn.affiliation, speakerKind: turn.speakerKind, turns: 0, words: 0, lines: [] };
      entries.set(key, entry);
    }
    // A later header may be the first to state the role or firm.
    entry.role ??= turn.role;
    entry.affiliation ??= turn.affiliation;
    entry.turns++;
    entry.words += turn.words;
    entry.lines.push(turn.line);
  }
  return [...entries.values()];
}
