// Reads one line as a possible speaker header, in every layout transcripts come in. This
// only says what the line could be; turns.ts decides, with the whole document in view,
// which candidates are real turns. Every regex is anchored or sticky, so a long paragraph
// costs one failed match at its start.
import type { SectionName } from '../types';
import { hasRoleWord as hasTitleWord } from './roles';
import type { HeaderPart } from './roles';

export type HeaderLayout =
  /** `Name -- Title`, `**Name** -- *Firm -- Analyst*`, `# Name - Title`. */
  | 'dash'
  /** A name alone on its line, with or without markup. */
  | 'bare'
  /** `Name: text`, `Name, CEO: text`, `Name (Firm): text`, `**Q: text**`, `THE COURT:`. */
  | 'colon'
  /** `CHAIRMAN GREENSPAN. text`, `Q. text`. */
  | 'dot'
  /** `Name, Company - Title [3]`, `Operator [1]`. */
  | 'bracket'
  /** `**Name** text`: emphasis alone ends the name. */
  | 'emphasis'
  /** `Name (00:12:34):`, `[00:12:34] Name:`, `Name  00:12`. */
  | 'timestamp'
  /** WebVTT `<v Name>`. */
  | 'voice'
  /** `Name, Title`: only a roster entry, never a turn. */
  | 'comma';

export interface HeaderCandidate {
  layout: HeaderLayout;
  name: string;
  nameStart: number;
  /** The role and firm as written after the name, in order. */
  parts: HeaderPart[];
  /** Markdown heading hashes or emphasis around the name. */
  marked: boolean;
  /** Where the words spoken on the header line itself begin, or the line's length. */
  textStart: number;
  /** True when the header does not start the line (indentation, a line number). */
  indented?: boolean;
  /** True for a colon with no space after it (`Name:Text`). */
  tight?: boolean;
}

