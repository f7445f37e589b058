/**
 * The GitHub Action (action.yml) run as a runner would run it, without GitHub and without the network:
 * each `run` step through `bash --noprofile --norc -eo pipefail` (the runner's `shell: bash`), its `env`
 * evaluated from the inputs and the earlier steps' outputs, `$GITHUB_OUTPUT`, `$GITHUB_PATH` and
 * `$GITHUB_STEP_SUMMARY` as files, `if:` conditions evaluated, and the package installed by the action's
 * own install step from this repository's `npm pack` file with npm offline (its dependencies from npm's
 * cache, as after `npm ci`). The `uses:` step (SARIF upload) is not run: its input must be a valid SARIF.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { after, before, describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import { parse } from 'yaml';
import { packPackage, ROOT, runCli, tempDir } from '../support';

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface StepRun {
  name: string;
  ran: boolean;
  status?: number | null;
  stdout?: string;
  stderr?: string;
}

interface ActionRun {
  steps: StepRun[];
  outputs: Record<string, Record<string, string>>;
  summary: string;
  failed: boolean;
}

/** `${{ inputs.x }}`, `${{ steps.y.outputs.z }}`: the only expressions the action may use. */
function evaluate(expression: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>): string {
  const input = /^inputs\.([\w-]+)$/.exec(expression);
  if (input) {
    assert.ok(input[1] in ACTION.inputs, `input ${input[1]} is declared`);
    return inputs[input[1]] ?? ACTION.inputs[input[1]].default ?? '';
  }
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
  if (output) return outputs[output[1]]?.[output[2]] ?? '';
  throw new Error(`an expression the test does not know: ${expression}`);
}

const substitute = (value: string, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>) =>
  value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => evaluate(expression, inputs, outputs));

/** An `if:` as the action writes them: `always()`, and comparisons joined by `&&`. */
function condition(text: string | undefined, failed: boolean, inputs: Record<string, string>, outputs: Record<string, Record<string, string>>): boolean {
  if (text === undefined) return !failed;
  const inner = /^\$\{\{\s*(.*?)\s*\}\}$/.exec(text.trim())?.[1] ?? text;
  const terms = inner.split('&&').map((t) => t.trim());
  if (!terms.includes('always()') && failed) return false;
  return terms
    .filter((t) => t !== 'always()')
    .every((term) => {
      const compared = /^([\w.-]+)\s*(==|!=)\s*'(.*)'$/.exec(term);
      assert.ok(compared, `a condition the test does not know: ${term}`);
      const value = evaluate(compared[1], inputs, outputs);
      return compared[2] === '==' ? value === compared[3] : value !== compared[3];
    });
}

function runAction(workspace: string, runnerTemp: string, inputs: Record<string, string>): ActionRun {
  const outputs: Record<string, Record<string, string>> = {};
  const paths: string[] = [];
  const summaryFile = path.join(runnerTemp, 'step-summary.md');
  fs.writeFileSync(summaryFile, '');
  const steps: StepRun[] = [];
  let failed = false;
  for (const [index, step] of ACTION.runs.steps.entries()) {
    if (!condition(step.if, failed, inputs, outputs)) {
      steps.push({ name: step.name, ran: false });
      continue;
    }
    if (step.uses !== undefined) {
      steps.push({ name: step.name, ran: false });
      continue;
    }
    assert.equal(step.shell, 'bash', step.name);
    const outputFile = path.join(runnerTemp, `output-${index}`);
    const pathFile = path.join(runnerTemp, `path-${index}`);
    fs.writeFileSync(outputFile, '');
    fs.writeFileSync(pathFile, '');
    const script = path.join(runnerTemp, `step-${index}.sh`);
    fs.writeFileSync(script, step.run!);
    const env: NodeJS.ProcessEnv = {
      HOME: process.env.HOME,
      PATH: [...paths, path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
      RUNNER_TEMP: runnerTemp,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_PATH: pathFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      // No network: npm installs from its cache only.
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), inputs, outputs)])),
    };
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8', timeout: 180_000 });
    steps.push({ name: step.name, ran: true, status: result.status, stdout: result.stdout, stderr: result.stderr });
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
    }
    paths.unshift(...fs.readFileSync(pathFile, 'utf8').split('\n').filter(Boolean).reverse());
    if (result.status !== 0) failed = true;
  }
  return { steps, outputs, summary: fs.readFileSync(summaryFile, 'utf8'), failed };
}

const step = (run: ActionRun, name: string) => run.steps.find((s) => s.name === name)!;

const BAD = 'version: 1\nenvironments:\n  prod:\n    region: westeurope\n';

