// What frames a document rather than being said in it: a court transcript's line numbers,
// running page headers and footers, page numbers, and the cue numbers and timings of
// captions. They are found from the document's own repetition (a header comes back on every
// page with another page number; line numbers count 1, 2, 3… and start again), never from
// a list of known headers. The turn reader skips them, and figures inside them are no figures.
import type { Span } from '../types';

export interface PageFrame {
  /** Where each line's own text begins: after its line number, else 0. */
  textStart: number[];
  /** Lines that are only frame: running headers, page numbers, cue numbers and timings. */
  frameLine: boolean[];
  /** Every span that is structure rather than speech, in line order. */
  structure: Span[];
  /** True when the document is captions (WebVTT or SRT): one speaker's cues make one turn. */
  cues: boolean;
}

const WEBVTT = /^\uFEFF?WEBVTT/;
const CUE_TIMING = /^[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}[ \t]+-->[ \t]+(?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3}/;
const CUE_NUMBER = /^[ \t]*\d{1,6}[ \t]*$/;
/** A page marker alone on its line: `- 12 -`, `-41-`, `Page 12`, `Page 12 of 40`, `--- Page 6 ---`. */
const PAGE_MARKER = /^[ \t]*(?:-[ \t]*\d{1,4}[ \t]*-|(?:-{1,3}[ \t]*)?Page[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?(?:[ \t]*-{1,3})?)[ \t]*$/i;
/** A bare number alone on its line, which is a page number where the document has several. */
const BARE_NUMBER = /^[ \t]*(?:\d{1,3}|\[[ \t]*\d{1,4}[ \t]*\])[ \t]*$/;
const LINE_NUMBER = /^[ \t]*(\d{1,2})(?=[ \t]|$)/;
const DIGITS = /\d+/g;
const LETTER = /\p{L}/u;
const SPACES = /[ \t]+/g;
/** A running header is short; a longer line is a paragraph. */
const MAX_RUNNING_HEADER = 100;
/** A running header comes back on at least this many pages. */
const MIN_PAGES = 3;
/** Pages are apart: a line repeated on neighbouring lines is a list or a table. */
const MIN_PAGE_DISTANCE = 4;
/** Line numbers are a document's habit, not a few numbered lines. */
const MIN_NUMBERED_LINES = 10;

const isBlank = (line: string) => line.trim().length === 0;

function lineSpan(line: number, text: string): Span {
  const start = text.length - text.trimStart().length;
  return { line, start, end: text.trimEnd().length };
}

/**
 * Lines counted 1, 2, 3… at their start, starting again at 1 on each page: a court
 * transcript's margin. Returns where each numbered line's number ends, or null when the
 * document has no such margin.
 */
function lineNumberMargin(lines: string[]): (number | null)[] | null {
  const ends: (number | null)[] = new Array(lines.length).fill(null);
  let previous = 0;
  let counted = 0;
  let nonBlank = 0;
  for (let line = 0; line < lines.length; line++) {
    if (isBlank(lines[line])) continue;
    nonBlank++;
    const match = LINE_NUMBER.exec(lines[line]);
    if (!match) continue;
    const number = Number(match[1]);
    // An excerpt may start on any line of a page.
    if (number === previous + 1 || (number === 1 && previous > 0) || previous === 0) {
      counted++;
      ends[line] = match[0].length;
    }
    previous = number;
  }
  return counted >= MIN_NUMBERED_LINES && counted * 2 >= nonBlank ? ends : null;
}

/** Short lines with digits that come back on several pages with only their numbers changed. */
function runningHeaders(lines: string[], from: number[], isLabel: (line: number) => boolean): number[] {
  const byShape = new Map<string, number[]>();
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line].slice(from[line]).trim();
    if (text.length === 0 || text.length > MAX_RUNNING_HEADER) continue;
    DIGITS.lastIndex = 0;
    if (!DIGITS.test(text)) continue;
    const shape = text.replace(DIGITS, '#').replace(SPACES, ' ');
    const found = byShape.get(shape);
    if (found) found.push(line);
    else byShape.set(shape, [line]);
  }
  const headers: number[] = [];
  for (const found of byShape.values()) {
    if (found.length < MIN_PAGES) continue;
    const texts = new Set(found.map((line) => lines[line].slice(from[line]).trim()));
    // The same words on every page need their page number to change; a date alone
    // (`2/3-4/94`) may come back unchanged.
    if (texts.size < 2 && LETTER.test(found.length > 0 ? lines[found[0]] : '')) continue;
    if (found.some((line, i) => i > 0 && line - found[i - 1] < MIN_PAGE_DISTANCE)) continue;
    // A speaker's label with its turn number ("Speaker 2: Yes.") is speech.
    if (found.some(isLabel)) continue;
    headers.push(...found);
  }
  return headers;
}

