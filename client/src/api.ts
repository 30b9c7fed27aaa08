// What activate() returns: a small read-only view for other extensions and the in-editor tests.
import type { RosterEntry } from './protocol';
import type { AnnotationsApi } from './annotations/controller';

export interface TranscriptLensApi {
  /** The process id of the running language server, as the server reports it; undefined when none runs. */
  serverProcessId(): Promise<number | undefined>;
  /** Resolves when the language client is running (again, after a restart). */
  whenServerRunning(): Promise<void>;
  /** The roster shown in the Explorer view for the active transcript. */
  roster(): RosterEntry[];
  /** The status bar text for the active transcript, empty when none is active. */
  statusText(): string;
  /** Annotations as the server resolved them and as the editor draws them. */
  annotations: AnnotationsApi;
}
