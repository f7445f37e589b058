/**
 * `ppnet diff` on pairs of designs (a circuit's route filter loses a region, blocks moved, entities
 * renamed, a gateway moved to another site), with its exact output in every format (baselines beside
 * each pair in test/fixtures/diff/; `UPDATE_BASELINES=1` rewrites them, review the diff), the JSON
 * against schemas/ppnet-diff.schema.json, the Markdown parsed as GitHub would (tables whose cells stay
 * text), exit codes and --fail-on, folders, and --git against a real repository.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import MarkdownIt from 'markdown-it';
import { ROOT, runCli, tempDir } from '../support';

const CASES = path.join(ROOT, 'test', 'fixtures', 'diff');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'ppnet-diff.schema.json'), 'utf8'));
const FORMATS = { text: 'expected.txt', json: 'expected.json', markdown: 'expected.md' } as const;

/** Each pair, and the exit code its change gives by default. */
const EXIT: Record<string, number> = { 'filter-loses-region': 1, 'block-moved': 0, 'entity-renamed': 0, 'gateway-moved-site': 1 };

const validateDiff = new Ajv({ allErrors: true, strict: true }).compile(SCHEMA);

function assertValidDiff(json: string): DiffJson {
  const parsed = JSON.parse(json) as DiffJson;
  assert.ok(validateDiff(parsed), JSON.stringify(validateDiff.errors, null, 2));
  return parsed;
}

interface DiffJson {
  summary: Record<string, number>;
  flows: { moved: { id: string; exposure: string }[]; added: { id: string; file: string }[]; removed: { id: string; file: string }[] };
  findings: { appeared: { code: string; file: string }[]; disappeared: { code: string; file: string }[] };
  entities: { renamed: { from: string; to: string }[]; added: { id: string; file: string }[]; removed: { id: string; file: string }[] };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=ppnet test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

describe('ppnet diff on pairs of designs', () => {
  for (const name of Object.keys(EXIT)) {
    for (const [format, baseline] of Object.entries(FORMATS)) {
      it(`${name}: --format ${format} prints exactly ${baseline} and exits ${EXIT[name]}`, async () => {
        const result = await runCli(['diff', 'base.ppnet.yaml', 'head.ppnet.yaml', '--format', format], path.join(CASES, name));
        assert.equal(result.stderr, '');
        const expectedFile = path.join(CASES, name, baseline);
        if (process.env.UPDATE_BASELINES) fs.writeFileSync(expectedFile, result.stdout);
        assert.equal(result.stdout, fs.readFileSync(expectedFile, 'utf8'));
        assert.equal(result.code, EXIT[name]);
        if (format === 'json') assertValidDiff(result.stdout);
      });
    }
  }

  it('names each moved flow with both routes and both reasons, and the new error', async () => {
    const json = assertValidDiff((await runCli(['diff', 'base.ppnet.yaml', 'head.ppnet.yaml', '--format', 'json'], path.join(CASES, 'filter-loses-region'))).stdout);
    assert.deepEqual(
      json.flows.moved.map((m) => [m.id, m.exposure]),
      [
        ['users:ams-hq:contoso-prod', 'more'],
        ['static-content:ams-hq:contoso-prod', 'more'],
        ['users:ams-hq:contoso-dev', 'more'],
        ['desktop-flow:invoice-bot', 'more'],
      ],
    );
    // Microsoft Entra ID stays a legitimate entry when a regional community is missing: no service-community warning on it.
    assert.deepEqual(json.findings.appeared.map((f) => f.code), ['route-filter-missing-region']);
    assert.equal(json.summary.newErrors, 1);
  });

  it('follows renamed entities: their flows, findings and route-matrix rows are no change', async () => {
    const json = assertValidDiff((await runCli(['diff', 'base.ppnet.yaml', 'head.ppnet.yaml', '--format', 'json'], path.join(CASES, 'entity-renamed'))).stdout);
    assert.deepEqual(json.entities.renamed.map((r) => [r.from, r.to]), [['sea-office', 'seattle'], ['gw-ams', 'gw-amsterdam']]);
    assert.deepEqual([json.summary.flowsAdded, json.summary.flowsRemoved, json.summary.cellsChanged, json.summary.entitiesAdded], [0, 0, 0, 0]);
  });

  it('--fail-on chooses what exits 1', async () => {
    const run = async (name: string, ...failOn: string[]) =>
      (await runCli(['diff', 'base.ppnet.yaml', 'head.ppnet.yaml', ...failOn.flatMap((f) => ['--fail-on', f])], path.join(CASES, name))).code;
    // gateway-moved-site moves a flow and brings no error; filter-loses-region does both.
    assert.deepEqual(await Promise.all([run('gateway-moved-site', 'moved'), run('gateway-moved-site', 'errors'), run('gateway-moved-site', 'never')]), [1, 0, 0]);
    assert.deepEqual(await Promise.all([run('filter-loses-region', 'errors'), run('filter-loses-region', 'moved', 'errors')]), [1, 1]);
    const both = await runCli(['diff', 'base.ppnet.yaml', 'head.ppnet.yaml', '--fail-on', 'never', '--fail-on', 'moved'], path.join(CASES, 'block-moved'));
    assert.deepEqual(both, { code: 2, stdout: '', stderr: 'ppnet: --fail-on never cannot go with --fail-on moved or errors\n' });
  });

  it('keeps every name in the Markdown text: tables GitHub parses into the same cells, no link, image or HTML', async () => {
    const hostile = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'routes-hostile.ppnet.yaml'), 'utf8');
    // The gateway moves to a new site without a circuit: its connector's flow takes the internet.
    const far = 'sites:\n  far:\n    name: "<img src=x> | [y](https://evil.example)"\n    internet: allowed\n';
    const moved = hostile.replace('sites:\n', far).replace('    site: hq\n    region: westeurope', '    site: far\n    region: westeurope');
    const dir = tempDir({ 'base.ppnet.yaml': hostile, 'head.ppnet.yaml': moved });
    const result = await runCli(['diff', 'base.ppnet.yaml', 'head.ppnet.yaml', '--format', 'markdown'], dir);
    assert.equal(result.code, 1);
    const tokens = new MarkdownIt({ html: true, linkify: true }).parse(result.stdout, {});
    const kinds = new Set(tokens.flatMap((t) => [t.type, ...(t.children ?? []).map((c) => c.type)]));
    for (const kind of ['html_block', 'html_inline', 'link_open', 'image', 'em_open', 'code_inline', 's_open']) {
      assert.ok(!kinds.has(kind), `${kind} in ${result.stdout}`);
    }
    // Each table row has as many cells as its header.
    let columns = 0;
    let cells = 0;
    for (const token of tokens) {
      if (token.type === 'thead_open') columns = -1;
      if (token.type === 'tr_open') cells = 0;
      if (token.type === 'th_open' || token.type === 'td_open') cells++;
      if (token.type === 'tr_close') {
        if (columns === -1) columns = cells;
        else assert.equal(cells, columns);
      }
    }
    assert.ok(columns > 0, 'a table was parsed');
    // Shown as they are written.
    const text = tokens.flatMap((t) => t.children ?? []).filter((c) => c.type === 'text').map((c) => c.content).join('');
    assert.ok(text.includes("connector:files (*bold* _em_ [link](https://evil.example) <b>x</b> `code` a|b → +cmd|' /C calc'!A0)"), text);
  });
});

