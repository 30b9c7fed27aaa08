// A thread of the workspace index (indexReader.ts): reads the files it is sent from disk and
// answers each with its speakers, or null when the file would not open as a transcript.
import type { IndexRequest } from './indexReader';
import { decodeFileFast } from './nodeDecode';
import { blockingNodeFiles } from './nodeFiles';
import { answerRequests } from './workerPool';
import { speakersOfFile } from './workspaceIndex';

// The answer is copied on its way to the server's thread, so the names hold no file text alive.
answerRequests(({ uri, detectionEnabled }: IndexRequest) => speakersOfFile(blockingNodeFiles, uri, detectionEnabled, { decode: decodeFileFast, copyNames: false }));
