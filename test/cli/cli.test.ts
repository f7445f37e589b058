/** The command line: formats, exit codes, folders, config files, and SARIF against the 2.1.0 schema. */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import { ROOT, runCli, tempDir } from '../support';

const cli = runCli;

const BAD = `version: 1
environments:
  prod:
    region: westeurope
`;
const WARN_ONLY = `version: 1
environments:
  prod:
    region: europe
    colour: blue
`;
const GOOD = `version: 1
environments:
  prod:
    region: europe
`;

describe('ppnet check', () => {
  it('prints compiler-style text and exits 1 when an error is found', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': BAD });
    const result = await cli(['check', 'a.ppnet.yaml'], dir);
    assert.equal(result.code, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^a\.ppnet\.yaml:4:13: error unknown-region: "westeurope" is an Azure region \(West Europe\), .* did you mean europe\?$/);
    assert.equal(lines[1], '1 errors, 0 warnings, 0 infos, 0 hints in 1 file');
  });

  it('exits 0 when there are only warnings, and 0 on a clean file', async () => {
    const dir = tempDir({ 'w.ppnet.yaml': WARN_ONLY, 'g.ppnet.yml': GOOD });
    assert.equal((await cli(['check', 'w.ppnet.yaml'], dir)).code, 0);
    const clean = await cli(['check', 'g.ppnet.yml'], dir);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, '0 errors, 0 warnings, 0 infos, 0 hints in 1 file\n');
  });

  it('prints the JSON array of the spec', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': BAD });
    const result = await cli(['check', '--format', 'json', 'a.ppnet.yaml'], dir);
    assert.equal(result.code, 1);
    const rows = JSON.parse(result.stdout);
    assert.deepEqual(
      rows.map((r: { file: string; code: string; severity: string; range: unknown }) => ({ file: r.file, code: r.code, severity: r.severity, range: r.range })),
      [{ file: 'a.ppnet.yaml', code: 'unknown-region', severity: 'error', range: { start: { line: 3, character: 12 }, end: { line: 3, character: 22 } } }],
    );
    assert.deepEqual(Object.keys(rows[0]).sort(), ['code', 'file', 'message', 'range', 'severity']);
  });

  it('walks folders for *.ppnet.yaml and *.ppnet.yml only', async () => {
    const dir = tempDir({ 'one/a.ppnet.yaml': BAD, 'one/two/b.ppnet.yml': BAD, 'one/c.yaml': BAD, 'node_modules/d.ppnet.yaml': BAD });
    const rows = JSON.parse((await cli(['check', '--format=json', 'one'], dir)).stdout) as { file: string }[];
    assert.deepEqual(rows.map((r) => r.file), [path.join('one', 'a.ppnet.yaml'), path.join('one', 'two', 'b.ppnet.yml')]);
  });

  it('exits 2 on bad usage and a missing file; a file that is not UTF-8 is an error in it (exit 1)', async () => {
    const dir = tempDir({ 'bin.ppnet.yaml': Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]) });
    assert.equal((await cli([])).code, 2);
    assert.match((await cli(['check'])).stderr, /check needs at least one file or folder/);
    assert.match((await cli(['check', '--format', 'xml', 'x'])).stderr, /--format must be text, json, sarif, junit, gitlab or github, not "xml"/);
    assert.match((await cli(['lint', 'x'])).stderr, /unknown command lint/);
    const missing = await cli(['check', 'nope.ppnet.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.ppnet\.yaml: no such file or folder/);
    const binary = await cli(['check', 'bin.ppnet.yaml'], dir);
    assert.equal(binary.code, 1);
    assert.equal(binary.stderr, '');
    assert.equal(
      binary.stdout,
      'bin.ppnet.yaml:1:1: error yaml-syntax: UTF-16 text (little-endian, with byte order mark): ppnet reads topology files as UTF-8 only. ' +
        'Save it as UTF-8, for example with "iconv -f UTF-16 -t UTF-8", or in VS Code with Reopen with Encoding (UTF-16 LE) and then Save with Encoding (UTF-8).\n' +
        '1 errors, 0 warnings, 0 infos, 0 hints in 1 file\n',
    );
  });

  it('YAML that does not parse is an error: exit 1', async () => {
    const dir = tempDir({ 'broken.ppnet.yaml': 'version: 1\nenvironments:\n  prod: [\n' });
    const result = await cli(['check', '--format', 'json', 'broken.ppnet.yaml'], dir);
    assert.equal(result.code, 1);
    assert.ok(JSON.parse(result.stdout).some((r: { code: string }) => r.code === 'yaml-syntax'));
  });

  it('applies the nearest ppnet.config.yaml and reports its own problems', async () => {
    const dir = tempDir({
      'ppnet.config.yaml': 'rules:\n  unknown-region: warning\n  unknown-key: off\n  no-such-rule: error\n',
      'sub/a.ppnet.yaml': BAD.replace('region: westeurope', 'region: westeurope\n    colour: blue'),
    });
    const result = await cli(['check', '--format', 'json', 'sub'], dir);
    assert.equal(result.code, 0, 'unknown-region is lowered to a warning and the unknown code is a warning');
    const rows = JSON.parse(result.stdout) as { file: string; code: string; severity: string; message: string }[];
    assert.deepEqual(
      rows.map((r) => [r.file, r.code, r.severity]),
      [
        ['ppnet.config.yaml', 'unknown-rule-code', 'warning'],
        [path.join('sub', 'a.ppnet.yaml'), 'unknown-region', 'warning'],
      ],
    );
  });

  it('the bin script sets the process exit code', () => {
    const dir = tempDir({ 'a.ppnet.yaml': BAD });
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), 'check', 'a.ppnet.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /unknown-region/);
  });
});

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } };
    results: { ruleIndex: number; level: string; locations: { physicalLocation: unknown }[] }[];
  }[];
}

describe('ppnet check --format sarif', () => {
  it('is valid SARIF 2.1.0 with rule metadata and help links', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': BAD });
    const result = await cli(['check', '--format', 'sarif', 'a.ppnet.yaml'], dir);
    assert.equal(result.code, 1);
    const log = JSON.parse(result.stdout) as SarifLog;
    const schemaText = fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8');
    const schema = JSON.parse(schemaText.replace(/^\uFEFF/, ''));
    const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run0 = log.runs[0];
    const rule = run0.tool.driver.rules[run0.results[0].ruleIndex];
    assert.equal(rule.id, 'unknown-region');
    assert.equal(rule.helpUri, 'https://learn.microsoft.com/power-automate/regions-overview');
    assert.equal(rule.defaultConfiguration.level, 'error');
    assert.deepEqual(run0.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'a.ppnet.yaml', uriBaseId: 'SRCROOT' },
      region: { startLine: 4, startColumn: 13, endLine: 4, endColumn: 23 },
    });
    assert.equal(run0.results[0].level, 'error');
  });
});