describe('ppnet diff on folders', () => {
  it('pairs files by their path below each folder: added and removed files add and remove their flows and entities', async () => {
    const contoso = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.ppnet.yaml'), 'utf8');
    const small = 'version: 1\nenvironments:\n  prod:\n    region: europe\nconnectors:\n  crm:\n    type: salesforce\n    environment: prod\n';
    const dir = tempDir({ 'v1/net/contoso.ppnet.yaml': contoso, 'v1/old.ppnet.yaml': small, 'v2/net/contoso.ppnet.yaml': contoso, 'v2/new.ppnet.yml': small });
    const result = await runCli(['diff', 'v1', 'v2', '--format', 'json'], dir);
    assert.equal(result.code, 0);
    const json = assertValidDiff(result.stdout);
    assert.deepEqual(json.flows.added.map((f) => [f.file, f.id]), [[path.join('v2', 'new.ppnet.yml'), 'connector:crm']]);
    assert.deepEqual(json.flows.removed.map((f) => [f.file, f.id]), [[path.join('v2', 'old.ppnet.yaml'), 'connector:crm']]);
    assert.deepEqual(json.entities.added.map((e) => e.id), ['prod', 'crm']);
    assert.deepEqual(json.entities.removed.map((e) => e.id), ['prod', 'crm']);
  });

  it('refuses a file against a folder, standard input, and a path that does not exist', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': 'version: 1\n', 'f/b.ppnet.yaml': 'version: 1\n' });
    const cases: [string[], string][] = [
      [['diff', 'a.ppnet.yaml', 'f'], 'ppnet: diff compares two files or two folders: f is a folder, a.ppnet.yaml is not\n'],
      [['diff', '-', 'a.ppnet.yaml'], 'ppnet: diff compares files and folders: standard input (-) cannot be one side\n'],
      [['diff', 'a.ppnet.yaml', 'nope.ppnet.yaml'], 'ppnet: cannot read nope.ppnet.yaml: no such file or folder\n'],
    ];
    for (const [args, stderr] of cases) assert.deepEqual(await runCli(args, dir), { code: 2, stdout: '', stderr }, args.join(' '));
    const one = await runCli(['diff', 'a.ppnet.yaml'], dir);
    assert.equal(one.code, 2);
    assert.match(one.stderr, /^ppnet: diff needs a base and a head \(two files or two folders\), or --git <rev> and the paths to compare\n\nUsage:/);
  });
});

