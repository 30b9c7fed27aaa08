// The words around a figure: qualifiers before it, the change and comparison it states, and
// the sentence it belongs to. Sentence boundaries are found once per line; change words and
// comparison periods only in a short window around each figure.
import { isAsciiLetter, isAsciiLetterOrDigit, lastIndexAtMost } from '../text';
import type { Bound, Change } from '../types';

export interface Qualifier {
  /** The qualifier as written ("more than"). */
  written: string;
  /** Where it starts in the line. */
  start: number;
  approximate: boolean;
  bound: Bound | null;
}

const QUALIFIER_MEANING: ReadonlyMap<string, { approximate: boolean; bound: Bound | null }> = new Map([
  ['about', { approximate: true, bound: null }], ['around', { approximate: true, bound: null }],
  ['approximately', { approximate: true, bound: null }], ['roughly', { approximate: true, bound: null }],
  ['close to', { approximate: true, bound: null }], ['nearly', { approximate: true, bound: null }],
  ['almost', { approximate: true, bound: null }], ['some', { approximate: true, bound: null }],
  ['circa', { approximate: true, bound: null }], ['~', { approximate: true, bound: null }],
  ['approx.', { approximate: true, bound: null }], ['an estimated', { approximate: true, bound: null }],
  ['over', { approximate: false, bound: 'atLeast' }], ['more than', { approximate: false, bound: 'atLeast' }],
  ['at least', { approximate: false, bound: 'atLeast' }], ['exceeding', { approximate: false, bound: 'atLeast' }],
  ['above', { approximate: false, bound: 'atLeast' }], ['upwards of', { approximate: false, bound: 'atLeast' }],
  ['in excess of', { approximate: false, bound: 'atLeast' }], ['north of', { approximate: false, bound: 'atLeast' }],
  ['no less than', { approximate: false, bound: 'atLeast' }], ['greater than', { approximate: false, bound: 'atLeast' }],
  ['up to', { approximate: false, bound: 'atMost' }], ['under', { approximate: false, bound: 'atMost' }],
  ['less than', { approximate: false, bound: 'atMost' }], ['below', { approximate: false, bound: 'atMost' }],
  ['at most', { approximate: false, bound: 'atMost' }], ['no more than', { approximate: false, bound: 'atMost' }],
  ['fewer than', { approximate: false, bound: 'atMost' }], ['as much as', { approximate: false, bound: 'atMost' }],
  ['as many as', { approximate: false, bound: 'atMost' }], ['shy of', { approximate: false, bound: 'atMost' }],
  ['just under', { approximate: true, bound: 'atMost' }], ['just over', { approximate: true, bound: 'atLeast' }],
  ['exceeded', { approximate: false, bound: 'atLeast' }], ['exceeds', { approximate: false, bound: 'atLeast' }],
  ['surpassed', { approximate: false, bound: 'atLeast' }],
]);

// Read on the text before a figure with trailing blanks removed, so no pattern ends in a
// repeated blank (which would be quadratic on long runs of spaces).
const QUALIFIER_BEFORE =
  /(?:^|[^\p{L}])(just under|just over|approximately|approx\.|an estimated|about|around|roughly|close to|nearly|almost|some|circa|over|more than|at least|exceeding|above|upwards of|in excess of|north of|no less than|greater than|up to|under|less than|below|at most|no more than|fewer than|as much as|as many as|shy of|exceeded|exceeds|surpassed|~)$/iu;

/** The last word of every qualifier, so most figures are ruled out without running the regex. */
const QUALIFIER_LAST_WORDS: ReadonlySet<string> = new Set(
  [...QUALIFIER_MEANING.keys()].map((qualifier) => qualifier.slice(qualifier.lastIndexOf(' ') + 1)),
);

/**
 * The ASCII word the text ends in, lower-cased, a final "." or "~" kept. A qualifier the regex
 * would match through Unicode case folding ("ſome") has no meaning in QUALIFIER_MEANING anyway.
 */
