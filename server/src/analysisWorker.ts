// The server's analysis thread: reads the documents it is sent, one at a time, and answers
// each with its incremental analysis (without the text and its lines, which the server already holds).
import { parentPort } from 'node:worker_threads';
import { analyzeIncrementally, forTransfer } from './engine/incremental';
import type { AnalysisRequest, AnalysisResponse } from './workerRunner';

parentPort?.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = { id: request.id, analyzed: forTransfer(analyzeIncrementally(request.text, request.options)) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