/** A header that is a whole line (`Name -- Title`) is short; a longer line is a paragraph. */
export const MAX_HEADER_LINE = 250;
const HASHES = /#{1,6}[ \t]+/y;
const BULLET = /[*+-][ \t]+/y;
// A clock time (12:34, 00:12:34.5), written out in each pattern so every pattern is a literal.
const TIMESTAMP_PREFIX = /(?:\[(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]|\((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\)|(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)(?:[ \t]+|(?=\*\*))/y;
const TIMESTAMP_TAIL = /[ \t]*\((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\)[ \t]*:?/y;
const TIMESTAMP_END = /[ \t]+(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[ \t]*$/y;
/**
 * One to five capitalized words, lowercase particles between them, and an optional number
 * ("Speaker 2", also before its colon); the number is no clock time ("Call 10:30"). A
 * hyphen joins letters ("Jean-Luc"); two of them are a dash (`Knudsen--Chief …`).
 */
const NAME = /\p{Lu}(?:[\p{L}\p{M}'’]|-(?=\p{L}))*\.?(?:[ \t](?:\p{Lu}(?:[\p{L}\p{M}'’]|-(?=\p{L}))*\.?|(?:van|von|de|da|del|der|di|du|la|le|bin|al|ten|ter|and|&)(?=[ \t]\p{Lu}))){0,4}(?:[ \t]\d{1,2}(?!\d|:\d))?/uy;
/**
 * A name in a script without capitals (Chinese, Japanese, Korean, Thai…): a short run of
 * letters, with a middle dot between given and family names (埃隆·马斯克).
 */
const UNCASED_NAME = /\p{Lo}[\p{Lo}\p{M}·・]{0,7}/uy;
const FULL_WIDTH_COLON = '\uff1a';
const DASH = /[ \t]*(?:--|—|–)[ \t]*|[ \t]+-[ \t]+/y;
const BRACKET_NUMBER = /[ \t]*\[\d{1,3}\][ \t]*$/y;
const VOICE = /<v(?:\.[\w-]+)*[ \t]+([^\s>][^>]{0,99})>/y;
/**
 * An all-caps label with a title, or a lone Q or A, ended by a period and followed by
 * speech: the speakers of minutes, hearings and depositions (`CHAIRMAN GREENSPAN.`, `Q.`).
 */
const TITLED_DOT_LABEL = /^(?:(?:THE|MR\.|MRS\.|MS\.|DR\.|CHAIRMAN|CHAIRWOMAN|CHAIR|VICE CHAIRMAN|PRESIDENT|GOVERNOR|SENATOR|REPRESENTATIVE|SECRETARY|JUDGE|JUSTICE|COMMISSIONER|SPEAKER)[ \t]\p{Lu}(?:\p{Ll}{1,2}(?=\p{Lu}))?[\p{Lu}'’-]*(?:[ \t]\p{Lu}(?:\p{Ll}{1,2}(?=\p{Lu}))?[\p{Lu}'’-]*){0,2}|[QA])$/u;
/**
 * Any all-capitals name ended by a period (`MR. O'NEILL.`, `VICE CHAIRMAN McDONOUGH.`, an
 * unsure `SPEAKER(?).`), with speech after it or on the next line: a candidate the
 * document's repetition must confirm.
 */
const DOT_LABEL = /(?:[QA]|(?:(?:MR|MRS|MS|DR)\.[ \t]|(?!(?:MR|MRS|MS|DR)\.))\p{Lu}(?:\p{Ll}{1,2}(?=\p{Lu}))?[\p{Lu}'’-]+(?:[ \t]\p{Lu}(?:\p{Ll}{1,2}(?=\p{Lu}))?[\p{Lu}'’-]+){0,3}(?:\(\?\))?)(?=\.(?:[ \t]|$))/uy;
const LOWERCASE = /\p{Ll}/u;

/** True for a period label whose form alone says it is a speaker: a title before the name, or Q and A. */
export function isTitledDotLabel(name: string): boolean {
  return TITLED_DOT_LABEL.test(name);
}

export const isAllCaps = (name: string) => !LOWERCASE.test(name);

function stickyMatch(pattern: RegExp, line: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(line);
}

const isUpperAscii = (code: number) => code >= 65 && code <= 90;
const HTML_BREAKS = /(?:<br[ \t]*\/?>|<p>|<\/p>)+[ \t]*/iy;
const HTML_EMPHASIS = /<(strong|b)>/iy;
/** Two spaces or a tab after a lone Q or A, then speech. */
const SPACED_SIDE = /(?:[ \u00a0]{2}|\t)[ \t\u00a0]*\S/y;
const UPPER = /\p{Lu}/u;
const isUpperAt = (line: string, at: number) => at < line.length && UPPER.test(line[at]);
/** A timestamp opens with a bracket, a parenthesis or a digit. */
const isStampStart = (code: number) => code === 91 || code === 40 || (code >= 48 && code <= 57);

/** Spaces, tabs and no-break spaces (web pages copied as text are full of them). */
const isSpaceCode = (code: number) => code === 32 || code === 9 || code === 160;

function skipSpaces(line: string, at: number): number {
  while (at < line.length && isSpaceCode(line.charCodeAt(at))) at++;
  return at;
}

function trimmedEnd(line: string): number {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end;
}

/** The emphasis marker opening at `at` (`**`, `__`, `*`, `_`), or ''. */
function emphasisAt(line: string, at: number): string {
  const c = line[at];
  if (c !== '*' && c !== '_') return '';
  return line[at + 1] === c ? c + c : c;
}

const isMarkupChar = (c: string) => c === '*' || c === '_';

/** Cuts the role part after a dash into segments, without markup, each with its offset. */
export function roleParts(line: string, from: number): HeaderPart[] {
  const parts: HeaderPart[] = [];
  const end = trimmedEnd(line);
  let segmentStart = from;
  let at = from;
  const push = (segmentEnd: number) => {
    let start = segmentStart;
    let stop = segmentEnd;
    while (start < stop && (isMarkupChar(line[start]) || line[start] === ' ' || line[start] === '\t')) start++;
    while (stop > start && (isMarkupChar(line[stop - 1]) || line[stop - 1] === ' ' || line[stop - 1] === '\t')) stop--;
    if (stop > start) parts.push({ text: line.slice(start, stop), start });
  };
  while (at < end) {
    const dash = stickyMatch(DASH, line, at);
    if (dash && dash[0].length > 0) {
      push(at);
      at += dash[0].length;
      segmentStart = at;
    } else {
      at++;
    }
  }
  push(end);
  return parts;
}

/**
 * Reads `, Company - Title [n]` after a name (the Thomson/Refinitiv layout). The company
 * ends at the first dash: titles hold dashes ("SVP - Investor Relations") far more often
 * than company names do.
 */
function bracketParts(line: string, from: number, numberAt: number): HeaderPart[] | null {
  const body = line.slice(from, numberAt);
  if (body.trim() === '') return [];
  if (!body.startsWith(',')) return null;
  const dash = body.indexOf(' - ');
  if (dash < 0) return null;
  const company = body.slice(1, dash).trim();
  const title = body.slice(dash + 3).trim();
  if (!company || !title) return null;
  return [
    { text: company, start: from + body.indexOf(company, 1) },
    { text: title, start: from + body.indexOf(title, dash + 3) },
  ];
}

/** Reads the WebVTT voice tag at the start of a cue line. */
export function parseVoice(line: string): HeaderCandidate | null {
  const voice = stickyMatch(VOICE, line, 0);
  if (!voice) return null;
  const raw = voice[1];
  const name = raw.trimEnd();
  const nameStart = voice[0].length - 1 - raw.length;
  return { layout: 'voice', name, nameStart, parts: [], marked: false, textStart: voice[0].length };
}

/**
 * Reads a line as a speaker header. `roster` also accepts list bullets and `Name, Title`,
 * the forms of a participants list. `from` skips what frames the line (a court transcript's
 * line number); indentation after it is allowed, and the candidate says it was there.
 */
export function parseHeader(line: string, roster = false, from = 0): HeaderCandidate | null {
  let at = skipSpaces(line, from);
  const indented = at > 0;
  // Cheap character checks guard each pattern, so a paragraph costs about one regex match.
  const hashes = line[at] === '#' ? stickyMatch(HASHES, line, at) : null;
  if (hashes) at += hashes[0].length;
  if (roster) {
    const bullet = stickyMatch(BULLET, line, at);
    if (bullet) at += bullet[0].length;
  }
  // Web pages saved as text keep their line breaks and bold as HTML (`<br/><strong>Name</strong>:`).
  const breaks = line[at] === '<' ? stickyMatch(HTML_BREAKS, line, at) : null;
  if (breaks) at += breaks[0].length;
  const stamp = isStampStart(line.charCodeAt(at)) ? stickyMatch(TIMESTAMP_PREFIX, line, at) : null;
  if (stamp) at += stamp[0].length;
  const htmlMark = line[at] === '<' ? stickyMatch(HTML_EMPHASIS, line, at) : null;
  // `[Name]: text` brackets a name as bold does; a bracket with no colon after it is a note ([Laughter]).
  const bracketed = !stamp && line[at] === '[';
  const mark = htmlMark ? htmlMark[0] : bracketed ? '[' : emphasisAt(line, at);
  const closeMark = htmlMark ? `</${htmlMark[1]}>` : bracketed ? ']' : mark;
  at += mark.length;
  const dotLabel = !mark && isUpperAscii(line.charCodeAt(at)) && (isUpperAscii(line.charCodeAt(at + 1)) || line[at + 1] === '.')
    ? stickyMatch(DOT_LABEL, line, at) : null;
  if (dotLabel) {
    const labelEnd = at + dotLabel[0].length;
    return { layout: 'dot', name: dotLabel[0], nameStart: at, parts: [], marked: hashes !== null, textStart: skipSpaces(line, labelEnd + 1), indented };
  }
  // `Q    text`: a side of an examination or a briefing set off by spaces alone.
  if (!mark && (line[at] === 'Q' || line[at] === 'A') && stickyMatch(SPACED_SIDE, line, at + 1)) {
    return { layout: 'dot', name: line[at], nameStart: at, parts: [], marked: false, textStart: skipSpaces(line, at + 1), indented };
  }
  // A name opens with an upper-case letter, or a letter of a script without capitals: in
  // ASCII only A–Z, so most lines stop here.
  const nameOpening = line.charCodeAt(at);
  if (nameOpening < 128 && !isUpperAscii(nameOpening)) return null;
  const nameMatch = stickyMatch(NAME, line, at) ?? (nameOpening >= 128 ? stickyMatch(UNCASED_NAME, line, at) : null);
  if (!nameMatch) return null;
  const nameStart = at;
  const name = nameMatch[0];
  at += name.length;
  const marked = hashes !== null || mark !== '';
  const candidate = (layout: HeaderLayout, parts: HeaderPart[], textStart = line.length): HeaderCandidate =>
    ({ layout, name, nameStart, parts, marked, textStart, indented });
  const end = trimmedEnd(line);
  const colonAt = (i: number) => (line[i] === ':' && (i + 1 >= end || isSpaceCode(line.charCodeAt(i + 1)))) || line[i] === FULL_WIDTH_COLON;

  // A colon may stand inside the emphasis (`**Jane Doe:**`, `**Q: text**`) or outside it.
  if (mark) {
    if (line.startsWith(closeMark, at)) {
      at += closeMark.length;
      // `**Name** text` or `0:15:09 **Name** text`: the emphasis alone ends the label, a
      // shape the document's repetition must confirm.
      const speech = skipSpaces(line, at);
      const isLabelTail = line[speech] === ':' || line[speech] === FULL_WIDTH_COLON
        || (line[speech] === '(' && (stickyMatch(TIMESTAMP_TAIL, line, at) !== null || labelWithParts(line, at, end) !== null));
      if (bracketed && !(line[speech] === ':' || line[speech] === FULL_WIDTH_COLON)) return null;
      if (speech > at && speech < end && !isDashAt(line, at) && !isLabelTail) {
        return candidate('emphasis', [], speech);
      }
    } else if ((line[at] === ':' || line[at] === FULL_WIDTH_COLON) && (line.startsWith(closeMark, at + 1) || (end > at + 1 && line.endsWith(closeMark, end)))) {
      const afterColon = line.startsWith(closeMark, at + 1) ? at + 1 + closeMark.length : at + 1;
      if (stamp) return candidate('timestamp', [], skipSpaces(line, afterColon));
      return candidate('colon', [], skipSpaces(line, afterColon));
    } else if (end <= MAX_HEADER_LINE && end - closeMark.length > at && line.endsWith(closeMark, end) && isDashAt(line, at)) {
      // `**Name - Firm, Title**`: the whole header inside one emphasis.
      return candidate('dash', firmAndTitle(roleParts(line, at + stickyMatch(DASH, line, at)![0].length)));
    } else {
      return null;
    }
  }

  if (at >= end) {
    // A word alone with a period ("Okay." after a timestamp, "Merge.") is speech, not a name.
    return name.endsWith('.') ? null : candidate('bare', []);
  }
  const tail = line[at];
  // A label's colon is followed by a space (`A:link` and `A::D` are code); a full-width
  // colon needs none, as CJK text puts no space after it.
  if (colonAt(at)) {
    return candidate(stamp ? 'timestamp' : 'colon', [], skipSpaces(line, at + 1));
  }
  // `Name:Text` with no space: a shape of its own, which the document's repetition must
  // confirm (`Note:See`, `Windows:C` are no speakers).
  if (tail === ':' && !stamp && isUpperAt(line, at + 1)) {
    return { ...candidate('colon', [], at + 1), tight: true };
  }
  if ((tail === ' ' || tail === '\t') && line[skipSpaces(line, at)] === FULL_WIDTH_COLON) {
    return candidate(stamp ? 'timestamp' : 'colon', [], skipSpaces(line, skipSpaces(line, at) + 1));
  }
  const next = line.charCodeAt(skipSpaces(line, at));
  if (next === 40 /* ( */) {
    const stampTail = stickyMatch(TIMESTAMP_TAIL, line, at);
    if (stampTail) return candidate('timestamp', [], skipSpaces(line, at + stampTail[0].length));
  } else if (next >= 48 && next <= 57) {
    if (stickyMatch(TIMESTAMP_END, line, at)) return candidate('timestamp', []);
  } else if ((next === 45 /* - */ || next === 0x2014 /* — */ || next === 0x2013 /* – */) && end <= MAX_HEADER_LINE) {
    const dash = stickyMatch(DASH, line, at);
    if (dash) return candidate('dash', roleParts(line, at + dash[0].length));
  }
  if (!roster && (tail === ',' || next === 40 /* ( */)) {
    const label = labelWithParts(line, at, end);
    if (label) return candidate(stamp ? 'timestamp' : 'colon', label.parts, label.textStart);
  }
  if (line[end - 1] === ']') {
    const numberAt = line.lastIndexOf('[', end);
    if (numberAt >= at && stickyMatch(BRACKET_NUMBER, line, numberAt)) {
      const parts = bracketParts(line, at, skipBack(line, numberAt));
      if (parts) return candidate('bracket', parts);
    }
  }
  if (roster && tail === ',') {
    const roleStart = skipSpaces(line, at + 1);
    if (roleStart < end) return candidate('comma', [{ text: line.slice(roleStart, end), start: roleStart }]);
  }
  return null;
}

function isDashAt(line: string, at: number): boolean {
  const dash = stickyMatch(DASH, line, at);
  return dash !== null && dash[0].length > 0;
}

/**
 * `Firm, Title` written as one part after a dash is two parts when the piece before the
 * comma is no title ("Chairman, President & CEO" stays one title).
 */
function firmAndTitle(parts: HeaderPart[]): HeaderPart[] {
  if (parts.length !== 1) return parts;
  const [part] = parts;
  const comma = part.text.search(FIRM_COMMA);
  if (comma <= 0 || hasTitleWord(part.text.slice(0, comma))) return parts;
  const titleOffset = comma + part.text.slice(comma).search(NOT_COMMA_OR_SPACE);
  return [{ text: part.text.slice(0, comma), start: part.start }, { text: part.text.slice(titleOffset), start: part.start + titleOffset }];
}

const FIRM_COMMA = /[,，、]/;
const NOT_COMMA_OR_SPACE = /[^,，、 \t]/;

/** A role or firm written in a label is short: a longer run before a colon is a sentence. */
const MAX_LABEL_PARTS_LENGTH = 120;
const MAX_LABEL_PARTS = 2;

/**
 * Reads the role or firm a colon label writes after the name (`, CEO:`, `, Kestrel Partners:`,
 * ` (Kestrel Partners):`), split at commas; null when no colon closes it right there.
 */
function labelWithParts(line: string, at: number, end: number): { parts: HeaderPart[]; textStart: number } | null {
  let partsStart: number;
  let partsEnd: number;
  if (line[at] === ',') {
    partsStart = at + 1;
    partsEnd = line.indexOf(':', partsStart);
  } else {
    const open = skipSpaces(line, at);
    partsStart = open + 1;
    const close = line.indexOf(')', partsStart);
    partsEnd = close >= 0 && line[close + 1] === ':' ? close : -1;
  }
  if (partsEnd < 0 || partsEnd - partsStart > MAX_LABEL_PARTS_LENGTH) return null;
  const colon = line[partsEnd] === ':' ? partsEnd : partsEnd + 1;
  // A label's colon is followed by a space or ends the line (`Time, 12:30` is no label).
  if (colon + 1 < end && line[colon + 1] !== ' ' && line[colon + 1] !== '\t') return null;
  const parts: HeaderPart[] = [];
  let segmentStart = partsStart;
  while (segmentStart <= partsEnd) {
    let segmentEnd = line.indexOf(',', segmentStart);
    if (segmentEnd < 0 || segmentEnd > partsEnd) segmentEnd = partsEnd;
    const start = skipSpaces(line, segmentStart);
    const stop = skipBack(line, segmentEnd);
    if (stop <= start || parts.length === MAX_LABEL_PARTS) return null;
    parts.push({ text: line.slice(start, stop), start });
    segmentStart = segmentEnd + 1;
  }
  return { parts, textStart: skipSpaces(line, colon + 1) };
}

function skipBack(line: string, at: number): number {
  while (at > 0 && (line.charCodeAt(at - 1) === 32 || line.charCodeAt(at - 1) === 9)) at--;
  return at;
}

/** The text of a line without heading hashes, emphasis, surrounding spaces and a trailing colon. */
function headingCore(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line[start] === '#') start++;
  while (start < end && (line[start] === ' ' || line[start] === '\t' || isMarkupChar(line[start]))) start++;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === ':' || isMarkupChar(line[end - 1]))) end--;
  return line.slice(start, end);
}