function lastWord(text: string): string {
  let start = text.length;
  const last = text.charCodeAt(start - 1);
  if (last === 126) return '~';
  if (last === 46) start--;
  while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  return text.slice(start).toLowerCase();
}

/** The qualifier right before a figure, given the text before it (already without trailing blanks). */
export function qualifierBefore(before: string, offset: number): Qualifier | null {
  // Every qualifier ends in a letter, "." or "~": one look rules out most figures, the last word most others.
  const last = before.charCodeAt(before.length - 1);
  if (!(isAsciiLetter(last) || last === 126 || last === 46)) return null;
  if (!QUALIFIER_LAST_WORDS.has(lastWord(before))) return null;
  const match = QUALIFIER_BEFORE.exec(before);
  if (!match) return null;
  const written = match[1];
  const meaning = QUALIFIER_MEANING.get(written.toLowerCase());
  if (!meaning) return null;
  // "we're talking about 40 trillion": "about" after such a verb says what is spoken of, not how much.
  if (ABOUT_AS_PREPOSITION.has(written.toLowerCase()) && TAKES_ABOUT.has(lastWord(before.slice(0, before.length - written.length).trimEnd()))) return null;
  return { written, start: offset + before.length - written.length, ...meaning };
}

/** Qualifiers that are also prepositions: "talking about 40 trillion". */
const ABOUT_AS_PREPOSITION: ReadonlySet<string> = new Set(['about', 'around']);
/** Words after which "about" or "around" is a preposition. */
const TAKES_ABOUT: ReadonlySet<string> = new Set([
  'talk', 'talks', 'talking', 'talked', 'think', 'thinks', 'thinking', 'thought', 'speak', 'speaking', 'spoke', 'know', 'knew',
  'care', 'worry', 'worried', 'concerned', 'excited', 'how', 'what', 'ask', 'asked', 'asking', 'question', 'questions', 'said',
  'say', 'saying', 'hear', 'heard', 'read', 'write', 'wrote', 'remind', 'bring', 'brought', 'come', 'came', 'go', 'going', 'went',
  'revolve', 'revolves', 'centered', 'centred', 'built', 'based', 'turn', 'turned', 'move', 'moved', 'moving',
]);

/**
 * Qualifiers written after the figure: "20+", "30 plus", "10 years or so", "5% or more", "6% or higher" ("20-plus
 * years" is read with the duration). Not when a number follows: in "$284 million and up 126%"
 * "up" is the next figure's change, and "5 plus 3" is a sum. Sticky.
 */
export const QUALIFIER_AFTER = /(?: or so| or more| or less| or higher| or greater| or above| or lower| or below| or fewer| and above| and up|\+| plus)(?![\p{L}\d])(?! ?(?:by |to |of )?[-+$€£¥\d])/uy;

/** "over three years", "under two quarters": a span of time said with "over" is when, not how long at least. */
const OVER_OR_UNDER = /^(?:over|under)$/i;
/** "for over 20 years", "in under two years": the bound holds. Read on the text before the qualifier. */
const BOUND_DURATION_BEFORE = /\b(?:for|in|of|than|with|has|have|had|after|took|takes|spent)\s*$/i;

/**
 * Whether a bound read before a duration holds: "invest 380 billion over three years" spreads
 * the amount over the time, while "for over 20 years" and "over 20 years of experience" are bounds.
 */
export function durationBoundHolds(text: string, qualifierStart: number, durationEnd: number, qualifier: string): boolean {
  if (!OVER_OR_UNDER.test(qualifier)) return true;
  return BOUND_DURATION_BEFORE.test(text.slice(Math.max(0, qualifierStart - 12), qualifierStart)) || /^ of\b/.test(text.slice(durationEnd, durationEnd + 4));
}

export function qualifierAfterMeaning(written: string): { approximate: boolean; bound: Bound | null } {
  const word = written.trim().toLowerCase();
  if (word === 'or so') return { approximate: true, bound: null };
  if (word === 'or less' || word === 'or lower' || word === 'or below' || word === 'or fewer') return { approximate: false, bound: 'atMost' };
  return { approximate: false, bound: 'atLeast' };
}

