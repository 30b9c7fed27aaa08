// Run by scripts/bench/workspace.mjs with --expose-gc: the heap the server's workspace index
// keeps for a folder, measured on the same WorkspaceIndex class after full collections.
//   node --expose-gc scripts/bench/index-memory.mjs <compiled workspaceIndex.js> <folder>
// (the compiled nodeFiles.js and indexReader.js beside workspaceIndex.js give it the file system
// and the worker threads, as node.ts does)
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const [modulePath, folder] = process.argv.slice(2);
const { WorkspaceIndex } = require(modulePath);
const { nodeFiles } = require(join(dirname(modulePath), 'nodeFiles.js'));
const readerPath = join(dirname(modulePath), 'indexReader.js');
const reader = existsSync(readerPath) ? new (require(readerPath).ThreadedIndexReader)() : null;
global.gc();
const before = process.memoryUsage().heapUsed;
const index = new WorkspaceIndex(nodeFiles, () => false, reader);
const files = await index.indexFolders([pathToFileURL(folder).href], false);
reader?.dispose();
global.gc();
global.gc();
const retained = process.memoryUsage().heapUsed - before;
console.log(JSON.stringify({ files, retainedBytes: retained, speakers: index.query('').length }));