const QA_HEADING = /^(?:Questions?[ \t]*(?:&|and)[ \t]*Answers?|Question-and-Answer|Q[ \t]*&[ \t]*A)(?:[ \t]+(?:Session|Section|Period|Segment|Portion))?$/i;
const PREPARED_HEADING = /^(?:Prepared Remarks|Presentation|Opening Remarks|Management Remarks|Prepared Statements?|Management Presentation)$/i;
/** Matched against the lowercased heading: a case-insensitive pattern this size is too slow to check for ReDoS. */
const ROSTER_HEADING = /^(?:(?:call|conference call|corporate|company|conference|earnings call) )?(?:participants|attendees|speakers|executives|analysts|presenters)$/;
const MAX_HEADING_LENGTH = 80;

/** Whose list a roster heading opens: the company's people, the callers, or either. */
export type RosterGroup = 'management' | 'analyst' | null;

export type HeadingLine =
  | { kind: 'section'; name: SectionName; start: number; end: number }
  | { kind: 'roster'; group: RosterGroup };

/** "Corporate Participants" lists the company's people; "Conference Call Participants" the callers. */
function rosterGroupOf(heading: string): RosterGroup {
  if (heading.startsWith('corporate') || heading.startsWith('company') || heading.endsWith('executives')) return 'management';
  if (heading.startsWith('conference') || heading.endsWith('analysts')) return 'analyst';
  return null;
}

/**
 * What a short heading line opens: a part of the call (with the heading's words) or a
 * participants list ("Call Participants:", "Corporate Participants"); null for other lines.
 */
export function parseHeadingLine(line: string): HeadingLine | null {
  if (line.length > MAX_HEADING_LENGTH) return null;
  const core = headingCore(line);
  if (core.length === 0) return null;
  const name: SectionName | null = QA_HEADING.test(core) ? 'Questions & Answers' : PREPARED_HEADING.test(core) ? 'Prepared Remarks' : null;
  if (name) {
    const start = line.indexOf(core);
    return { kind: 'section', name, start, end: start + core.length };
  }
  const lowered = core.toLowerCase();
  return ROSTER_HEADING.test(lowered) ? { kind: 'roster', group: rosterGroupOf(lowered) } : null;
}

/** True for lines that only frame a cue or a page: WebVTT timings, cue numbers, rules. */
export function isFramingLine(line: string): boolean {
  return FRAMING.test(line);
}

const FRAMING = /^(?:[ \t]*|[ \t]*\d{1,6}[ \t]*|(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[ \t]+-->[ \t]+(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?.*|[ \t]*[-=_*]{3,}[ \t]*|WEBVTT.*)$/;
