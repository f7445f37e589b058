/**
 * The standard @vscode/test-electron run: starts a desktop VS Code with the extension from this folder
 * (its bundles in dist/, so run `npm run build` first) on a copy of the examples, and runs suite.ts
 * inside it.
 *
 * VS Code comes from VSCODE_EXECUTABLE (a local build or install) or else is downloaded. Where neither
 * works (no network) the run says so and is skipped, with exit code 0: the same scenarios run in
 * VS Code 1.100 through code-server (`npm run test:e2e`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { ROOT } from '../../support';

/** The lowest version the manifest supports (engines.vscode). */
const VSCODE_VERSION = '1.100.3';

async function vscodeExecutable(): Promise<string | undefined> {
  const named = process.env.VSCODE_EXECUTABLE;
  if (named) {
    if (!fs.existsSync(named)) throw new Error(`VSCODE_EXECUTABLE names ${named}, which does not exist`);
    return named;
  }
  try {
    return await downloadAndUnzipVSCode({ version: VSCODE_VERSION, timeout: 15_000, cachePath: path.join(ROOT, '.vscode-test') });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.log(
      `skipped: no VS Code available (set VSCODE_EXECUTABLE to the path of a VS Code executable to run this suite; downloading VS Code ${VSCODE_VERSION} failed: ${reason})`,
    );
    return undefined;
  }
}

async function main(): Promise<void> {
  const executable = await vscodeExecutable();
  if (!executable) return;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-electron-'));
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace);
  for (const file of ['mistakes.ppnet.yaml', 'contoso.ppnet.yaml']) fs.copyFileSync(path.join(ROOT, 'examples', file), path.join(workspace, file));
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(scratch, 'user-data'),
      ],
    });
    console.log('@vscode/test-electron suite passed');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
