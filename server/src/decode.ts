// Turns a file's bytes into text for the engine, the way an editor would: a UTF-8 BOM is
// dropped, invalid UTF-8 is replaced (and said), and a binary file is refused with one message.
import { DIAGNOSTIC_CODES, stripBom } from './engine';
import type { Diagnostic } from './engine';

export interface DecodedFile {
  /** The text to analyze, or null when the file is not text. */
  text: string | null;
  diagnostics: Diagnostic[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (bytes.includes(0)) {
    return { text: null, diagnostics: [notice('not-text', 'This file is not text (it contains NUL bytes), so it was not analyzed.')] };
  }
  try {
    return { text: stripBom(strictUtf8.decode(bytes)), diagnostics: [] };
  } catch {
    return {
      text: stripBom(lenientUtf8.decode(bytes)),
      diagnostics: [notice('invalid-encoding', 'This file is not valid UTF-8; unreadable bytes were shown as \uFFFD and the rest was analyzed.')],
    };
  }
}

function notice(code: 'not-text' | 'invalid-encoding', message: string): Diagnostic {
  return { line: 0, start: 0, end: 0, severity: DIAGNOSTIC_CODES[code].defaultSeverity, code, message, fixes: [] };
}
