// Turns a file's bytes into text for the engine, the way an editor would: a UTF-8 BOM is
// dropped, invalid UTF-8 is replaced (and said), and a binary file is refused with one message.
import { Diagnostics, stripBom } from './engine';
import type { CatalogKind, Diagnostic } from './engine';

export interface DecodedFile {
  /** The text to analyze, or null when the file is not text. */
  text: string | null;
  diagnostics: Diagnostic[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (bytes.includes(0)) {
    return { text: null, diagnostics: [notice(Diagnostics.notText, Diagnostics.notText.message())] };
  }
  try {
    return { text: stripBom(strictUtf8.decode(bytes)), diagnostics: [] };
  } catch {
    return {
      text: stripBom(lenientUtf8.decode(bytes)),
      diagnostics: [notice(Diagnostics.invalidEncoding, Diagnostics.invalidEncoding.message())],
    };
  }
}

function notice(kind: CatalogKind, message: string): Diagnostic {
  return { line: 0, start: 0, end: 0, severity: kind.defaultSeverity, code: kind.code, message, fixes: [] };
}
