/**
 * Neovim against the real language server, configured by the README's "Neovim 0.7 to 0.10" block
 * (taken from README.md, not copied): a headless `nvim` opens the examples with that block as its
 * init.lua, `ppnet-language-server` on PATH as `npm link` puts it, and test/editors/drivers/neovim.lua
 * drives it. What Neovim shows must equal `ppnet check --format json`, and hover, completion, go to
 * definition and a quick fix must work through Neovim's own LSP client.
 *
 * Needs `nvim` (Debian bookworm: 0.7.2, installed by .ci/run); without it the suite says it skipped.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliFindings } from '../reference';
import { ROOT } from '../support';
import {
  byteOfCharacter,
  characterOfByte,
  copyExamples,
  editorEnvironment,
  Position,
  rangeText,
  readmeBlock,
  runDriver,
  scratch,
  Shown,
  shownFromCli,
  skipReason,
  sortShown,
  which,
} from './harness';
import { expectedCompletion, expectedFixTitles, hoverPattern, mistakesScenario } from './scenario';

const NVIM = which('nvim');
const problem = NVIM ? undefined : 'nvim is not installed (Debian: neovim)';
const missing = skipReason(problem);
const DRIVER = path.join(ROOT, 'test', 'editors', 'drivers', 'neovim.lua');
const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code?: string;
  source?: string;
  message: string;
}

interface NvimResult {
  error?: string;
  filetype: string;
  clients: string[];
  diagnostics: NvimDiagnostic[];
  hover?: string;
  completion?: string[];
  definition?: { row: number; col: number };
  fix?: { titles: string[]; lines: string[]; diagnostics: NvimDiagnostic[] };
}

/** Neovim's cursor: 1-based row, 0-based byte column. */
function cursor(text: string, position: Position): { row: number; col: number } {
  return { row: position.line + 1, col: byteOfCharacter(text, position) };
}

/** What Neovim shows, in LSP's terms: ranges back in UTF-16 characters, severities by name. */
function shown(text: string, diagnostics: NvimDiagnostic[]): Shown[] {
  return sortShown(
    diagnostics.map((d) => ({
      code: String(d.code),
      severity: SEVERITIES[d.severity - 1],
      message: d.message,
      range: rangeText(
        { line: d.lnum, character: characterOfByte(text, d.lnum, d.col) },
        { line: d.end_lnum, character: characterOfByte(text, d.end_lnum, d.end_col) },
      ),
    })),
  );
}

describe('Neovim with the README configuration', { skip: missing }, () => {
  let work: ReturnType<typeof scratch>;
  let examples: string;
  let env: NodeJS.ProcessEnv;
  let init: string;

  before(() => {
    if (problem) throw new Error(`${problem}, and PPNET_EDITORS_REQUIRED=1 forbids skipping`);
    work = scratch('nvim');
    examples = copyExamples(work.dir);
    env = editorEnvironment(path.join(work.dir, 'home'));
    const block = readmeBlock('neovim-0.7');
    assert.equal(block.language, 'lua');
    init = path.join(work.dir, 'init.lua');
    fs.writeFileSync(init, block.code);
  });

  after(() => work?.remove());

  function runNvim(file: string, plan: object): Promise<NvimResult> {
    // -n: no swap file; -i NONE: no shada; --noplugin: none of the developer's plugins. The driver
    // comes first (--cmd), then the README's block as the whole configuration (-u), then the file.
    const args = ['--headless', '-n', '-i', 'NONE', '--noplugin', '--cmd', `luafile ${DRIVER}`, '-u', init, file];
    return runDriver<NvimResult>({ name: 'nvim', command: NVIM!, args }, { dir: work.dir, cwd: examples, env, plan });
  }

  it('on mistakes.ppnet.yaml: the diagnostics of ppnet check, hover, completion, go to definition and a quick fix', async () => {
    const file = path.join(examples, 'mistakes.ppnet.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const scenario = mistakesScenario(text);
    const result = await runNvim(file, {
      hover: cursor(text, scenario.hover),
      completion: cursor(text, scenario.completion),
      definition: cursor(text, scenario.definition),
      fix: { ...cursor(text, scenario.fix), title: scenario.fixTitle },
    });

    assert.equal(result.filetype, 'yaml.ppnet');
    assert.deepEqual(result.clients, ['ppnet']);
    const expected = shownFromCli(cliFindings(file));
    assert.equal(expected.length, 20);
    assert.deepEqual(shown(text, result.diagnostics), expected);
    assert.ok(result.diagnostics.every((d) => d.source === 'ppnet'));

    assert.match(result.hover ?? '', hoverPattern());
    assert.deepEqual([...(result.completion ?? [])].sort(), expectedCompletion.labels);
    assert.equal(result.completion?.[0], expectedCompletion.first);
    assert.deepEqual(result.definition, cursor(text, scenario.definitionTarget));

    assert.deepEqual(result.fix?.titles, expectedFixTitles);
    assert.equal(result.fix!.lines.join('\n') + '\n', scenario.fixedText);
    // After the fix, Neovim shows what ppnet check reports for the fixed text.
    const fixedFile = path.join(examples, 'fixed.ppnet.yaml');
    fs.writeFileSync(fixedFile, scenario.fixedText);
    const afterFix = shownFromCli(cliFindings(fixedFile));
    assert.equal(afterFix.length, 19);
    assert.ok(!afterFix.some((f) => f.code === 'unknown-region'));
    assert.deepEqual(shown(scenario.fixedText, result.fix!.diagnostics), afterFix);
  });

  it('on contoso.ppnet.yaml: no diagnostics, as ppnet check', async () => {
    const file = path.join(examples, 'contoso.ppnet.yaml');
    const result = await runNvim(file, {});
    assert.equal(result.filetype, 'yaml.ppnet');
    assert.deepEqual(result.clients, ['ppnet']);
    assert.deepEqual(cliFindings(file), []);
    assert.deepEqual(shown(fs.readFileSync(file, 'utf8'), result.diagnostics), []);
  });
});
