// What activate() returns: a small read-only view for other extensions and the in-editor tests.
import type * as vscode from 'vscode';
import type { DetectionOutcome, LanguageChoice } from './detection';
import type { DetectionState, RosterEntry } from './protocol';
import type { AnnotationsApi } from './annotations/controller';
import type { WorkbenchApi } from './webviews/workbench';

export interface TranscriptLensApi {
  /** The process id of the running language server, as the server reports it; undefined when none runs. */
  serverProcessId(): Promise<number | undefined>;
  /** Resolves when the language client is running (again, after a restart). */
  whenServerRunning(): Promise<void>;
  /** The roster shown in the Explorer view for the active transcript. */
  roster(): RosterEntry[];
  /** The status bar text for the active transcript, empty when none is active. */
  statusText(): string;
  /** The status bar entries for the active transcript and the command a click on each runs. */
  statusEntries(): Array<{ text: string; command: string | undefined }>;
  /** What the server made of an open document once it has read it; null when it is not open there. */
  detectionState(uri: vscode.Uri): Promise<DetectionState | null>;
  /** What each of the server's detection notices for a document led to, oldest first. */
  detectionOutcomes(uri: vscode.Uri): readonly DetectionOutcome[];
  /** The language the user chose for a file by hand, remembered across reloads; undefined when none. */
  rememberedLanguage(uri: vscode.Uri): LanguageChoice | undefined;
  /** Annotations as the server resolved them and as the editor draws them. */
  annotations: AnnotationsApi;
  /** The figures table, Compare Metrics and talk-share webviews, driven through their messages. */
  workbench: WorkbenchApi;
}
