// Court and hearing transcripts: who asks and who answers in `Q.` / `A.` lines. The lines
// themselves name nobody; the transcript says it elsewhere: the witness line ("JANE DOE,
// having been first duly sworn…", "WITNESS: JANE DOE"), the examination headings ("DIRECT
// EXAMINATION", "CROSS-EXAMINATION BY MR. ROE:") and the `BY MS. NAME:` lines that say who
// examines from here on. Those lines are no turns; the Q and A turns under them are the
// examiner's and the witness's.

/** What one line says about the examination under way. */
export type CourtMarker =
  | { kind: 'examiner'; name: string }
  | { kind: 'examination'; examiner: string | null }
  | { kind: 'witness'; name: string };

const HONORIFIC_NAME = /(?:MR|MRS|MS|MISS|DR)\.?[ \t]+\p{Lu}[\p{L}'’-]*(?:[ \t]\p{Lu}[\p{L}'’-]*){0,2}/uy;
const BY = /BY[ \t]+/y;
const EXAMINATION = /(?:(?:RE-?)?(?:DIRECT|CROSS|RECROSS|REDIRECT)[- \t]?)?EXAMINATION(?:[ \t]+\(?(?:CONT'D|CONTINUED|RESUMED)\)?)?/iy;
const WITNESS_LABEL = /WITNESS:[ \t]*/y;
/** `BY MR. ROE (Continuing):` */
const RESUMED = /[ \t]*\((?:CONT'D|CONTINUING|CONTINUED|RESUMED)\)/iy;
const WITNESS_SWORN = /\b(?:sworn|affirmed|called as a witness)\b/i;
/** An all-capitals name before a comma: the witness line's opening. */
const CAPITALS_NAME = /\p{Lu}[\p{Lu}.'’-]*(?:[ \t]\p{Lu}[\p{Lu}.'’-]*){1,3}(?=,)/uy;
const NAME_ONLY = /\p{Lu}[\p{L}.'’-]*(?:[ \t]\p{Lu}[\p{L}.'’-]*){0,3}[ \t]*$/uy;
const MAX_MARKER_LINE = 200;

function sticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** The end of a line after optional spaces and one colon, or -1 when more follows. */
function endsAfter(text: string, at: number): boolean {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === ':' || text[i] === '.') i++;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i >= text.length;
}

/** `BY MS. NAME:` at `at`: the examiner's name, or null. */
function examinerAt(text: string, at: number): string | null {
  const by = sticky(BY, text, at);
  if (!by) return null;
  const name = sticky(HONORIFIC_NAME, text, at + by[0].length);
  if (!name) return null;
  let after = at + by[0].length + name[0].length;
  const resumed = sticky(RESUMED, text, after);
  if (resumed) after += resumed[0].length;
  return endsAfter(text, after) ? name[0] : null;
}

/** Reads a line (from `at`, past its line number and indentation) as a court marker. */
export function readCourtMarker(text: string, at: number): CourtMarker | null {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  if (text.length - at > MAX_MARKER_LINE) return null;
  const first = text.charCodeAt(at);
  if (first === 66 /* B */) {
    const name = examinerAt(text, at);
    if (name) return { kind: 'examiner', name };
  }
  const examination = sticky(EXAMINATION, text, at);
  if (examination) {
    let next = at + examination[0].length;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
    if (endsAfter(text, next)) return { kind: 'examination', examiner: null };
    const examiner = examinerAt(text, next);
    if (examiner) return { kind: 'examination', examiner };
    return null;
  }
  const label = sticky(WITNESS_LABEL, text, at);
  if (label) {
    const name = sticky(NAME_ONLY, text, at + label[0].length);
    if (name) return { kind: 'witness', name: name[0].trimEnd() };
  }
  const sworn = sticky(CAPITALS_NAME, text, at);
  if (sworn && WITNESS_SWORN.test(text.slice(at + sworn[0].length))) return { kind: 'witness', name: sworn[0] };
  return null;
}

/** Who examines and who answers at each point of the transcript. */
export class Examination {
  private examiner: string | null = null;
  private witness: string | null = null;

  read(marker: CourtMarker): void {
    if (marker.kind === 'witness') {
      this.witness = marker.name;
      this.examiner = null;
    } else {
      this.examiner = marker.kind === 'examiner' ? marker.name : marker.examiner;
    }
  }

  /** The person behind a Q or A line, or null when the transcript has not said. */
  speakerOf(side: 'question' | 'answer'): string | null {
    return side === 'question' ? this.examiner : this.witness;
  }
}
