// The server's analysis thread: reads the documents it is sent, one at a time, and answers
// each with its incremental analysis (without the text, which the server already holds).
import { analyzeIncrementally } from './engine/incremental';
import type { AnalysisRequest } from './workerRunner';
import { answerRequests } from './workerPool';

answerRequests(({ text, options }: AnalysisRequest) => ({ ...analyzeIncrementally(text, options), text: '' }));
