// Typed handles on the workbench requests; names and shapes live in server/src/protocol.ts.
import { RequestType, RequestType0 } from 'vscode-languageclient';
import { COMPARE_METRICS_REQUEST, FIGURE_TABLE_REQUEST, TALK_SHARE_REQUEST, WORKSPACE_TRANSCRIPTS_REQUEST } from '../../../server/src/protocol';
import type { CompareParams, DocumentParams, FigureRow, MetricComparison, TalkShare } from '../../../server/src/protocol';

export const figureTableRequest = new RequestType<DocumentParams, FigureRow[], void>(FIGURE_TABLE_REQUEST);
export const compareMetricsRequest = new RequestType<CompareParams, MetricComparison, void>(COMPARE_METRICS_REQUEST);
export const talkShareRequest = new RequestType<DocumentParams, TalkShare | null, void>(TALK_SHARE_REQUEST);
export const workspaceTranscriptsRequest = new RequestType0<string[], void>(WORKSPACE_TRANSCRIPTS_REQUEST);