/** A change word. Group 1: an increase word; group 2: a decrease word. */
export const CHANGE_WORD =
  /\b(?:(increase|increases|increased|increasing|grew|grow|grows|growing|growth|rose|rise|rises|risen|rising|up|gain|gains|gained|expand|expands|expanded|expanding|expansion|improve|improves|improved|improvement|accelerate|accelerated|accelerating|acceleration|jump|jumps|jumped|surge|surged|surges|climb|climbs|climbed|higher|doubled|tripled|added|topped|raised|boost|boosts|boosted|rebounded|soared)|(decrease|decreases|decreased|decreasing|decline|declines|declined|declining|fell|fall|falls|falling|drop|drops|dropped|down|reduce|reduces|reduced|reducing|reduction|lower|shrink|shrinks|shrank|shrinking|shrunk|narrow|narrows|narrowed|narrowing|contract|contracts|contracted|contraction|decelerate|decelerated|decelerating|deceleration|cut|slid|slowed|dipped|slip|slips|slipped|eased|softened))\b/gi;

/** A comparison period said with a change. Group 0 is the phrase. */
export const COMPARISON =
  /\b(?:year[- ](?:over|on)[- ]year|yoy|y\/y|quarter[- ](?:over|on)[- ]quarter|qoq|q\/q|month[- ](?:over|on)[- ]month|sequentially|from (?:a|the) year (?:ago|earlier)|(?:compared )?(?:with|to) (?:a|the) year (?:ago|earlier)|from (?:the )?(?:last|prior|previous) (?:year|quarter))\b/gi;

interface Marker {
  start: number;
  end: number;
}

interface ChangeMarker extends Marker {
  change: Change;
}

interface ComparisonMarker extends Marker {
  phrase: string;
}

/** Sentence ends: a period, question or exclamation mark followed by a blank, or a semicolon. */
const SENTENCE_END = /[.!?;](?=\s|$)|[。！？；]/g;

/** A lower-case letter, a digit or "$": what follows a dot that ends no sentence. */
function continuesSentence(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 36;
}

/** What one line says around its figures, computed once. */
export class LineContext {
  /** Start offsets of the sentences on the line, ascending. */
  private readonly sentenceStarts: number[] = [0];

