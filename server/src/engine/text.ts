// Line handling shared by every engine pass. The engine works on lines because the
// contract's positions are (line, UTF-16 offset in line) and no span crosses a line break.

const LINE_BREAK = /\r\n|\r|\n/;
const LINE_BREAKS = /\r\n|\r|\n/g;

/** Splits text into lines the way LSP and the scorer do: CRLF, CR and LF all end a line. */
export function splitLines(text: string): string[] {
  // Most text has LF breaks only: a split on one character is several times faster than on a regex.
  return text.includes('\r') ? text.split(LINE_BREAK) : text.split('\n');
}

/** Removes a leading byte-order mark, as editors do when they open a file. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The index of the last value at most `value` in an ascending array whose first value is at most it. */
export function lastIndexAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** An ASCII letter or digit: what the engine's word boundaries stop at. */
export function isAsciiLetterOrDigit(code: number): boolean {
  return isAsciiLetter(code) || (code >= 48 && code <= 57);
}

/** Maps absolute offsets to (line, character) and back, for one text. */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: readonly number[];

  /** `lineStarts`, when given, must be the text's own (an incremental analysis keeps them): the text is then not scanned. */
  constructor(readonly text: string, lineStarts?: readonly number[]) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    // A native search from break to break is many times faster than a loop over characters.
    if (!text.includes('\r')) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    } else {
      LINE_BREAKS.lastIndex = 0;
      for (let m = LINE_BREAKS.exec(text); m; m = LINE_BREAKS.exec(text)) starts.push(m.index + m[0].length);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The offset of (line, character), clamped into the text. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[line] + Math.max(0, character), this.lineEnd(line));
  }

  /** The position of an offset, clamped into the text. */
  positionAt(offset: number): { line: number; character: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lastIndexAtMost(this.lineStarts, clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /** The offset just past the last character of a line, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
