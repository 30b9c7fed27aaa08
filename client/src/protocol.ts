// The client's typed handles on the custom requests and notifications; their names and
// shapes live in server/src/protocol.ts, which the server imports too.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageclient';
import {
  DETECTED_NOTIFICATION,
  DETECTION_STATE_REQUEST,
  FIGURES_REQUEST,
  ROSTER_REQUEST,
  SERVER_PROCESS_REQUEST,
  SUMMARY_REQUEST,
} from '../../server/src/protocol';
import type { DetectionState, DocumentParams, FigureEntry, RosterEntry, TranscriptSummary } from '../../server/src/protocol';

export type { DetectionState, DocumentParams, FigureEntry, RosterEntry, SpeakerKind, TranscriptSummary } from '../../server/src/protocol';
export { TRANSCRIPT_LANGUAGE } from '../../server/src/protocol';

export const rosterRequest = new RequestType<DocumentParams, RosterEntry[], void>(ROSTER_REQUEST);
export const figuresRequest = new RequestType<DocumentParams, FigureEntry[], void>(FIGURES_REQUEST);
export const summaryRequest = new RequestType<DocumentParams, TranscriptSummary | null, void>(SUMMARY_REQUEST);
/** The server's own process id, so a crash can be simulated and a restart observed. */
export const serverProcessRequest = new RequestType0<{ pid: number }, void>(SERVER_PROCESS_REQUEST);
export const detectedNotification = new NotificationType<DocumentParams>(DETECTED_NOTIFICATION);
export const detectionStateRequest = new RequestType<DocumentParams, DetectionState | null, void>(DETECTION_STATE_REQUEST);