  constructor(readonly text: string) {
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
      // "U.S." and "approx." end no sentence: the next word would start in lower case or a digit.
      // A semicolon or question mark ends the clause whatever follows.
      if (m[0] !== '.') {
        this.sentenceStarts.push(m.index + 1);
        continue;
      }
      let next = m.index + 1;
      while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
      if (next < text.length && continuesSentence(text.charCodeAt(next))) continue;
      this.sentenceStarts.push(m.index + 1);
    }
  }

  /** The [start, end) of the sentence holding offset. */
  sentenceAt(offset: number): { start: number; end: number } {
    const low = lastIndexAtMost(this.sentenceStarts, offset);
    const end = low + 1 < this.sentenceStarts.length ? this.sentenceStarts[low + 1] : this.text.length;
    return { start: this.sentenceStarts[low], end };
  }

  /**
   * The change a figure states: a change word shortly before it ("grew 14%", "an increase
   * of RMB11 billion") or right after it ("10% growth", "down 5%" either way), inside its sentence.
   */
  changeAround(start: number, end: number): Change | null {
    const sentence = this.sentenceAt(start);
    const near = nearest(this.changesNear(start, end, 32, 24), start, end, sentence, 32, 24, (marker) =>
      marker.end <= start ? this.changesUpTo(marker, start) : !this.introducesFigure(marker) && !this.figureBetween(end, marker.start));
    if (near) return near.change;
    // "Revenue growth from our largest industries was 9%": a change noun that is the subject of the figure.
    const subject = nearest(this.changesNear(start, start, 56, 0), start, start, sentence, 56, -1, (marker) => {
      const between = this.text.slice(marker.end, start);
      return CHANGE_NOUNS.has(this.text.slice(marker.start, marker.end).toLowerCase()) && !/\d/.test(between) && /\b(?:was|were|is|are|of|at)\s*$/i.test(between);
    });
    return subject ? subject.change : null;
  }

  /**
   * The change an amount states: said shortly before it ("an increase of RMB11 billion", "up
   * by RMB7 billion and RMB10 billion") or as a noun right after it ("a RMB7 billion increase").
   */
  changeBefore(start: number, end = start): Change | null {
    // A change noun right after the amount is its own: "rose on a RMB7 billion decrease in costs".
    const noun = end > start ? this.changeNounAfter(end) : null;
    if (noun) return noun;
    const near = nearest(this.changesNear(start, start, 24, 0), start, start, this.sentenceAt(start), 24, -1, (marker) => !INCOME_ITEM.has(this.text.slice(marker.start, marker.end).toLowerCase()));
    if (near) {
      const between = this.text.slice(near.end, start);
      // "a $284 million gain, against a loss of $40 million": a change said in another clause is not this amount's.
      if (/[,;]/.test(between)) return null;
      // "rose 4.5% to €18.2bn", "increased from RMB312 million": "to" names the level reached, "from" the base.
      if (NAMES_LEVEL_OR_BASE.test(between)) return null;
      // A figure in between takes the change, unless this one is coordinated with it.
      if (!/\d/.test(between) || coordinated(between)) return near.change;
    }
    return null;
  }

  /** "RMB7.2 billion increase in adjusted EBITA": a change noun right after an amount, maybe past a comparison period. */
  private changeNounAfter(end: number): Change | null {
    const after = this.changesNear(end, end, 0, MAX_COMPARISON_LENGTH + 2).find((marker) => marker.start >= end);
    const noun = after ? this.text.slice(after.start, after.end).toLowerCase() : '';
    if (!after || !CHANGE_NOUNS.has(noun) || INCOME_ITEM.has(noun)) return null;
    const between = this.text.slice(end, after.start).trim();
    if (between && !(COMPARISON_ONLY.test(between) && between.length <= MAX_COMPARISON_LENGTH)) return null;
    return after.change;
  }

  /**
   * Whether a change word before a figure is its change: after "decreased 1 point to 61%" the
   * figure is the level reached, but "growth for the year to 5.2%" still names a growth rate.
   */
  private changesUpTo(marker: Marker, start: number): boolean {
    return !NAMES_LEVEL_OR_BASE.test(this.text.slice(marker.end, start)) || /^growth$/i.test(this.text.slice(marker.start, marker.end));
  }

  /**
   * "Gross margin was 36.9%, a 40-basis-point improvement": a change word after a figure with
   * another figure in between is that figure's, as it is before a figure (changeBefore).
   */
  private figureBetween(end: number, markerStart: number): boolean {
    return /\d/.test(this.text.slice(end, markerStart));
  }

  /** "an increase of RMB5.3 billion": a change word after a figure that introduces the next figure. */
  private introducesFigure(marker: Marker): boolean {
    return /^ of\b[^.;,]*\d/.test(this.text.slice(marker.end, marker.end + 24));
  }

  /** The comparison period said near a figure ("year over year"), normalized, or null. */
  comparisonAround(start: number, end: number): string | null {
    const found = markersNear(COMPARISON, this.text, start - 40, end + 40 + MAX_COMPARISON_LENGTH)
      .map((m) => ({ start: m.index, end: m.index + m[0].length, phrase: normalizeComparison(m[0]) }));
    const near = nearest(found, start, end, this.sentenceAt(start), 40, 40);
    return near ? near.phrase : null;
  }

  /** Change words in a window around a figure: only these few characters are read, not the line. */
  private changesNear(start: number, end: number, reachBefore: number, reachAfter: number): ChangeMarker[] {
    return markersNear(CHANGE_WORD, this.text, start - reachBefore - MAX_CHANGE_LENGTH, end + reachAfter + MAX_CHANGE_LENGTH)
      .map((m) => ({ start: m.index, end: m.index + m[0].length, change: m[1] ? 'increase' : 'decrease' }));
  }
}

