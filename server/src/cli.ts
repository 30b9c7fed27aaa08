// transcript-lens analyze|figures <file|directory|glob>...: the engine on files, for scripts
// and CI. The corpus mode (inputs, workers, output formats) lives in cliCorpus.ts.
// Exit 0 when every file was read (whatever it holds); 2 for an unreadable file or a wrong
// argument, with one clear line on stderr.
import { CORPUS_USAGE, runCorpusCommand } from './cliCorpus';
import { annotationsCommand } from './annotationsCli';

const USAGE = `${CORPUS_USAGE}
       transcript-lens annotations <file>... [--csv|--json|--md]`;

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'annotations') return annotationsCommand(rest);
  if (command === 'analyze' || command === 'figures') {
    return runCorpusCommand(command, rest, { stdout: process.stdout, stderr: process.stderr });
  }
  process.stderr.write(command ? `transcript-lens: unknown command "${command}"\n${USAGE}\n` : `${USAGE}\n`);
  return 2;
}

declare const VERSION_FROM_BUILD: string | undefined;
const VERSION = typeof VERSION_FROM_BUILD === 'string' ? VERSION_FROM_BUILD : '0.1.0';

// A reader that stops early (| head) closes the pipe: that ends the output, not in an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

void Promise.resolve(main(process.argv.slice(2))).then((status) => {
  process.exitCode = status;
});
