// The server's analysis thread: reads the documents it is sent, one at a time, keeping each
// one's incremental state, and answers each request with its analysis.
import { parentPort } from 'node:worker_threads';
import { IncrementalDocuments } from './analysisRunner';
import type { AnalysisRequest, AnalysisResponse } from './workerRunner';

const documents = new IncrementalDocuments();
parentPort?.on('message', (request: AnalysisRequest) => {
  if (request.forget) {
    documents.forget(request.uri);
    return;
  }
  let response: AnalysisResponse;
  try {
    response = { id: request.id, analysis: documents.analyze(request.uri, request.text, request.options, request.fresh) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