/** Text between a change word and a figure that ends in "to" or "from": the figure is a level or a base, not the change. */
const NAMES_LEVEL_OR_BASE = /\b(?:to|from)\s*$/i;

/** Change words that are also nouns, so they may follow an amount: "a RMB7 billion increase". */
const CHANGE_NOUNS: ReadonlySet<string> = new Set([
  'increase', 'growth', 'rise', 'gain', 'jump', 'improvement', 'expansion', 'surge',
  'decrease', 'decline', 'drop', 'fall', 'reduction', 'contraction', 'cut',
]);

/** Change nouns that, said of an amount, name an income item: "a $284 million gain" is a gain, not an increase. */
const INCOME_ITEM: ReadonlySet<string> = new Set(['gain', 'gains']);

/** A comparison period alone, as it may sit between an amount and its change noun. */
const COMPARISON_ONLY = /^(?:year[- ](?:over|on)[- ]year|yoy|y\/y|quarter[- ](?:over|on)[- ]quarter|qoq|q\/q|sequential)$/i;

/**
 * The text between a change word and the second of two figures joined by "and" ("up by
 * RMB7 billion and RMB10 billion"): a short run without a clause break or a "to".
 */
function coordinated(between: string): boolean {
  const words = between.trim().replace(/\s+/g, ' ');
  if (!words.endsWith(' and') || words.length > 40 || /[;,]/.test(words)) return false;
  return !/\b(?:to|from)\b/i.test(words);
}

// The longest change word and comparison phrase, so a window catches words that straddle its edge.
const MAX_CHANGE_LENGTH = 14;
const MAX_COMPARISON_LENGTH = 32;

/**
 * Matches of a global regex inside [from, to) of the text, with offsets in the text. Only that
 * window is searched (a search from an offset would run on to the end of the line when nothing
 * matches); the window is widened to whole words so none is cut in two.
 */
function markersNear(regex: RegExp, text: string, from: number, to: number): RegExpExecArray[] {
  let start = Math.max(0, from);
  while (start > 0 && isAsciiLetterOrDigit(text.charCodeAt(start - 1))) start--;
  let end = Math.min(text.length, Math.max(start, to));
  while (end < text.length && isAsciiLetterOrDigit(text.charCodeAt(end))) end++;
  const window = text.slice(start, end);
  const found: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(window); m; m = regex.exec(window)) {
    m.index += start;
    found.push(m);
  }
  return found;
}

/** The marker closest to [start, end) within reach before/after, inside the sentence. */
function nearest<T extends Marker>(markers: T[], start: number, end: number, sentence: Marker, reachBefore: number, reachAfter: number, accept: (marker: T) => boolean = () => true): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  // Markers are in line order: skip those ending before reach with a binary search.
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (markers[mid].end < start - reachBefore) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < markers.length; i++) {
    const marker = markers[i];
    if (marker.end <= start) {
      const distance = start - marker.end;
      if (marker.start >= sentence.start && distance <= reachBefore && distance < bestDistance && accept(marker)) {
        best = marker;
        bestDistance = distance;
      }
    } else if (marker.start >= end) {
      const distance = marker.start - end;
      if (marker.end <= sentence.end && distance <= reachAfter && distance < bestDistance && accept(marker)) {
        best = marker;
        bestDistance = distance;
      }
      if (marker.start - end > reachAfter) break;
    }
  }
  return best;
}

function normalizeComparison(written: string): string {
  const lower = written.toLowerCase();
  if (/year|yoy|y\/y/.test(lower)) return 'year over year';
  if (/quarter|qoq|q\/q|sequential/.test(lower)) return 'quarter over quarter';
  if (/month/.test(lower)) return 'month over month';
  return lower;
}
