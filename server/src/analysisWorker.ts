// The server's analysis thread: reads the documents it is sent, one at a time, and answers
// each with its incremental analysis (without the text and its lines, which the server already holds).
import { analyzeIncrementally, forTransfer } from './engine/incremental';
import type { AnalysisRequest } from './workerRunner';
import { answerRequests } from './workerPool';

answerRequests(({ text, options }: AnalysisRequest) => forTransfer(analyzeIncrementally(text, options)));
