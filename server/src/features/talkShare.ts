// Who spoke how much: words and share per speaker, per kind of speaker and per section,
// questions per analyst and firm, and answer length per executive in the Q&A.
import type { AnalyzedDocument } from '../analysisCache';
import type { Turn } from '../engine';
import type { AnalystQuestions, ExecutiveAnswers, TalkBar, TalkShare } from '../protocol';
import { roster } from './roster';
import { speakerKey } from '../engine';

const KIND_LABELS: Record<Turn['speakerKind'], string> = {
  management: 'Management',
  analyst: 'Analysts',
  operator: 'Operator',
  host: 'Host',
  unknown: 'Other speakers',
};
const QA_SECTION = 'Questions & Answers';

function share(words: number, total: number): number {
  return total > 0 ? words / total : 0;
}

/** Sums words and turns per key, keeping the keys in first-seen order. */
function tally(turns: readonly Turn[], keyOf: (turn: Turn) => string, totalWords: number): TalkBar[] {
  const bars = new Map<string, TalkBar>();
  for (const turn of turns) {
    const label = keyOf(turn);
    const bar = bars.get(label) ?? { label, detail: null, words: 0, share: 0, turns: 0 };
    bar.words += turn.words;
    bar.turns++;
    bars.set(label, bar);
  }
  return [...bars.values()].map((bar) => ({ ...bar, share: share(bar.words, totalWords) }));
}

function countQuestionMarks(document: AnalyzedDocument, turn: Turn): number {
  // The header line is the speaker's name, not what they asked.
  const from = document.lines.offsetAt(Math.min(turn.line + 1, turn.endLine + 1), 0);
  const to = document.lines.offsetAt(turn.endLine + 1, 0);
  let count = 0;
  for (let index = document.text.indexOf('?', from); index >= 0 && index < to; index = document.text.indexOf('?', index + 1)) count++;
  return count;
}

function analystQuestions(document: AnalyzedDocument, qaTurns: readonly Turn[]): AnalystQuestions[] {
  const analysts = new Map<string, AnalystQuestions>();
  for (const turn of qaTurns.filter((candidate) => candidate.speakerKind === 'analyst')) {
    const key = speakerKey(turn.speaker);
    const entry = analysts.get(key) ?? { speaker: turn.speaker, firm: turn.affiliation, turns: 0, questions: 0, words: 0 };
    entry.firm ??= turn.affiliation;
    entry.turns++;
    entry.words += turn.words;
    entry.questions += countQuestionMarks(document, turn);
    analysts.set(key, entry);
  }
  return [...analysts.values()];
}

function executiveAnswers(qaTurns: readonly Turn[]): ExecutiveAnswers[] {
  const executives = new Map<string, ExecutiveAnswers>();
  for (const turn of qaTurns.filter((candidate) => candidate.speakerKind === 'management')) {
    const key = speakerKey(turn.speaker);
    const entry = executives.get(key) ?? { speaker: turn.speaker, role: turn.role, answers: 0, words: 0, averageWords: 0, longestWords: 0 };
    entry.role ??= turn.role;
    entry.answers++;
    entry.words += turn.words;
    entry.longestWords = Math.max(entry.longestWords, turn.words);
    executives.set(key, entry);
  }
  return [...executives.values()].map((entry) => ({ ...entry, averageWords: Math.round(entry.words / entry.answers) }));
}

export function talkShare(document: AnalyzedDocument): TalkShare {
  const turns = document.analysis.turns;
  const totalWords = turns.reduce((sum, turn) => sum + turn.words, 0);
  const speakers: TalkBar[] = roster(document)
    .map((entry) => ({
      label: entry.speaker,
      detail: [entry.role, entry.affiliation].filter(Boolean).join(', ') || KIND_LABELS[entry.speakerKind],
      words: entry.words,
      share: share(entry.words, totalWords),
      turns: entry.turns,
    }))
    .sort((a, b) => b.words - a.words);
  const qaTurns = turns.filter((turn) => turn.section === QA_SECTION);
  const analysts = analystQuestions(document, qaTurns);
  const firms = new Map<string, { firm: string; analysts: number; questions: number; turns: number }>();
  for (const analyst of analysts) {
    const firm = analyst.firm ?? 'Firm not named';
    const entry = firms.get(firm) ?? { firm, analysts: 0, questions: 0, turns: 0 };
    entry.analysts++;
    entry.questions += analyst.questions;
    entry.turns += analyst.turns;
    firms.set(firm, entry);
  }
  return {
    totalWords,
    speakers,
    kinds: tally(turns, (turn) => KIND_LABELS[turn.speakerKind], totalWords).sort((a, b) => b.words - a.words),
    sections: tally(turns, (turn) => turn.section ?? 'No section', totalWords),
    analysts,
    firms: [...firms.values()],
    executives: executiveAnswers(qaTurns),
  };
}
