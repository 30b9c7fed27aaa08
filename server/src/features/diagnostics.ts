// Engine diagnostics as LSP diagnostics, with the severity the user set per code.
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../engine';
import type { AnalyzedDocument } from '../analysisCache';
import { spanRange } from '../positions';
import type { Settings } from '../settings';

const DIAGNOSTIC_SOURCE = 'transcript-lens';

const LSP_SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The LSP diagnostic, or null when the user turned its code off. With the document's uri, the
 * other figures a consistency diagnostic is about become its related information.
 */
export function toLspDiagnostic(diagnostic: Diagnostic, settings: Settings, uri?: string): LspDiagnostic | null {
  const chosen = settings.severity[diagnostic.code] ?? diagnostic.severity;
  if (chosen === 'off') return null;
  const converted: LspDiagnostic = {
    range: spanRange(diagnostic),
    severity: LSP_SEVERITIES[chosen],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
  if (uri !== undefined && diagnostic.related?.length) {
    converted.relatedInformation = diagnostic.related.map((related) => ({
      location: { uri, range: spanRange(related.span) },
      message: related.message,
    }));
  }
  return converted;
}

export function documentDiagnostics(document: AnalyzedDocument, settings: Settings): LspDiagnostic[] {
  const result: LspDiagnostic[] = [];
  for (const diagnostic of document.analysis.diagnostics) {
    const converted = toLspDiagnostic(diagnostic, settings, document.uri);
    if (converted) result.push(converted);
  }
  return result;
}
