/**
 * Runs the @vscode/test-electron suite (../electron/suite.ts) inside code-server's extension host, so
 * that its scenarios through the VS Code API run in VS Code 1.100 even where no desktop VS Code can be
 * had. code-server has no `--extensionTestsPath`; instead, a throwaway extension contributes a command
 * that runs the suite and writes the outcome to a file.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../../support';

export const RUN_API_SUITE_TITLE = 'ppnet e2e: Run the VS Code API Suite';

export interface ApiSuiteOutcome {
  passed: boolean;
  output: string;
}

export interface ApiSuiteExtension {
  vsix: string;
  /** Written by the command when the suite has finished. */
  resultFile: string;
}

/** Writes the extension into `folder` and packages it. */
export function packApiSuiteExtension(folder: string): ApiSuiteExtension {
  const suite = path.join(ROOT, 'out', 'test', 'e2e', 'electron', 'suite.js');
  const resultFile = path.join(folder, 'api-suite-result.json');
  fs.mkdirSync(folder, { recursive: true });
  const manifest = {
    name: 'ppnet-e2e-api-suite',
    displayName: 'ppnet e2e API suite',
    description: 'Runs the ppnet VS Code API suite on command (tests only).',
    publisher: 'ppnet-e2e',
    version: '0.0.1',
    engines: { vscode: '^1.100.0' },
    main: './runner.js',
    extensionDependencies: ['ppnet.ppnet'],
    contributes: { commands: [{ command: 'ppnetE2e.runApiSuite', title: RUN_API_SUITE_TITLE.split(': ')[1], category: 'ppnet e2e' }] },
  };
  fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(
    path.join(folder, 'runner.js'),
    `const fs = require('fs');
const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('ppnetE2e.runApiSuite', async () => {
    const lines = [];
    let passed = true;
    try {
      await require(${JSON.stringify(suite)}).runScenarios((line) => lines.push(line));
    } catch (error) {
      passed = false;
      lines.push(String(error && error.message || error));
    }
    fs.writeFileSync(${JSON.stringify(resultFile)}, JSON.stringify({ passed, output: lines.join('\\n') }));
  }));
};
`,
  );
  const vsix = path.join(folder, 'ppnet-e2e-api-suite.vsix');
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: folder, stdio: 'pipe' });
  return { vsix, resultFile };
}

export function readOutcome(resultFile: string): ApiSuiteOutcome | undefined {
  return fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ApiSuiteOutcome) : undefined;
}
