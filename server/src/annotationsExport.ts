// Annotations as files people share: CSV for a spreadsheet, Markdown for a note, JSON for
// scripts. Used by the server (export commands) and the CLI, so both write the same thing.
import type { DocumentAnnotations } from './annotationsProtocol';
import type { ResolvedAnnotation } from './engine/anchors';

export const CSV_COLUMNS = ['file', 'speaker', 'role', 'section', 'tag', 'note', 'quoted text', 'line', 'state', 'created'] as const;

/** One annotation of one file, with the file's name as the export shows it. */
interface Row {
  file: string;
  annotation: ResolvedAnnotation;
}

/** Characters that make a spreadsheet read a cell as a formula (and tab/CR, which some read as such too). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * One CSV field, RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.
 * A cell that starts like a formula gets a leading apostrophe, so a spreadsheet shows it as text
 * instead of running it.
 */
export function csvField(value: string): string {
  const guarded = value.length > 0 && FORMULA_START.has(value[0]) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function rowsOf(documents: readonly DocumentAnnotations[], displayName: (uri: string) => string): Row[] {
  const rows: Row[] = [];
  for (const document of documents) {
    for (const annotation of document.annotations) rows.push({ file: displayName(document.uri), annotation });
  }
  return rows;
}

/** 1-based line number as a reader counts, empty for a detached annotation. */
function lineNumber(annotation: ResolvedAnnotation): string {
  return annotation.range ? String(annotation.range.startLine + 1) : '';
}

export function annotationsToCsv(documents: readonly DocumentAnnotations[], displayName: (uri: string) => string): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const { file, annotation } of rowsOf(documents, displayName)) {
    lines.push([
      file, annotation.speaker ?? '', annotation.role ?? '', annotation.section ?? '', annotation.tag, annotation.note,
      annotation.text, lineNumber(annotation), annotation.state, annotation.created,
    ].map(csvField).join(','));
  }
  // RFC 4180 ends records with CRLF.
  return `${lines.join('\r\n')}\r\n`;
}

/** Markdown text outside a code span: characters that would start markup are escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (character) => `\\${character}`);
}

/** A quote list grouped by tag (in code-book order, unknown tags after), then in file and line order. */
export function annotationsToMarkdown(documents: readonly DocumentAnnotations[], displayName: (uri: string) => string, tagOrder: readonly string[] = []): string {
  const rows = rowsOf(documents, displayName);
  const tags = [...new Set([...tagOrder.filter((tag) => rows.some((row) => row.annotation.tag === tag)), ...rows.map((row) => row.annotation.tag)])];
  const out = ['# Annotations', ''];
  if (!rows.length) out.push('No annotations.', '');
  for (const tag of tags) {
    const ofTag = rows.filter((row) => row.annotation.tag === tag);
    out.push(`## ${escapeMarkdown(tag)} (${ofTag.length})`, '');
    for (const { file, annotation } of ofTag) {
      const quote = annotation.text.split(/\r\n|\r|\n/).map((line) => `> ${escapeMarkdown(line)}`).join('\n');
      const who = annotation.speaker ? `**${escapeMarkdown(annotation.speaker)}**${annotation.role ? `, ${escapeMarkdown(annotation.role)}` : ''}` : 'Unknown speaker';
      const where = [annotation.section ? escapeMarkdown(annotation.section) : null, `${escapeMarkdown(file)}${annotation.range ? `:${lineNumber(annotation)}` : ' (detached: its text is no longer in the file)'}`]
        .filter(Boolean).join(' · ');
      out.push(quote, '', `— ${who} · ${where}`);
      if (annotation.note) out.push('', `Note: ${escapeMarkdown(annotation.note)}`);
      out.push('');
    }
  }
  return out.join('\n');
}

export function annotationsToJson(documents: readonly DocumentAnnotations[], displayName: (uri: string) => string): string {
  const files = documents.map((document) => ({
    file: displayName(document.uri),
    error: document.error,
    annotations: document.annotations.map(({ anchor: _anchor, ...annotation }) => annotation),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
}
