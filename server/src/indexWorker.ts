// A thread of the workspace index (indexReader.ts): reads the files it is sent from disk and
// answers each with its speakers, or null when the file would not open as a transcript.
import { setPriority } from 'node:os';
import { encodeSpeakers } from './indexReader';
import type { IndexRequest } from './indexReader';
import { decodeFileFast } from './nodeDecode';
import { blockingNodeFiles } from './nodeFiles';
import { answerRequests } from './workerPool';
import { speakersOfFile } from './workspaceIndex';

/**
 * Indexing is background work: a little below the server's own thread, which answers the
 * editor (hover stays within a few ms while every core indexes), and the user's programs.
 */
const BACKGROUND_NICENESS = 5;
// Only Linux sets the priority of the calling thread alone; elsewhere it would be the whole server's.
if (process.platform === 'linux') {
  try {
    setPriority(BACKGROUND_NICENESS);
  } catch {
    // A sandbox may refuse; the thread then indexes at the server's priority.
  }
}

// The answer is copied on its way to the server's thread, so its names hold no file text alive.
answerRequests(async ({ uri, detectionEnabled }: IndexRequest) =>
  encodeSpeakers(await speakersOfFile(blockingNodeFiles, uri, detectionEnabled, { decode: decodeFileFast, copyNames: false })));