/**
 * Lines that stand next to a running header on most pages, the same each time (a witness's
 * name, `PRYCE - DIRECT`): part of the header, though they hold no page number.
 */
function headerCompanions(lines: string[], from: number[], headers: number[], isLabel: (line: number) => boolean): number[] {
  const byText = new Map<string, number[]>();
  const nonBlankNear = (line: number, step: number) => {
    for (let at = line + step; at >= 0 && at < lines.length && Math.abs(at - line) <= 2; at += step) {
      if (!isBlank(lines[at].slice(from[at]))) return at;
    }
    return -1;
  };
  for (const header of headers) {
    for (const step of [-1, 1]) {
      const near = nonBlankNear(header, step);
      if (near < 0) continue;
      const text = lines[near].slice(from[near]).trim();
      if (text.length > MAX_RUNNING_HEADER) continue;
      const found = byText.get(text);
      if (found) found.push(near);
      else byText.set(text, [near]);
    }
  }
  const companions: number[] = [];
  for (const found of byText.values()) if (found.length >= MIN_PAGES && !found.some(isLabel)) companions.push(...found);
  return companions;
}

/**
 * Reads the frame of a document. `isLabel` says whether a line reads as a speaker's label,
 * so that a short labelled turn repeated with other numbers is not taken for a header.
 */
export function readPageFrame(lines: string[], isLabel: (line: number, from: number) => boolean): PageFrame {
  const frame: PageFrame = {
    textStart: new Array(lines.length).fill(0),
    frameLine: new Array(lines.length).fill(false),
    structure: [],
    cues: false,
  };
  const markFrame = (line: number) => {
    if (frame.frameLine[line]) return;
    frame.frameLine[line] = true;
    frame.structure.push(lineSpan(line, lines[line]));
  };
  let timings = 0;
  for (const text of lines) if (CUE_TIMING.test(text)) timings++;
  frame.cues = (lines.length > 0 && WEBVTT.test(lines[0])) || timings >= 2;
  if (frame.cues) {
    for (let line = 0; line < lines.length; line++) {
      if (CUE_TIMING.test(lines[line]) || CUE_NUMBER.test(lines[line])) markFrame(line);
    }
    return frame;
  }
  const margin = lineNumberMargin(lines);
  if (margin) {
    margin.forEach((end, line) => {
      if (end === null) return;
      frame.textStart[line] = end;
      const start = lines[line].length - lines[line].trimStart().length;
      frame.structure.push({ line, start, end });
    });
  }
  // Bare page numbers come on every page: one lone number is just a number.
  const bareNumbers: number[] = [];
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line].slice(frame.textStart[line]);
    if (PAGE_MARKER.test(text)) markFrame(line);
    else if (BARE_NUMBER.test(text)) bareNumbers.push(line);
  }
  if (bareNumbers.length >= 2) bareNumbers.forEach(markFrame);
  const headers = runningHeaders(lines, frame.textStart, (l) => isLabel(l, frame.textStart[l]));
  for (const line of headers) markFrame(line);
  for (const line of headerCompanions(lines, frame.textStart, headers, (l) => isLabel(l, frame.textStart[l]))) markFrame(line);
  frame.structure.sort((a, b) => a.line - b.line || a.start - b.start);
  return frame;
}
