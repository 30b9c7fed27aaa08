// The in-editor suite's entry: VS Code (or code-server) calls run() inside the extension
// host, the same entry @vscode/test-electron uses as extensionTestsPath. It runs every
// out/test/editor/*.test.js with mocha and writes a results file when the runner asks for one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { resultsFile } from './helpers';
import { takeCleanScreenshots, takeScreenshots } from './screenshots';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  // A developer can run part of the suite: TRANSCRIPT_LENS_TEST_GREP=Outline npm run test:editor.
  const grep = process.env.TRANSCRIPT_LENS_TEST_GREP;
  if (grep) mocha.grep(grep);
  // After the runner reloads the window, only the second phase (*.reload.test.js) runs.
  const marker = process.env.TRANSCRIPT_LENS_TEST_RELOAD_MARKER;
  const afterReload = marker !== undefined && fs.existsSync(marker);
  const inPhase = (name: string) => name.endsWith('.test.js') && name.endsWith('.reload.test.js') === afterReload;
  for (const file of fs.readdirSync(__dirname).filter(inPhase).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  // The pictures of a call as it opens come first, before any test annotates or edits it.
  if (!afterReload) await photograph(takeCleanScreenshots);
  const records: TestRecord[] = [];
  const target = resultsFile();
  const writeReport = () => {
    const passed = records.filter((record) => record.state === 'passed').length;
    if (target) fs.writeFileSync(target, JSON.stringify({ passed, failed: records.length - passed, tests: records }, null, 2));
  };
  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = startMocha(mocha, resolve, reject);
    } catch (error) {
      // A test file that fails to load is a failure the runner must see, not a silent hang.
      records.push({ title: 'loading the in-editor suite', state: 'failed', error: String(error) });
      writeReport();
      reject(error);
      return;
    }
    runner.on('pass', (test) => records.push({ title: test.fullTitle(), state: 'passed' }));
    runner.on('fail', (test, error: Error) => {
      records.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? String(error) });
      console.error(`[transcript-lens test] FAILED ${test.fullTitle()}: ${error.message}`);
    });
  });

  function startMocha(mocha: Mocha, resolve: () => void, reject: (error: Error) => void): Mocha.Runner {
    return mocha.run(async (failures) => {
      if (!afterReload) await photograph(takeScreenshots);
      writeReport();
      if (failures > 0) reject(new Error(`${failures} in-editor tests failed`));
      else resolve();
    });
  }
}

/** Takes pictures; a picture that fails is reported and never fails the suite. */
async function photograph(take: () => Promise<void>): Promise<void> {
  try {
    await take();
  } catch (error) {
    console.error(`[transcript-lens test] screenshots failed: ${String(error)}`);
  }
}
