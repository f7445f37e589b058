/**
 * Emacs with eglot against the real language server, configured by the README's Emacs block (taken
 * from README.md, not copied): `emacs --batch` loads that block, then test/editors/drivers/emacs.el,
 * which visits the examples with `ppnet-language-server` on PATH as `npm link` puts it. What flymake
 * shows must equal `ppnet check --format json`, and hover (eldoc), completion (completion-at-point),
 * go to definition (xref) and a quick fix (eglot-code-actions) must work.
 *
 * Needs `emacs` with eglot and yaml-mode (Debian bookworm: emacs-nox 28.2, elpa-eglot 1.9,
 * elpa-yaml-mode, installed by .ci/run); without them the suite says it skipped.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CliFinding, cliFindings } from '../reference';
import { ROOT } from '../support';
import { copyExamples, editorEnvironment, pointOf, positionOfPoint, rangeText, readmeBlock, runDriver, scratch, shownFromCli, skipReason, sortByRange, succeeds, which } from './harness';
import { expectedCompletion, expectedFixTitles, hoverPattern, mistakesScenario } from './scenario';

const EMACS = which('emacs');
const problem =
  !EMACS
    ? 'emacs is not installed (Debian: emacs-nox, elpa-eglot, elpa-yaml-mode)'
    : !succeeds(EMACS, ['--batch', '--eval', "(progn (require 'eglot) (require 'yaml-mode))"])
      ? 'emacs has no eglot or no yaml-mode (Debian: elpa-eglot, elpa-yaml-mode)'
      : undefined;
const missing = skipReason(problem);
const DRIVER = path.join(ROOT, 'test', 'editors', 'drivers', 'emacs.el');
const SEVERITY_NUMBER = { error: 1, warning: 2, info: 3, hint: 4 } as const;
/** Flymake's types for eglot's diagnostics: eglot shows info and hint both as notes. */
const FLYMAKE_TYPE = { error: 'eglot-error', warning: 'eglot-warning', info: 'eglot-note', hint: 'eglot-note' } as const;

interface FlymakeDiagnostic {
  beg: number;
  end: number;
  type: string;
  text: string;
  /** The severity of the LSP diagnostic eglot keeps with flymake's. */
  lspSeverity: number;
}

interface EmacsResult {
  error?: string;
  mode: string;
  server: string;
  diagnostics: FlymakeDiagnostic[];
  hover?: string;
  completion?: string[];
  definition?: { point: number; buffer: string };
  fix?: { titles: string[]; text: string; diagnostics: FlymakeDiagnostic[] };
}

interface FlymakeRow {
  range: string;
  type: string;
  text: string;
  lspSeverity: number;
}

/** Flymake's diagnostics with their buffer positions as LSP ranges. */
function shown(text: string, diagnostics: FlymakeDiagnostic[]): FlymakeRow[] {
  const rows = diagnostics.map((d) => ({
    range: rangeText(positionOfPoint(text, d.beg), positionOfPoint(text, d.end)),
    type: d.type,
    text: d.text,
    lspSeverity: d.lspSeverity,
  }));
  return sortByRange(rows, (row) => row.text);
}

/** What flymake must show for `ppnet check`'s findings: eglot writes each as "source [code]: message". */
function expectedRows(findings: CliFinding[]): FlymakeRow[] {
  const rows = shownFromCli(findings).map((f) => ({
    range: f.range,
    type: FLYMAKE_TYPE[f.severity],
    text: `ppnet [${f.code}]: ${f.message}`,
    lspSeverity: SEVERITY_NUMBER[f.severity],
  }));
  return sortByRange(rows, (row) => row.text);
}

describe('Emacs (eglot) with the README configuration', { skip: missing }, () => {
  let work: ReturnType<typeof scratch>;
  let examples: string;
  let env: NodeJS.ProcessEnv;
  let config: string;

  before(() => {
    if (problem) throw new Error(`${problem}, and PPNET_EDITORS_REQUIRED=1 forbids skipping`);
    work = scratch('emacs');
    examples = copyExamples(work.dir);
    env = editorEnvironment(path.join(work.dir, 'home'));
    const block = readmeBlock('emacs');
    assert.equal(block.language, 'elisp');
    config = path.join(work.dir, 'init.el');
    fs.writeFileSync(config, block.code);
  });

  after(() => work?.remove());

  function runEmacs(file: string, plan: object): Promise<EmacsResult> {
    // --batch loads no init file of the developer's: the README's block is the whole configuration.
    const args = ['--batch', '-l', config, '-l', DRIVER];
    return runDriver<EmacsResult>({ name: 'emacs', command: EMACS!, args }, { dir: work.dir, cwd: examples, env: { ...env, PPNET_FILE: file }, plan });
  }

  it('on mistakes.ppnet.yaml: the diagnostics of ppnet check, hover, completion, go to definition and a quick fix', async () => {
    const file = path.join(examples, 'mistakes.ppnet.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const scenario = mistakesScenario(text);
    const result = await runEmacs(file, {
      hover: { point: pointOf(text, scenario.hover) },
      completion: { point: pointOf(text, scenario.completion) },
      definition: { point: pointOf(text, scenario.definition) },
      fix: { point: pointOf(text, scenario.fix), title: scenario.fixTitle },
    });

    assert.equal(result.mode, 'ppnet-mode');
    assert.equal(result.server, 'ppnet-language-server');
    const findings = cliFindings(file);
    assert.equal(findings.length, 20);
    assert.deepEqual(shown(text, result.diagnostics), expectedRows(findings));

    assert.match(result.hover ?? '', hoverPattern());
    assert.deepEqual([...(result.completion ?? [])].sort(), expectedCompletion.labels);
    assert.equal(result.completion?.[0], expectedCompletion.first);
    assert.deepEqual(result.definition, { point: pointOf(text, scenario.definitionTarget), buffer: file });

    assert.deepEqual(result.fix?.titles, expectedFixTitles);
    assert.equal(result.fix!.text, scenario.fixedText);
    // After the fix, flymake shows what ppnet check reports for the fixed text.
    const fixedFile = path.join(examples, 'fixed.ppnet.yaml');
    fs.writeFileSync(fixedFile, scenario.fixedText);
    const afterFix = cliFindings(fixedFile);
    assert.equal(afterFix.length, 19);
    assert.ok(!afterFix.some((f) => f.code === 'unknown-region'));
    assert.deepEqual(shown(scenario.fixedText, result.fix!.diagnostics), expectedRows(afterFix));
  });

  it('on contoso.ppnet.yaml: no diagnostics, as ppnet check', async () => {
    const file = path.join(examples, 'contoso.ppnet.yaml');
    const result = await runEmacs(file, {});
    assert.equal(result.mode, 'ppnet-mode');
    assert.equal(result.server, 'ppnet-language-server');
    assert.deepEqual(cliFindings(file), []);
    assert.deepEqual(result.diagnostics, []);
  });
});
