// A thread of the workspace index (indexReader.ts): reads the files it is sent from disk and
// answers each with its speakers, or null when the file would not open as a transcript.
import type { IndexRequest } from './indexReader';
import { decodeFileFast } from './nodeDecode';
import { blockingNodeFiles } from './nodeFiles';
import { answerRequests } from './workerPool';
import { speakersOfFile } from './workspaceIndex';

answerRequests(async ({ uri, detectionEnabled }: IndexRequest) => {
  // The answer is copied on its way to the server's thread, so its names hold no file text alive.
  const speakers = await speakersOfFile(blockingNodeFiles, uri, detectionEnabled, { decode: decodeFileFast, copyNames: false });
  // Sent with every speaker, the URI would arrive as a copy per speaker; the reader puts it back.
  return speakers && speakers.map((speaker) => ({ ...speaker, uri: '' }));
});
