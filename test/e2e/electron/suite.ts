/**
 * The extension's scenarios through the VS Code API, run inside VS Code's extension host: by
 * `@vscode/test-electron` (see run.ts) and, on machines without a desktop VS Code, inside code-server
 * by the browser suite (see ../codeServer/testRunnerExtension.ts). The folder open in VS Code must hold
 * a copy of examples/mistakes.ppnet.yaml.
 *
 * Each scenario polls the editor's state; none sleeps for a fixed time.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cliFindings, datacenterPair, findingKey } from '../../reference';

const EXAMPLE = 'mistakes.ppnet.yaml';
const TIMEOUT_MS = 30_000;

/** Polls `probe` every 100 ms until it returns a value, or fails with `what` after the timeout. */
async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: () => string): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `ppnet check` of the file as saved: the editor must show the same findings. */
function expectedFindings(file: string): string[] {
  return cliFindings(file)
    .map((f) => findingKey(f.code, f.range))
    .sort();
}

function editorFindings(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .map((d) => {
      const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
      const { start, end } = d.range;
      return findingKey(code, { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } });
    })
    .sort();
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

function exampleUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code must be opened on a folder that holds the example');
  return vscode.Uri.joinPath(folder.uri, EXAMPLE);
}

async function showExample(): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(exampleUri()), vscode.ViewColumn.One);
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

const SCENARIOS: [name: string, scenario: () => Promise<void>][] = [
  [
    'diagnostics: the editor shows what ppnet check reports, with rule codes and links',
    async () => {
      const editor = await showExample();
      assert.equal(editor.document.languageId, 'ppnet');
      const expected = expectedFindings(editor.document.uri.fsPath);
      assert.ok(expected.length >= 3, `the example should have several mistakes: ${expected.join(', ')}`);
      await until(
        () => (sameList(editorFindings(editor.document.uri), expected) ? true : undefined),
        () => `the diagnostics ${editorFindings(editor.document.uri).join(', ')} to equal ${expected.join(', ')}`,
      );
      for (const diagnostic of vscode.languages.getDiagnostics(editor.document.uri)) {
        assert.equal(diagnostic.source, 'ppnet');
        assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.target.scheme === 'https', JSON.stringify(diagnostic.code));
      }
    },
  ],
  [
    'hover: a region shows its datacenter pair',
    async () => {
      const { document } = await showExample();
      const line = document.getText().split('\n').findIndex((l) => /^ {4}region: unitedkingdom\b/.test(l));
      assert.ok(line >= 0, 'the example has an environment in unitedkingdom');
      const position = new vscode.Position(line, document.lineAt(line).text.indexOf('unitedkingdom') + 1);
      const text = await until(async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return hovers.length > 0 ? hoverText(hovers) : undefined;
      }, () => 'a hover');
      for (const region of datacenterPair('unitedkingdom')) assert.match(text, new RegExp(region), text);
    },
  ],
  [
    'completion: a circuit region offers the region of the environment it serves',
    async () => {
      const { document } = await showExample();
      const line = document.getText().split('\n').findIndex((l) => /^ {4}environments: \[nw-uk\]/.test(l)) - 1; // er-lon's region
      assert.match(document.lineAt(line).text, /^ {4}region: /);
      const position = new vscode.Position(line, '    region: '.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      assert.ok(labels.includes('unitedkingdom'), labels.join(', '));
    },
  ],
  [
    'preview: the command opens the diagram in a webview beside the file',
    async () => {
      await showExample();
      await vscode.commands.executeCommand('ppnet.openPreviewToSide');
      await until(
        () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('ppnet.preview')),
        () => 'a ppnet.preview webview tab',
      );
    },
  ],
  [
    'preview settings: the preview follows the active topology file unless ppnet.preview.followActiveEditor is off',
    async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const show = async (name: string) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name)), vscode.ViewColumn.One);
      const previewLabel = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('ppnet.preview'))?.label ?? '';
      const settings = () => vscode.workspace.getConfiguration('ppnet.preview');
      await showExample();
      await vscode.commands.executeCommand('ppnet.openPreviewToSide');
      await show('contoso.ppnet.yaml');
      await until(() => (previewLabel().includes('contoso') ? true : undefined), () => `the preview to switch to contoso (its tab: "${previewLabel()}")`);
      await settings().update('followActiveEditor', false, vscode.ConfigurationTarget.Global);
      try {
        await show(EXAMPLE);
        // A command the workbench runs answers after it has handled everything the extension sent
        // before, so a title change the switch would have caused has arrived by then.
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        assert.match(previewLabel(), /contoso/);
      } finally {
        await settings().update('followActiveEditor', undefined, vscode.ConfigurationTarget.Global);
      }
      await show('contoso.ppnet.yaml');
      await show(EXAMPLE);
      await until(() => (previewLabel().includes('mistakes') ? true : undefined), () => `the preview to follow again (its tab: "${previewLabel()}")`);
    },
  ],
  [
    'commands: restart the server and show its output; diagnostics come back',
    async () => {
      const { document } = await showExample();
      await vscode.commands.executeCommand('ppnet.restartServer');
      await vscode.commands.executeCommand('ppnet.showOutput');
      const expected = expectedFindings(document.uri.fsPath);
      await until(() => (sameList(editorFindings(document.uri), expected) ? true : undefined), () => 'the diagnostics after the restart');
    },
  ],
];

/** Runs every scenario, reporting each line; rejects when one failed. */
export async function runScenarios(report: (line: string) => void): Promise<void> {
  const failures: string[] = [];
  for (const [name, scenario] of SCENARIOS) {
    try {
      await scenario();
      report(`  ✔ ${name}`);
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      report(`  ✖ ${name}\n${detail}`);
      failures.push(`${name}: ${detail}`);
    }
  }
  if (failures.length > 0) throw new Error(`${failures.length} of ${SCENARIOS.length} scenarios failed:\n${failures.join('\n')}`);
}

/** The entry point @vscode/test-electron calls (with arguments of its own, which are not needed here). */
export function run(): Promise<void> {
  return runScenarios((line) => console.log(line));
}
