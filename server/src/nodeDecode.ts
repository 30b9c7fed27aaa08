// decodeFile (decode.ts) with Node's native converters, for the workspace index's threads:
// the same text, about three times faster on a typical transcript's UTF-8 (V8's own UTF-8
// decoding is what limits indexing once the files are in memory).
import { Buffer, isAscii, isUtf8, transcode } from 'node:buffer';
import { decodeFile } from './decode';
import type { DecodedFile } from './decode';
import { stripBom } from './engine';

export function decodeFileFast(bytes: Uint8Array): DecodedFile {
  // A binary or malformed file takes the portable path, which says what is wrong with it.
  if (bytes.includes(0) || !isUtf8(bytes)) return decodeFile(bytes);
  try {
    const text = isAscii(bytes)
      ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
      : transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
    return { text: stripBom(text), diagnostics: [] };
  } catch {
    // transcode needs Node's ICU, which a custom build may lack.
    return decodeFile(bytes);
  }
}
