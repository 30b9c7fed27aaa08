// A worker thread of the CLI's corpus mode: analyzes the files it is sent, one at a time,
// and answers each with its formatted output (or why it could not be read).
import { parentPort } from 'node:worker_threads';
import { runFileJob } from './cliFile';
import type { FileJob } from './cliFile';

parentPort?.on('message', (job: FileJob) => parentPort?.postMessage(runFileJob(job)));
