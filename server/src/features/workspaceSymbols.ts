// Workspace symbols: every speaker of every transcript, matched by name.
import type { SymbolInformation } from 'vscode-languageserver';
import { basename } from 'node:path';
import { spanRange } from '../positions';
import type { WorkspaceIndex } from '../workspaceIndex';
import { speakerSymbolKind } from './symbols';

const MAX_RESULTS = 500;

function fileName(uri: string): string {
  try {
    return decodeURIComponent(basename(new URL(uri).pathname));
  } catch {
    return uri;
  }
}

export function workspaceSymbols(index: WorkspaceIndex, query: string): SymbolInformation[] {
  return index.query(query).slice(0, MAX_RESULTS).map((speaker) => ({
    name: speaker.speaker,
    kind: speakerSymbolKind(speaker.speakerKind),
    location: { uri: speaker.uri, range: spanRange(speaker.nameSpan) },
    containerName: [speaker.role, speaker.affiliation, fileName(speaker.uri)].filter(Boolean).join(' · '),
  }));
}
