// Speaker turns and sections, by layout inference: the reader does not match a fixed list
// of transcript formats, it asks which label shapes THIS document uses for its speakers.
//
// 1. Frame (layout/page.ts): lines that frame the page rather than being said (court line
//    numbers, running headers, page numbers, caption timings) are set aside as structure.
// 2. Candidates (speakers/headers.ts): every line start that could be a label, read
//    generically: markup (heading hashes, bold), an optional timestamp, a name-like span in
//    any script ("Jane Doe", "MR. O'NEILL", "Speaker 2", "陈晓岚"), then a delimiter: a colon
//    in any script (`:`, `：`), a period, a dash with a role, a bracketed turn number, a
//    timestamp, or nothing (a name alone on its line).
// 3. Inference (here and layout/shapes.ts): forms that say by themselves that a speaker starts (`Name -- Chief
//    Executive Officer`, `Name, Firm - Title [3]`, `Q.`) are turns at once; every other
//    shape (the delimiter and its markup) is the document's speaker layout only when the
//    document shows it: its labels repeat for two or more people, they alternate between
//    speakers, a participants roster or an earlier header names the person. A layout nobody
//    wrote a rule for but that labels its turns consistently is read the same way; prose,
//    whose "Note:" and "In short:" never repeat that way, yields no turns.
// 4. Turns run to the next turn or section heading; court Q./A. turns are named after the
//    examiner and the witness (layout/court.ts); sections come from headings or the first
//    analyst (speakers/sections.ts).
// Work is linear in the document: one anchored match per line and counts per shape.
import { MAX_HEADER_LINE, isAllCaps, isFramingLine, isTitledDotLabel, parseHeader, parseHeadingLine, parseVoice, roleParts } from './speakers/headers';
import type { HeaderCandidate, RosterGroup } from './speakers/headers';
import { SpeakerRegistry } from './speakers/identity';
import type { Identity } from './speakers/identity';
import { assignRoleParts, hasRoleWord, isAnswerName, isFunctionalName, isQuestionName, isWitnessName, speakerKindOf } from './speakers/roles';
import type { HeaderPart } from './speakers/roles';
import { assignSections } from './speakers/sections';
import type { SectionHeading } from './speakers/sections';
import type { Section, Span, SpeakerKind, Turn } from './types';
import { Examination, readCourtMarker } from './layout/court';
import type { CourtMarker } from './layout/court';
import { readPageFrame } from './layout/page';
import { inferShapes, shapeOf } from './layout/shapes';
import type { PageFrame } from './layout/page';

interface Candidate {
  line: number;
  header: HeaderCandidate;
}

interface RosterEntry {
  header: HeaderCandidate;
  group: RosterGroup;
}

interface Scan {
  candidates: Candidate[];
  roster: RosterEntry[];
  headings: SectionHeading[];
  /** Lines no turn runs across: section and roster headings, examination headings. */
  boundaries: number[];
  /** Lines that say who examines and who testifies, in order. */
  court: { line: number; marker: CourtMarker }[];
  frame: PageFrame;
}

