// Finding an anchored text again. An exact occurrence whose context agrees best wins; when
// the text itself was edited a little, the region between its old context (or between its
// old first and last words) is taken if it is still mostly the same text; otherwise the
// anchor is detached, and callers show it as such instead of dropping it.

/** Characters of context kept on each side of an anchored text. */
export const ANCHOR_REACH = 40;

export interface ContextAnchor {
  /** Up to ANCHOR_REACH characters before and after the anchored text when it was anchored. */
  before: string;
  after: string;
}

export interface TextAnchor extends ContextAnchor {
  /** The anchored text as it was when anchored. */
  text: string;
  /** Where it started then (0-based line), only to break ties between equal candidates. */
  line?: number;
}

export interface LocatedAnchor {
  start: number;
  end: number;
  /** False when the text found differs from the anchored text (it was edited a little). */
  exact: boolean;
}

/** Texts at least this long are trusted on their own: an exact occurrence attaches whatever its context. */
const SELF_EVIDENT_LENGTH = 20;
/** How much of an edited text must survive, as a share of the longer of old and new, to re-anchor. */
const MIN_SIMILARITY = 0.6;
/** Occurrences looked at per anchor, so a text repeated thousands of times cannot stall the server. */
const MAX_CANDIDATES = 2000;
/** The shortest piece of context or text worth searching for when the text itself changed. */
const MIN_PIECE = 6;
const PIECE_LENGTH = 24;

/** The context that anchors text[start, end): up to ANCHOR_REACH characters on each side. */
export function anchorAt(text: string, start: number, end: number): ContextAnchor {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { before: text.slice(Math.max(0, from - ANCHOR_REACH), from), after: text.slice(to, to + ANCHOR_REACH) };
}

/** How many characters of context agree: the common end of `before`, the common start of `after`. */
export function contextScore(anchor: ContextAnchor, actual: ContextAnchor): number {
  let score = 0;
  for (let i = 1; i <= Math.min(anchor.before.length, actual.before.length); i++) {
    if (anchor.before.charCodeAt(anchor.before.length - i) !== actual.before.charCodeAt(actual.before.length - i)) break;
    score++;
  }
  for (let i = 0; i < Math.min(anchor.after.length, actual.after.length); i++) {
    if (anchor.after.charCodeAt(i) !== actual.after.charCodeAt(i)) break;
    score++;
  }
  return score;
}

/** The share of the longer text that a common start and a common end cover: 1 for equal texts. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const shortest = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shortest && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return (prefix + suffix) / longest;
}

function lineOf(lineStarts: readonly number[] | undefined, offset: number): number {
  if (!lineStarts) return 0;
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

interface Candidate {
  start: number;
  end: number;
  score: number;
}

/** Higher score wins; on a tie, the candidate nearer the line the anchor was made on. */
function better(a: Candidate, b: Candidate | null, anchor: TextAnchor, lineStarts?: readonly number[]): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  if (anchor.line === undefined || !lineStarts) return false;
  return Math.abs(lineOf(lineStarts, a.start) - anchor.line) < Math.abs(lineOf(lineStarts, b.start) - anchor.line);
}

function occurrences(text: string, needle: string, from = 0, until = text.length): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let index = text.indexOf(needle, from); index >= 0 && index <= until && found.length < MAX_CANDIDATES; index = text.indexOf(needle, index + 1)) {
    found.push(index);
  }
  return found;
}

function exactMatch(text: string, anchor: TextAnchor, lineStarts?: readonly number[]): Candidate | null {
  let best: Candidate | null = null;
  for (const start of occurrences(text, anchor.text)) {
    const end = start + anchor.text.length;
    const candidate = { start, end, score: contextScore(anchor, anchorAt(text, start, end)) };
    if (better(candidate, best, anchor, lineStarts)) best = candidate;
  }
  if (!best) return null;
  // A short text (a figure, a word) needs a quarter of its context to agree, or it would land on any repeat.
  const needed = anchor.text.length >= SELF_EVIDENT_LENGTH ? 0 : Math.ceil((anchor.before.length + anchor.after.length) / 4);
  return best.score >= needed ? best : null;
}

/** Regions that could be the edited text: between its old context, or between its old first and last words. */
function editedCandidates(text: string, anchor: TextAnchor): Array<{ start: number; end: number }> {
  const regions: Array<{ start: number; end: number }> = [];
  const reach = Math.ceil(anchor.text.length * 1.5) + ANCHOR_REACH;
  // Each pair is a head and a tail; `inclusive` says whether they belong to the text itself.
  const pairs: Array<{ head: string; tail: string; inclusive: boolean }> = [];
  const before = anchor.before.slice(-PIECE_LENGTH);
  const after = anchor.after.slice(0, PIECE_LENGTH);
  if (before.length >= MIN_PIECE && after.length >= MIN_PIECE) pairs.push({ head: before, tail: after, inclusive: false });
  const half = Math.floor(anchor.text.length / 2);
  const pieceLength = Math.min(PIECE_LENGTH, half);
  if (pieceLength >= MIN_PIECE) pairs.push({ head: anchor.text.slice(0, pieceLength), tail: anchor.text.slice(-pieceLength), inclusive: true });
  for (const { head, tail, inclusive } of pairs) {
    for (const headAt of occurrences(text, head)) {
      const from = headAt + head.length;
      // Searching only the reachable window keeps a missing tail from scanning the rest of the text each time.
      const found = text.slice(from, from + reach + tail.length).indexOf(tail);
      if (found < 0) continue;
      const tailAt = from + found;
      regions.push(inclusive ? { start: headAt, end: tailAt + tail.length } : { start: from, end: tailAt });
    }
  }
  return regions;
}

function editedMatch(text: string, anchor: TextAnchor, lineStarts?: readonly number[]): Candidate | null {
  let best: Candidate | null = null;
  for (const region of editedCandidates(text, anchor)) {
    const found = text.slice(region.start, region.end);
    const share = similarity(anchor.text, found);
    if (share < MIN_SIMILARITY || !found.trim()) continue;
    // Similarity first; context breaks ties among equally similar regions.
    const candidate = { ...region, score: share * 1000 + contextScore(anchor, anchorAt(text, region.start, region.end)) };
    if (better(candidate, best, anchor, lineStarts)) best = candidate;
  }
  return best;
}

/**
 * Where an anchored text stands in `text` now, or null when it is gone. lineStarts (the
 * offsets where lines start) lets the line the anchor was made on break ties between repeats.
 */
export function locateAnchor(text: string, anchor: TextAnchor, lineStarts?: readonly number[]): LocatedAnchor | null {
  if (!anchor || typeof anchor.text !== 'string' || !anchor.text) return null;
  const safe: TextAnchor = {
    text: anchor.text,
    before: typeof anchor.before === 'string' ? anchor.before : '',
    after: typeof anchor.after === 'string' ? anchor.after : '',
    line: typeof anchor.line === 'number' ? anchor.line : undefined,
  };
  const exact = exactMatch(text, safe, lineStarts);
  if (exact) return { start: exact.start, end: exact.end, exact: true };
  const edited = editedMatch(text, safe, lineStarts);
  return edited ? { start: edited.start, end: edited.end, exact: false } : null;
}