describe('the GitHub Action (action.yml)', () => {
  let work: string;
  let tarball: string;

  before(() => {
    work = tempDir({}, 'ppnet-action-');
    ({ tarball } = packPackage(work));
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('is a composite action whose scripts take every input from the environment, and pins the version it installs', () => {
    assert.equal(ACTION.runs.using, 'composite');
    for (const s of ACTION.runs.steps) {
      if (s.run !== undefined) assert.ok(!s.run.includes('${{'), `${s.name}: no expression is spliced into the script`);
    }
    assert.equal(ACTION.inputs.version.default, MANIFEST.version, 'the action installs the version it is released with');
    const upload = ACTION.runs.steps.find((s) => s.uses !== undefined)!;
    assert.equal(upload.uses, 'github/codeql-action/upload-sarif@v3');
    assert.equal(upload.with!.sarif_file, '${{ steps.check.outputs.sarif-file }}');
  });

  it('installs ppnet, annotates the findings, writes a valid SARIF and the route matrix, and fails on an error', async () => {
    const workspace = tempDir({ 'net/bad.ppnet.yaml': BAD, 'net/contoso.ppnet.yaml': fs.readFileSync(path.join(ROOT, 'examples', 'contoso.ppnet.yaml')) }, 'ppnet-action-ws-');
    const runnerTemp = tempDir({}, 'ppnet-runner-');
    const run = runAction(workspace, runnerTemp, { paths: 'net', package: tarball });

    const install = step(run, 'Install ppnet');
    assert.equal(install.status, 0, install.stderr);
    assert.equal(install.stdout!.trim().split('\n').pop(), MANIFEST.version);

    const check = step(run, 'Check');
    assert.equal(check.status, 0, check.stderr);
    assert.deepEqual(run.outputs.check, { 'exit-code': '1', 'sarif-file': path.join(runnerTemp, 'ppnet.sarif') });
    assert.match(check.stdout!, /^::error file=net\/bad\.ppnet\.yaml,line=4,endLine=4,col=13,endColumn=23,title=ppnet unknown-region::/m);

    // What the upload step would send.
    const sarif = JSON.parse(fs.readFileSync(run.outputs.check['sarif-file'], 'utf8'));
    const schemaText = fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8');
    const validate = new AjvDraft04({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(schemaText.replace(/^\uFEFF/, '')));
    assert.ok(validate(sarif), JSON.stringify(validate.errors));
    assert.equal(step(run, 'Upload SARIF').ran, false, 'not run here');

    const summary = step(run, 'Summary');
    assert.equal(summary.status, 0, summary.stderr);
    assert.equal(run.summary, (await runCli(['routes', 'net', '--format', 'markdown'], workspace)).stdout);

    const result = step(run, 'Result');
    assert.deepEqual([result.status, result.stdout], [1, '::error title=ppnet::ppnet check found errors\n']);
    assert.ok(run.failed);
  });

  it('with diff-base, writes the diff to the summary and fails when a flow moves to a more exposed route', async () => {
    const pair = path.join(ROOT, 'test', 'fixtures', 'diff', 'gateway-moved-site');
    const workspace = tempDir({ 'net/contoso.ppnet.yaml': fs.readFileSync(path.join(pair, 'base.ppnet.yaml')) }, 'ppnet-action-git-');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=ppnet test', '-c', 'user.email=test@example.com', ...args], { cwd: workspace });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    fs.copyFileSync(path.join(pair, 'head.ppnet.yaml'), path.join(workspace, 'net', 'contoso.ppnet.yaml'));
    const runnerTemp = tempDir({}, 'ppnet-runner-');
    const inputs = { paths: 'net', package: tarball, 'diff-base': 'HEAD', 'upload-sarif': 'false' };

    const run = runAction(workspace, runnerTemp, inputs);
    assert.deepEqual(run.outputs.check['exit-code'], '0', 'the head has no error');
    assert.equal(run.summary, (await runCli(['diff', '--git', 'HEAD', 'net', '--format', 'markdown'], workspace)).stdout);
    assert.match(run.summary, /connector:erp-sql \(Contoso Production → Amsterdam gateway cluster\) \| ExpressRoute → Public internet \(more exposed\)/);
    assert.deepEqual(run.outputs.summary, { 'diff-exit-code': '1', 'summary-file': path.join(runnerTemp, 'ppnet-summary.md') });
    assert.equal(fs.readFileSync(run.outputs.summary['summary-file'], 'utf8'), run.summary, 'the file to post as a comment');
    assert.deepEqual([step(run, 'Result').status, step(run, 'Result').stdout], [1, '::error title=ppnet::the change moves a flow to a more exposed route: see the job summary\n']);

    const allowed = runAction(workspace, runnerTemp, { ...inputs, 'fail-on-moved': 'false' });
    assert.equal(allowed.failed, false);
    assert.deepEqual(
      allowed.steps.map((s) => [s.name, s.ran]),
      [
        ['Install ppnet', true],
        ['Check', true],
        ['Upload SARIF', false],
        ['Summary', true],
        ['Result', true],
      ],
    );
  });

  it('passes several paths on separate lines, and a config', () => {
    const workspace = tempDir(
      { 'a/one.ppnet.yaml': BAD, 'b/two.ppnet.yaml': BAD, 'lax.yaml': 'rules:\n  unknown-region: warning\n' },
      'ppnet-action-paths-',
    );
    const runnerTemp = tempDir({}, 'ppnet-runner-');
    const run = runAction(workspace, runnerTemp, { paths: 'a\nb', package: tarball, config: 'lax.yaml', 'upload-sarif': 'false' });
    assert.equal(run.outputs.check['exit-code'], '0', 'the config lowers the error to a warning in both folders');
    assert.equal(step(run, 'Check').stdout!.split('\n').filter((l) => l.startsWith('::warning file=')).length, 2);
    assert.equal(run.failed, false);
  });
});
