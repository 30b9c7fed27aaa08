// The custom requests and notifications Transcript Lens speaks besides LSP: their method
// names here and their shapes in protocolTypes.ts, in one place that both the server and the
// client import, so the two sides cannot drift apart. Plain types and strings only: no
// protocol library here.
export type * from './protocolTypes';

export const TRANSCRIPT_LANGUAGE = 'transcript';

/** Client → server: the roster of a document, RosterEntry[] sorted by first appearance. */
export const ROSTER_REQUEST = 'transcriptLens/roster';

/** Client → server: a TranscriptSummary of a document, or null when it is not open. */
export const SUMMARY_REQUEST = 'transcriptLens/summary';

/** Client → server: the figures of a document, FigureEntry[] in document order. */
export const FIGURES_REQUEST = 'transcriptLens/figures';

/** Client → server: { pid } of the server process, so a crash can be simulated and a restart observed. */
export const SERVER_PROCESS_REQUEST = 'transcriptLens/serverProcess';

/** Server → client: a plain-text or Markdown document looks like a transcript. */
export const DETECTED_NOTIFICATION = 'transcriptLens/detected';
/** Client → server: what detection made of an open document once the server has read it (DetectionState), or null. */
export const DETECTION_STATE_REQUEST = 'transcriptLens/detectionState';

// ---- The analyst's workbench: figures table, calls side by side, talk share (issue 11). ----

/** Client → server: FigureRow[] of a document in document order. */
export const FIGURE_TABLE_REQUEST = 'transcriptLens/figureTable';

/** Client → server: a MetricComparison of the calls (open or on disk) named by CompareParams. */
export const COMPARE_METRICS_REQUEST = 'transcriptLens/compareMetrics';

/** Client → server: the URIs (string[], sorted) of the workspace's transcripts, open or on disk, once indexing is done. */
export const WORKSPACE_TRANSCRIPTS_REQUEST = 'transcriptLens/workspaceTranscripts';

/** Client → server: a TalkShare of a document, or null when it is not an open transcript. */
export const TALK_SHARE_REQUEST = 'transcriptLens/talkShare';