const FENCE = /^[ \t]*(?:```|~~~)/;
/** Labels that introduce a value, not a speaker ("Date:", "Note:", "Step 2:"). */
const METADATA_LABEL =
  /^(?:notes?|date|time|source|sources|location|venue|subject|title|tags?|category|updated?|editor|disclaimer|attendees|present|absent|agenda|summary|examples?|warning|tip|important|caution|re|fwd|from|to|cc|bcc|sent|posted|published|author|by|photo|image|credit|link|url|e-?mail|phone|tel|fax|address|website|price|ticker|exchange|sector|industry|revenue|total|steps?|usage|install|installation|returns?|parameters?|options?|output|input|results?|status|version|license|type|default|error|description|name|value|key|id|features?|requirements?|conclusion|introduction|background|overview|highlights?|outlook|guidance|transcript|company|event|call|contacts?|chapter|section|part|figure|table|appendix|exhibit|slide|page|item|phase|round|day|week|level|stage|rule|article|quarter|year|period|duration|language|format|questions|details|reference|references|see|also|todo|fixme|bug|fix|feat|chore|docs|test|tests|breaking change|breaking changes|deprecated|added|changed|removed|fixed|security|pros|cons|goal|goals|context|problem|solution|why|how|what|when|where|who|result|files|copyright|licen[cs]es?|upstream-name|upstream-contact|comment|homepage|maintainer|depends|priority|architecture|package|origin|bugs|vcs-git|vcs-browser|first|second|third|fourth|fifth|finally|lastly|next|then|however|overall|today|now|so|well|yes|no|okay|ok|sure|right|thanks|bottom line|key takeaways?|takeaways?|日期|时间|時間|地点|地點|备注|備註|注|注意|来源|來源|主题|主題|议程|議程|摘要|总结|總結|标题|標題)(?: \d{1,2})?$/i;
const MAX_PART_LENGTH = 100;
const MAX_PART_WORDS = 14;
const PART_START = /^[\p{Lu}\p{Lo}\p{N}&(]/u;
/** A role or firm ends in a word or an abbreviation ("Inc."), never in sentence punctuation. */
const PART_END = /(?:[\p{L}\p{N})&]|\b\p{L}{1,4}\.)$/u;

function isRolePart(part: HeaderPart): boolean {
  const { text } = part;
  if (text.length > MAX_PART_LENGTH || !PART_START.test(text) || !PART_END.test(text)) return false;
  let words = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) words++;
  return words <= MAX_PART_WORDS;
}

const isBlank = (line: string) => line.trim().length === 0;
const ROSTER_LAYOUTS: ReadonlySet<string> = new Set(['dash', 'comma', 'bracket']);
const isBulleted = (line: string) => (line[0] === '*' || line[0] === '+' || line[0] === '-') && (line[1] === ' ' || line[1] === '\t');

/**
 * Reads a roster entry at `line`: `Name - Title` on one line, or (the wire-service layout) a
 * name with its `Firm - Title` on the next, deeper-indented line. Returns the entry and
 * the last line it covers, or null when the line is no entry and the roster has ended.
 */
function readRosterEntry(lines: string[], line: number): { header: HeaderCandidate; lastLine: number } | null {
  const text = lines[line].trimStart();
  const header = parseHeader(text, true);
  if (!header) return null;
  if (ROSTER_LAYOUTS.has(header.layout)) return header.parts.length > 0 && header.parts.every(isRolePart) ? { header, lastLine: line } : null;
  if (header.layout !== 'bare') return null;
  const next = line + 1 < lines.length ? lines[line + 1] : '';
  const nextText = next.trimStart();
  const nextIndent = next.length - nextText.length;
  // The role sits deeper than its name; a line as deep as the name is the next entry.
  if (nextIndent > lines[line].length - text.length && nextText.length > 0 && !isBulleted(nextText)) {
    const parts = firmThenTitle(next, roleParts(next, nextIndent));
    if (parts.length > 0 && parts.every(isRolePart)) return { header: { ...header, parts }, lastLine: line + 1 };
  }
  // A bulleted name without a role still says who is on the call; a plain capitalized line may be a heading.
  return isBulleted(text) ? { header, lastLine: line } : null;
}

/** A line that reads as a speaker's label with speech: never a running header. */
function isLabelLine(lines: string[], line: number, from: number): boolean {
  const header = parseHeader(lines[line], false, from);
  return header !== null && header.layout !== 'bare';
}

/**
 * `Firm - SVP - Investor Relations` under a listed name: the firm comes first, and the dashes
 * after it belong to the title.
 */
function firmThenTitle(line: string, parts: HeaderPart[]): HeaderPart[] {
  if (parts.length <= 2) return parts;
  const last = parts[parts.length - 1];
  return [parts[0], { text: line.slice(parts[1].start, last.start + last.text.length), start: parts[1].start }];
}

function scanLines(lines: string[]): Scan {
  const frame = readPageFrame(lines, (line, from) => isLabelLine(lines, line, from));
  const scan: Scan = { candidates: [], roster: [], headings: [], boundaries: [], court: [], frame };
  let inFence = false;
  let roster: RosterGroup | undefined;
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    if (text.length === 0 || frame.frameLine[line]) continue;
    const from = frame.textStart[line];
    if (frame.cues) {
      const header = parseVoice(text) ?? parseHeader(text, false, from);
      if (header) scan.candidates.push({ line, header });
      continue;
    }
    const first = text.charCodeAt(0);
    // Only a line opening with a space, a backtick or a tilde can be a code fence.
    if ((first === 32 || first === 9 || first === 96 || first === 126) && FENCE.test(text)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = parseHeadingLine(from > 0 ? text.slice(from) : text);
    if (heading) {
      scan.boundaries.push(line);
      roster = heading.kind === 'roster' ? heading.group : undefined;
      if (heading.kind === 'section') scan.headings.push({ name: heading.name, line, span: { line, start: from + heading.start, end: from + heading.end } });
      continue;
    }
    if (roster !== undefined) {
      // Rules of `=` or `-` under a roster heading frame the list; they do not end it.
      if (isBlank(text) || isFramingLine(text)) continue;
      const entry = readRosterEntry(lines, line);
      if (entry) {
        scan.roster.push({ header: entry.header, group: roster });
        line = entry.lastLine;
        continue;
      }
      roster = undefined;
    }
    const marker = readCourtMarker(text, from);
    if (marker) {
      scan.court.push({ line, marker });
      // An examination heading ends the colloquy before it; a `BY` line opens the questions.
      scan.boundaries.push(line);
      continue;
    }
    const header = parseHeader(text, false, from);
    if (header) scan.candidates.push({ line, header });
  }
  return scan;
}

const LONG_DASH = /--|—|–/;
/** A sentence ends, or a speaker breaks off (`I'd--`), at the end of the line before a label. */
const HAS_LETTER = /\p{L}/u;
const SENTENCE_END = /(?:[.?!:"”)\]]|--|—)[ \t]*$/;

/**
 * A `MR. KOHN.` label opens a paragraph; in the middle of a sentence ("… in connection with
 * / THE SOFTWARE. …") the capitals are shouting, not a speaker.
 */
function startsParagraph(lines: string[], frame: PageFrame, line: number): boolean {
  if (line === 0) return true;
  const before = lines[line - 1].slice(frame.textStart[line - 1]);
  // A line without letters (a date, a page number) is no sentence going on.
  return isBlank(before) || frame.frameLine[line - 1] || SENTENCE_END.test(before) || !HAS_LETTER.test(before);
}

/**
 * A Markdown header with a two-word name and a long dash (`### **Ines Park** -- *Northbridge*`)
 * is a speaker even when no title word follows; `## API - Queries` in a README is not.
 */
function isMarkedLongDash(candidate: Candidate, line: string): boolean {
  const { header } = candidate;
  const nameEnd = header.nameStart + header.name.length;
  return header.marked && wordCount(header.name) >= 2 && LONG_DASH.test(line.slice(nameEnd, header.parts[0].start));
}

/** Headers that say by their form alone that a speaker starts here. */
function isExplicit(candidate: Candidate, lines: string[], frame: PageFrame): boolean {
  const { header } = candidate;
  switch (header.layout) {
    case 'dash':
      return !header.indented && lines[candidate.line].length <= MAX_HEADER_LINE && header.parts.length > 0 && header.parts.every(isRolePart)
        && !METADATA_LABEL.test(header.name)
        && (header.parts.some((part) => hasRoleWord(part.text)) || isMarkedLongDash(candidate, lines[candidate.line]));
    case 'bracket':
      return !header.indented && lines[candidate.line].length <= MAX_HEADER_LINE;
    case 'timestamp':
    case 'voice':
      return !METADATA_LABEL.test(header.name);
    case 'dot':
      // A title before the name says it is a speaker (`CHAIRMAN VASQUEZ.`); other capitals
      // with a period need the document's repetition.
      return isTitledDotLabel(header.name) && (header.name.length === 1 || startsParagraph(lines, frame, candidate.line));
    case 'colon':
      // `Mara Lindqvist, CEO: text` states a title; a label with only a firm needs the
      // document's other evidence, like any label ("Apple, Google and Intel: …").
      return header.parts.length > 0 && wordCount(header.name) >= 2 && header.parts.some((part) => hasRoleWord(part.text))
        && isSpeakerLabel(candidate, lines);
    default:
      return false;
  }
}

const wordCount = (name: string) => name.split(' ').length;
/** Speech starts with a word, a quote, a number or a bracketed note; code and markup do not. */
const NOT_SPEECH = /^[`<{|/\\=>$]/;
/** `BY MS. NAME:` says who examines; it is no one's turn. */
const EXAMINER_LINE = /^BY[ \t]/;
/** A transcriber's note opening the speech (`<inaudible>`, `<crosstalk>`, Markdown's escaped `\[10:15\]`) is speech. */
const ANNOTATION = /^<[a-z][a-z -]{0,30}>/i;

/**
 * Whether a `Label:` line can be a speaker's: not a metadata label, not a Markdown heading
 * (`## Class: Foo`), and a label alone on its line only in capitals (`THE WITNESS:`),
 * since "Files:" or "On Windows:" alone introduce a list.
 */
function isSpeakerLabel(candidate: Candidate, lines: string[]): boolean {
  const { header } = candidate;
  const text = lines[candidate.line];
  if (METADATA_LABEL.test(header.name) || EXAMINER_LINE.test(header.name)) return false;
  if (!header.parts.every(isRolePart)) return false;
  if (isFunctionalName(header.name)) return true;
  if (text.startsWith('#')) return false;
  if (header.textStart >= text.length) return isAllCaps(header.name) || header.parts.length > 0;
  return !NOT_SPEECH.test(text.slice(header.textStart, header.textStart + 1)) || ANNOTATION.test(text.slice(header.textStart, header.textStart + 34))
    || text.startsWith('\\[', header.textStart);
}

/** Records the role and firm a header or roster entry writes for its speaker. */
function stateRole(registry: SpeakerRegistry, header: HeaderCandidate): Identity {
  const { role, affiliation } = assignRoleParts(header.parts);
  const identity = registry.identify(header.name, role?.text ?? null, affiliation?.text ?? null);
  registry.state(identity, role?.text ?? null, affiliation?.text ?? null);
  return identity;
}

/**
 * Decides which candidates are turns; returns them with their speaker's identity. Fills
 * `rosterKinds` with the side of the call a roster puts each listed person on.
 */
function acceptCandidates(
  scan: Scan, lines: string[], registry: SpeakerRegistry, rosterKinds: Map<Identity, SpeakerKind>,
): { candidate: Candidate; identity: Identity }[] {
  for (const { header, group } of scan.roster) {
    const identity = stateRole(registry, header);
    if (group) rosterKinds.set(identity, group);
  }
  // The lawyers and witnesses a court transcript names are known speakers, like a roster's.
  for (const { marker } of scan.court) {
    const name = marker.kind === 'examination' ? marker.examiner : marker.name;
    if (name) registry.identify(name);
  }
  const explicit = scan.candidates.map((candidate) => isExplicit(candidate, lines, scan.frame));
  const explicitIdentities = scan.candidates.map((candidate, i) => {
    return explicit[i] ? stateRole(registry, candidate.header) : undefined;
  });
  const isEligible = (candidate: Candidate) => candidate.header.layout === 'colon' || candidate.header.layout === 'emphasis'
    ? isSpeakerLabel(candidate, lines)
    : candidate.header.layout === 'dot' && !METADATA_LABEL.test(candidate.header.name) && startsParagraph(lines, scan.frame, candidate.line);
  const eligible = scan.candidates.filter(isEligible);
  const shapes = inferShapes(eligible, scan.frame.cues);
  // A name the document writes as a speaker's in its labels is a speaker in any other
  // label shape too (`Name:Text` mostly, `Name: Text` once).
  const labelNames = new Set<string>();
  for (const { header } of eligible) if (shapes.get(shapeOf(header))?.used) labelNames.add(header.name.toLowerCase());

  // "Q" or "A" is a speaker only where both ask and answer; "A. History" alone is an outline.
  const asks = scan.candidates.some(({ header }) => isQuestionName(header.name));
  const answers = scan.candidates.some(({ header }) => isAnswerName(header.name));
  // A briefing's Q has no A: the named answers are the document's other labels.
  const otherLabels = [...shapes.values()].some((shape) => shape.used);
  const isLoneSide = (name: string) => (isQuestionName(name) || isAnswerName(name)) && !(asks && answers) && !otherLabels;

  const accepted: { candidate: Candidate; identity: Identity }[] = [];
  scan.candidates.forEach((candidate, i) => {
    const { header } = candidate;
    const { name } = header;
    let take = explicit[i];
    if (!take && (header.layout === 'colon' || header.layout === 'dot' || header.layout === 'emphasis') && isEligible(candidate)) {
      const known = isFunctionalName(name) || registry.find(name) !== undefined || labelNames.has(name.toLowerCase());
      const shape = shapes.get(shapeOf(header));
      const repeated = (shape?.counts.get(name.toLowerCase()) ?? 0) >= 2;
      // In a document whose labels are its turns, a person who speaks once is a speaker too.
      take = (known && header.layout !== 'dot') || (shape !== undefined && shape.used && (repeated || wordCount(name) >= 2 || isAllCaps(name)));
    } else if (!take && header.layout === 'bare' && !header.indented && !METADATA_LABEL.test(name)) {
      // A name alone on its line is a speaker only when the document names that person
      // elsewhere (a roster, an earlier header): otherwise it is a title or a heading.
      take = (name.length > 1 && isFunctionalName(name)) || registry.find(name) !== undefined;
    }
    if (take && !isLoneSide(name)) accepted.push({ candidate, identity: explicitIdentities[i] ?? registry.identify(name) });
  });
  if (!scan.frame.cues) return accepted;
  // Captions repeat the voice on every cue: one speaker's consecutive cues are one turn.
  return accepted.filter((turn, i) => i === 0 || accepted[i - 1].identity !== turn.identity);
}

const isWordCode = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 0xc0;

/**
 * Space-separated words that hold a letter or digit ("--" and "**" are not words). It jumps
 * from space to space with indexOf, so a long paragraph costs one native search per word.
 */
export function countWords(line: string, from: number): number {
  let words = 0;
  let at = from;
  while (at < line.length) {
    let stop = line.indexOf(' ', at);
    if (stop < 0) stop = line.length;
    for (let i = at; i < stop; i++) {
      if (isWordCode(line.charCodeAt(i))) {
        words++;
        break;
      }
    }
    at = stop + 1;
  }
  return words;
}

/** Words on a WebVTT line: cue numbers and timings are none, and a voice tag is not speech. */
function countCueWords(line: string): number {
  if (isFramingLine(line)) return 0;
  return countWords(line, parseVoice(line)?.textStart ?? 0);
}

/** A roster's side of the call decides between manager and analyst; operators and hosts stay. */
function sideOfCall(read: SpeakerKind, listed: SpeakerKind | undefined): SpeakerKind {
  return listed !== undefined && (read === 'management' || read === 'analyst' || read === 'unknown') ? listed : read;
}

const spanOf = (line: number, part: HeaderPart | null): Span | null =>
  part ? { line, start: part.start, end: part.start + part.text.length } : null;

/** The reading of a document's layout: its turns, its sections, and what is structure rather than speech. */
export interface TurnReading {
  turns: Turn[];
  sections: Section[];
  /** True when the document is captions (WebVTT or SRT). */
  cues: boolean;
  /** Lines that are only page frame (running headers and their companions, page numbers). */
  frameLine: readonly boolean[];
  /**
   * Spans that frame the text rather than being said (turn counters `[17]`, running page
   * headers, page and line numbers, caption timings), in line order: no figures are read there.
   */
  structure: Span[];
}

/** The `[17]` that numbers a turn at the end of its header. */
function turnCounterSpan(line: number, text: string): Span | null {
  const end = text.trimEnd().length;
  const start = text.lastIndexOf('[', end);
  return start >= 0 && text[end - 1] === ']' ? { line, start, end } : null;
}

/**
 * `words: false` leaves every turn's word count at 0, for a reader that wants speakers only
 * (counting words is about a fifth of the turn reading of a long call).
 */
export function readTurns(lines: string[], { words: countsWords = true }: { words?: boolean } = {}): TurnReading {
  const scan = scanLines(lines);
  const { frame } = scan;
  const registry = new SpeakerRegistry();
  const rosterKinds = new Map<Identity, SpeakerKind>();
  const accepted = acceptCandidates(scan, lines, registry, rosterKinds);
  const structure = [...frame.structure];
  // Q and A lines (and THE WITNESS) are the examiner's and the witness's once the transcript has named them.
  const examination = new Examination();
  const named = new Set<Candidate>();
  let marker = 0;
  for (const turn of accepted) {
    while (marker < scan.court.length && scan.court[marker].line < turn.candidate.line) examination.read(scan.court[marker++].marker);
    const { name } = turn.candidate.header;
    // "THE WITNESS:" in colloquy is the witness the A lines name, once the transcript has said who.
    const side = isQuestionName(name) ? 'question' : isAnswerName(name) || isWitnessName(name) ? 'answer' : null;
    const person = side ? examination.speakerOf(side) : null;
    if (person) {
      turn.identity = registry.identify(person);
      named.add(turn.candidate);
    }
  }
  const turns: Turn[] = [];
  let boundary = 0;
  accepted.forEach(({ candidate, identity }, i) => {
    const { line, header } = candidate;
    while (boundary < scan.boundaries.length && scan.boundaries[boundary] <= line) boundary++;
    const nextTurn = i + 1 < accepted.length ? accepted[i + 1].candidate.line : lines.length;
    const nextBoundary = boundary < scan.boundaries.length ? scan.boundaries[boundary] : lines.length;
    let endLine = Math.min(nextTurn, nextBoundary) - 1;
    while (endLine > line && (frame.frameLine[endLine] || isFramingLine(lines[endLine].slice(frame.textStart[endLine])))) endLine--;
    let words = countsWords ? countWords(lines[line], header.textStart) : 0;
    for (let body = line + 1; countsWords && body <= endLine; body++) {
      if (frame.frameLine[body]) continue;
      words += frame.cues ? countCueWords(lines[body]) : countWords(lines[body], frame.textStart[body]);
    }
    // A label's number ("Speaker 2") names a speaker; it is no figure.
    structure.push({ line, start: header.nameStart, end: header.nameStart + header.name.length });
    if (header.layout === 'bracket') {
      const counter = turnCounterSpan(line, lines[line]);
      if (counter) structure.push(counter);
    }
    const written = assignRoleParts(header.parts);
    const role = written.role?.text ?? identity.role;
    const affiliation = written.affiliation?.text ?? identity.affiliation;
    // A Q or A line named after a person is that person's, whatever side it is on.
    const kindName = named.has(candidate) ? identity.canonical : header.name;
    const speakerKind = sideOfCall(speakerKindOf(kindName, role, affiliation), rosterKinds.get(identity));
    turns.push({
      speaker: header.name,
      role,
      affiliation,
      speakerKind,
      section: null,
      line,
      endLine,
      nameSpan: { line, start: header.nameStart, end: header.nameStart + header.name.length },
      roleSpan: spanOf(line, written.role),
      affiliationSpan: spanOf(line, written.affiliation),
      words,
    });
  });
  // Canonical names are known only once every spelling has been seen.
  accepted.forEach(({ identity }, i) => {
    turns[i].speaker = identity.canonical;
  });
  structure.sort((a, b) => a.line - b.line || a.start - b.start);
  return { turns, sections: assignSections(turns, scan.headings), structure, cues: frame.cues, frameLine: frame.frameLine };
}

/** A line that could open a page's frame: short with a digit, or starting with a number. */
const MAY_BE_FRAME = /^[ \t]*\d/;
const DIGIT = /\d/;
/** Running headers and page numbers are at most this long (layout/page.ts). */
const MAX_FRAME_LINE = 100;

/**
 * Whether a line is only speech: no label, heading, court marker, code fence, rule, or line
 * that could be page furniture or a line number. Changing such a line inside a turn's body
 * (blank staying blank, speech staying speech) changes that turn's word count and nothing
 * else of the turn reading, provided the line after it is no label (a label's reading looks
 * at the line before it) and no frame line is within two lines (a running header's
 * companion is found there).
 */
export function isPlainSpeechLine(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0) return true;
  if ((trimmed.length <= MAX_FRAME_LINE && DIGIT.test(trimmed)) || MAY_BE_FRAME.test(text)) return false;
  if (FENCE.test(text) || isFramingLine(text)) return false;
  return parseHeadingLine(text) === null && readCourtMarker(text, 0) === null && parseHeader(text, false, 0) === null && parseVoice(text) === null;
}

/** What a label on the next line reads from this one (startsParagraph): whether a sentence or paragraph ends here. */
export function endsParagraph(text: string): boolean {
  return isBlank(text) || SENTENCE_END.test(text) || !HAS_LETTER.test(text);
}

/** Whether a line could be a speaker's label (for the line after an edit), whose reading looks at the line before it. */
export function mayBeLabel(text: string): boolean {
  return parseHeader(text, false, 0) !== null;
}