describe('ppnet diff --git', () => {
  const GATEWAY_CASE = path.join(CASES, 'gateway-moved-site');

  function repository(): string {
    const dir = tempDir({
      'net/contoso.ppnet.yaml': fs.readFileSync(path.join(GATEWAY_CASE, 'base.ppnet.yaml')),
      'net/old.ppnet.yaml': 'version: 1\nenvironments:\n  prod:\n    region: europe\n',
      'net/.hidden/skip.ppnet.yaml': 'version: 1\n',
      'README.md': 'not a topology\n',
    }, 'ppnet-git-');
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    // The working tree: the gateway moves, one file goes, one comes.
    fs.copyFileSync(path.join(GATEWAY_CASE, 'head.ppnet.yaml'), path.join(dir, 'net', 'contoso.ppnet.yaml'));
    fs.rmSync(path.join(dir, 'net', 'old.ppnet.yaml'));
    fs.writeFileSync(path.join(dir, 'net', 'new.ppnet.yaml'), 'version: 1\nenvironments:\n  dev:\n    region: westeurope\n');
    return dir;
  }

  it('reads the base from the commit at the same paths, from the root or from a folder below it', async () => {
    const dir = repository();
    const fromRoot = await runCli(['diff', '--git', 'HEAD', 'net', '--format', 'json'], dir);
    assert.equal(fromRoot.code, 1, fromRoot.stderr);
    const json = assertValidDiff(fromRoot.stdout);
    assert.deepEqual(json.flows.moved.map((m) => m.id), ['connector:erp-sql']);
    assert.deepEqual(json.findings.appeared.map((f) => [f.file, f.code]), [[path.join('net', 'new.ppnet.yaml'), 'unknown-region']]);
    assert.deepEqual(json.entities.removed.map((e) => [e.file, e.id]), [[path.join('net', 'old.ppnet.yaml'), 'prod']]);
    assert.deepEqual(json.entities.added.map((e) => [e.file, e.id]), [[path.join('net', 'new.ppnet.yaml'), 'dev']]);
    assert.equal(JSON.parse(fromRoot.stdout).base, 'HEAD');

    // From inside the folder, naming it `.`: the same comparison.
    const inside = await runCli(['diff', '--git', 'HEAD', '.', '--format', 'json'], path.join(dir, 'net'));
    assert.deepEqual(JSON.parse(inside.stdout).summary, json.summary);

    // One file: compared with the same file in the commit, as the pair's text diff is.
    const file = await runCli(['diff', '--git=HEAD', path.join('net', 'contoso.ppnet.yaml')], dir);
    const pair = await runCli(['diff', 'base.ppnet.yaml', 'head.ppnet.yaml'], GATEWAY_CASE);
    assert.equal(file.stdout, pair.stdout.replace('ppnet diff: base.ppnet.yaml → head.ppnet.yaml', 'ppnet diff: HEAD → the working tree').replaceAll('head.ppnet.yaml', path.join('net', 'contoso.ppnet.yaml')));
  });

  it('says in one line what is wrong with the revision or the repository', async () => {
    const dir = repository();
    const outside = tempDir({ 'a.ppnet.yaml': 'version: 1\n' }, 'ppnet-nogit-');
    const root = git(dir, 'rev-parse', '--show-toplevel').trim();
    const cases: [string[], string, RegExp][] = [
      [['diff', '--git', 'no-such-branch', 'net'], dir, new RegExp(`^ppnet: --git: no commit "no-such-branch" in the repository at ${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n$`)],
      [['diff', '--git=--output=x', 'net'], dir, /^ppnet: --git needs a revision \(a branch, tag or commit\), not "--output=x"\n$/],
      [['diff', '--git', 'HEAD', 'nowhere'], dir, /^ppnet: cannot read nowhere: no such file or folder, here or at HEAD\n$/],
      [['diff', '--git', 'HEAD', 'a.ppnet.yaml'], outside, /^ppnet: --git: a\.ppnet\.yaml is not in a git repository \(fatal: not a git repository/],
    ];
    for (const [args, cwd, stderr] of cases) {
      const result = await runCli(args, cwd);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, stderr);
    }
    assert.ok(!fs.existsSync(path.join(dir, 'x')), 'no file written by git');
  });
});
