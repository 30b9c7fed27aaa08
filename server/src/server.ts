// The language server: the only layer that knows LSP. Each handler is a thin adapter over
// the cached analysis of its document.
import {
  createConnection,
  DocumentSymbol,
  Hover,
  ProposedFeatures,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, looksLikeTranscript } from './engine';
import type { Analysis } from './engine';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new Map<string, { version: number; analysis: Analysis }>();

function analysisOf(document: TextDocument): Analysis {
  const cached = cache.get(document.uri);
  if (cached && cached.version === document.version) return cached.analysis;
  const analysis = analyze(document.getText());
  cache.set(document.uri, { version: document.version, analysis });
  return analysis;
}

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    documentSymbolProvider: true,
    hoverProvider: true,
  },
  serverInfo: { name: 'transcript-lens' },
}));

documents.onDidChangeContent(({ document }) => {
  if (document.languageId !== 'transcript') {
    if (looksLikeTranscript(document.getText())) {
      void connection.sendNotification('transcriptLens/detected', { uri: document.uri });
    }
    return;
  }
  const analysis = analysisOf(document);
  void connection.sendDiagnostics({
    uri: document.uri,
    version: document.version,
    diagnostics: analysis.diagnostics.map((d) => ({
      range: { start: { line: d.line, character: d.start }, end: { line: d.line, character: d.end } },
      severity: 2,
      code: d.code,
      source: 'transcript-lens',
      message: d.message,
    })),
  });
});

documents.onDidClose(({ document }) => {
  cache.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onDocumentSymbol(({ textDocument }): DocumentSymbol[] => {
  const document = documents.get(textDocument.uri);
  if (!document) return [];
  return analysisOf(document).turns.map((turn) => ({
    name: turn.speaker,
    detail: turn.role ?? undefined,
    kind: SymbolKind.Function,
    range: { start: { line: turn.line, character: 0 }, end: { line: turn.endLine, character: 0 } },
    selectionRange: { start: { line: turn.line, character: 0 }, end: { line: turn.line, character: 0 } },
  }));
});

connection.onHover(({ textDocument, position }): Hover | null => {
  const document = documents.get(textDocument.uri);
  if (!document) return null;
  const figure = analysisOf(document).figures.find(
    (f) => f.line === position.line && f.start <= position.character && position.character <= f.end,
  );
  if (!figure) return null;
  return { contents: { kind: 'markdown', value: `**${figure.text}** → ${figure.value} ${figure.unit ?? ''}` } };
});

documents.listen(connection);
connection.listen();
