// Decides whether a plain-text or Markdown document is a transcript (or an article about a
// call) so the editor can switch it to the Transcript language. Reads only the head of the
// document, so it costs the same on a 20 MB file as on a page.
import { splitLines } from './text';
import { readTurns } from './turns';
import type { Turn } from './types';

const HEAD_CHARACTERS = 60_000;

/** Words that say a text is about a company's results, not code or ordinary prose. */
const RESULTS_VOCABULARY =
  /\b(?:revenue|earnings|quarter(?:ly)?|fiscal|year[- ]over[- ]year|year[- ]on[- ]year|EBITA|EBITDA|GMV|margin|guidance|shareholders?|CEO|CFO|analysts?|operating (?:income|profit)|net income|free cash flow|investor relations|conference call|earnings call)\b/gi;
const AMOUNT = /(?:[$€£¥]\s?\d|(?<![\w,.])\d[\d,.]*\s?(?:%|(?:percent|billion|million|trillion|bn|mn)\b)|\b(?:RMB|USD|HK\$|US\$)\s?\d)/gi;
const SPEAKER_CUE = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*[ \t]*)?(?:Operator|Questions?[ \t]*(?:&|and)[ \t]*Answers?|Q&A(?: Session)?|Prepared Remarks|Call Participants)\b/im;

const TECHNICAL = /^[ \t]*(?:```|~~~|\|.*\|[ \t]*$)/m;
/**
 * Names as transcripts write them: "Jane Doe", "MS. OKONJO", "THE COURT", "Speaker 2" (a
 * numbered speaker of a recording's export), "林晓峰".
 */
const PERSON_NAME = /^(?:[A-Z][a-z'’.-]+(?: [A-Z][A-Za-z'’.-]*){1,3}|(?:MR|MRS|MS|DR)\. [A-Z][A-Za-z'’-]+|[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,2}|[A-Z][a-z]+ \d{1,2}|\p{Lo}{2,4})$/u;

function isCredibleTurn(turn: Turn): boolean {
  if (turn.speakerKind === 'operator' || turn.role !== null || turn.affiliation !== null) return true;
  return PERSON_NAME.test(turn.speaker);
}

export function looksLikeTranscript(text: string): boolean {
  const head = text.slice(0, HEAD_CHARACTERS);
  if (head.includes('\u0000')) return false;
  const lines = splitLines(head);
  // Only turns that read as people count: Markdown headings such as "## Installation"
  // must not make a README a transcript.
  const all = readTurns(lines).turns;
  // A voice that comes back is a speaker whatever its name looks like ("Travis:", "MM:").
  const turnCounts = new Map<string, number>();
  for (const turn of all) turnCounts.set(turn.speaker, (turnCounts.get(turn.speaker) ?? 0) + 1);
  const turns = all.filter((turn) => isCredibleTurn(turn) || (turnCounts.get(turn.speaker) ?? 0) >= 2);
  const speakers = new Set(turns.map((t) => t.speaker.toLowerCase()));
  if (turns.length >= 3 && speakers.size >= 2) return true;
  if (SPEAKER_CUE.test(head) && turns.length >= 1) return true;
  // Articles about a call have no speakers but read as results: many figures and many
  // different results words. Technical documents (code fences, tables) that merely quote
  // figures, such as this project's own README, are not articles.
  if (TECHNICAL.test(head)) return false;
  const vocabulary = new Set((head.match(RESULTS_VOCABULARY) ?? []).map((w) => w.toLowerCase().replace(/[- ]/g, '')));
  const amounts = (head.match(AMOUNT) ?? []).length;
  return vocabulary.size >= 3 && amounts >= 3;
}
