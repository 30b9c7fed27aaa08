// Workspace symbols: every speaker of every transcript, matched by name.
import type { SymbolInformation } from 'vscode-languageserver';
import { spanRange } from '../positions';
import type { WorkspaceIndex } from '../workspaceIndex';
import { speakerSymbolKind } from './symbols';

const MAX_RESULTS = 500;

export function workspaceSymbols(index: WorkspaceIndex, query: string): SymbolInformation[] {
  return index.query(query).slice(0, MAX_RESULTS).map((speaker) => ({
    name: speaker.speaker,
    kind: speakerSymbolKind(speaker.speakerKind),
    location: { uri: speaker.uri, range: spanRange(speaker.nameSpan) },
    // The editor shows each result's file itself, so the container names only role and firm.
    containerName: [speaker.role, speaker.affiliation].filter(Boolean).join(' · '),
  }));
}
