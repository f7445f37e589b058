/**
 * The formats CI systems read, each checked by its real validator: JUnit against Ant's JUnit XSD with
 * xmllint, GitLab's Code Quality report against its documented fields with ajv, SARIF against the
 * 2.1.0 schema; GitHub's workflow commands by their escaping. Fingerprints are unique and survive lines
 * moving; several reports come from one run; `--config` names the config.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { checkFiles, collectFiles, FileResult } from '../../server/src/cli/check';
import { createRunContext } from '../../server/src/cli/command';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';
import { formatJunit } from '../../server/src/cli/formats/junit';
import { sarifWarnings } from '../../server/src/cli/formats/sarif';
import { ROOT, runCli, tempDir } from '../support';

const JUNIT_XSD = path.join(ROOT, 'test', 'fixtures', 'ci', 'junit.xsd');
const GITLAB_SCHEMA = path.join(ROOT, 'test', 'fixtures', 'ci', 'gitlab-code-quality.schema.json');

const TWO_FINDINGS = `version: 1
environments:
  prod:
    region: westeurope
sites:
  lonely:
    internet: allowed
`;
const CLEAN = `version: 1
environments:
  prod:
    region: europe
`;

/** `xmllint --schema`: the exit code and what it said. */
function xmllintSchema(xsd: string, file: string): { status: number | null; stderr: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  assert.ok(!result.error, `xmllint is needed (Debian: apt-get install libxml2-utils): ${result.error?.message}`);
  return { status: result.status, stderr: result.stderr };
}

function checkIn(dir: string, ...inputs: string[]): FileResult[] {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return checkFiles(collectFiles(inputs), createRunContext({ out: () => undefined, err: () => undefined })).results;
  } finally {
    process.chdir(previous);
  }
}

interface SarifResult {
  ruleId: string;
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { region: { startLine: number } } }[];
}
interface GitlabIssue {
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; positions: { begin: { line: number } } };
}

describe('ppnet check --format junit', () => {
  it('writes a test suite per file and a failure per finding, hints included, that the JUnit XSD accepts', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': TWO_FINDINGS, 'clean.ppnet.yaml': CLEAN, 'odd <&"name">.ppnet.yaml': TWO_FINDINGS });
    const result = await runCli(['check', '.', '--format', 'junit', '-o', 'report.xml'], dir);
    assert.deepEqual([result.code, result.stdout, result.stderr], [1, '', '']);
    const validation = xmllintSchema(JUNIT_XSD, path.join(dir, 'report.xml'));
    assert.equal(validation.status, 0, validation.stderr);
    assert.match(validation.stderr, /report\.xml validates/);
  });

  it('prints exactly this for a file with an error and a hint and a clean file', () => {
    const dir = tempDir({ 'a.ppnet.yaml': TWO_FINDINGS, 'clean.ppnet.yaml': CLEAN });
    const xml = formatJunit(checkIn(dir, 'a.ppnet.yaml', 'clean.ppnet.yaml'), { tool: 'check', now: new Date('2025-03-04T05:06:07.890Z'), hostname: 'ci-runner' });
    const region =
      '"westeurope" is an Azure region (West Europe), but the region of environment prod is a Power Platform region: a geography whose scale groups run in a pair of Azure datacenter regions. West Europe belongs to Europe: did you mean europe?';
    const unused =
      'Site lonely is named by no circuit, gateway or desktop flow, so no route starts there and nothing about it is checked. Name it with site: lonely where its circuits, gateways or desktop-flow machines are, or remove it.';
    const attr = (text: string) => text.replace(/"/g, '&quot;');
    assert.equal(
      xml,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites>',
        '  <testsuite package="ppnet.check" id="0" name="a.ppnet.yaml" timestamp="2025-03-04T05:06:07" hostname="ci-runner" tests="2" failures="2" errors="0" time="0">',
        '    <properties/>',
        '    <testcase name="unknown-region at 4:13" classname="a.ppnet.yaml" time="0">',
        `      <failure message="${attr(region)}" type="error">a.ppnet.yaml:4:13: error unknown-region: ${attr(region)}`,
        'Rule: https://learn.microsoft.com/power-automate/regions-overview</failure>',
        '    </testcase>',
        '    <testcase name="unused-entity at 6:3" classname="a.ppnet.yaml" time="0">',
        `      <failure message="${unused}" type="hint">a.ppnet.yaml:6:3: hint unused-entity: ${unused}`,
        'Rule: https://learn.microsoft.com/power-platform/guidance/expressroute/understanding-architecture</failure>',
        '    </testcase>',
        '    <system-out/>',
        '    <system-err/>',
        '  </testsuite>',
        '  <testsuite package="ppnet.check" id="1" name="clean.ppnet.yaml" timestamp="2025-03-04T05:06:07" hostname="ci-runner" tests="1" failures="0" errors="0" time="0">',
        '    <properties/>',
        '    <testcase name="ppnet check" classname="clean.ppnet.yaml" time="0"/>',
        '    <system-out/>',
        '    <system-err/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});

describe('ppnet check --format gitlab', () => {
  it("is GitLab's Code Quality report: documented fields, GitLab's severities, unique fingerprints, relative paths", async () => {
    const dir = tempDir({ 'net/a.ppnet.yaml': TWO_FINDINGS, 'net/b.ppnet.yaml': TWO_FINDINGS + '  lonely2:\n    internet: allowed\n' });
    const result = await runCli(['check', path.join(dir, 'net'), '--format', 'gitlab'], dir);
    assert.equal(result.code, 1);
    const issues = JSON.parse(result.stdout) as GitlabIssue[];
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(GITLAB_SCHEMA, 'utf8')));
    assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(
      issues.map((i) => [i.location.path, i.check_name, i.severity, i.location.positions.begin.line]),
      [
        ['net/a.ppnet.yaml', 'unknown-region', 'major', 4],
        ['net/a.ppnet.yaml', 'unused-entity', 'info', 6],
        ['net/b.ppnet.yaml', 'unknown-region', 'major', 4],
        ['net/b.ppnet.yaml', 'unused-entity', 'info', 6],
        ['net/b.ppnet.yaml', 'unused-entity', 'info', 8],
      ],
    );
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'every fingerprint is unique');
    assert.ok(!result.stdout.startsWith('\uFEFF'), 'GitLab refuses a byte order mark');
  });

  it('has the fingerprints SARIF has, and keeps them when lines are added and blocks move', async () => {
    const moved = `# a comment and a blank line above everything

version: 1
sites:
  lonely:
    internet: allowed
environments:
  prod:
    region: westeurope
`;
    const dir = tempDir({ 'before/a.ppnet.yaml': TWO_FINDINGS, 'after/a.ppnet.yaml': moved });
    const report = async (folder: string) => {
      const gitlab = JSON.parse((await runCli(['check', 'a.ppnet.yaml', '--format', 'gitlab'], path.join(dir, folder))).stdout) as GitlabIssue[];
      const sarif = JSON.parse((await runCli(['check', 'a.ppnet.yaml', '--format', 'sarif'], path.join(dir, folder))).stdout);
      const results = sarif.runs[0].results as SarifResult[];
      assert.deepEqual(
        results.map((r) => [r.ruleId, r.partialFingerprints['ppnet/v1']]),
        gitlab.map((i) => [i.check_name, i.fingerprint]),
      );
      return new Map(gitlab.map((i) => [i.check_name, { fingerprint: i.fingerprint, line: i.location.positions.begin.line }]));
    };
    const before = await report('before');
    const after = await report('after');
    assert.deepEqual([before.get('unknown-region')!.line, after.get('unknown-region')!.line], [4, 9], 'the lines moved');
    for (const code of ['unknown-region', 'unused-entity']) assert.equal(after.get(code)!.fingerprint, before.get(code)!.fingerprint, code);
  });

  it('tells apart two findings on the same text of the same entity', async () => {
    const twice = `version: 1
environments:
  prod:
    region: europe
circuits:
  er:
    peeringLocation: Amsterdam
    region: europe
    environments: [prod]
    microsoftPeering:
      advertisedPrefixes: [203.0.113.0/29]
      routeFilter: [West Europe, North Europe, West Europe, West Europe]
`;
    const dir = tempDir({ 'a.ppnet.yaml': twice });
    const issues = JSON.parse((await runCli(['check', 'a.ppnet.yaml', '--format', 'gitlab'], dir)).stdout) as GitlabIssue[];
    const duplicates = issues.filter((i) => i.check_name === 'route-filter-duplicate');
    assert.equal(duplicates.length, 2);
    assert.notEqual(duplicates[0].fingerprint, duplicates[1].fingerprint);
  });
});

describe('ppnet check --format github', () => {
  it("escapes as GitHub's toolkit does: % CR LF in the message, and : , in the properties too", () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir:one,two%\n'), 'dir%3Aone%2Ctwo%25%0A');
  });

  it('writes an annotation with end line and column per finding, its file name escaped, then the count', async () => {
    const name = 'net: 100%, a.ppnet.yaml';
    const dir = tempDir({ [name]: TWO_FINDINGS });
    const result = await runCli(['check', name, '--format', 'github'], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(result.stdout.split('\n'), [
      '::error file=net%3A 100%25%2C a.ppnet.yaml,line=4,endLine=4,col=13,endColumn=23,title=ppnet unknown-region::"westeurope" is an Azure region (West Europe), but the region of environment prod is a Power Platform region: a geography whose scale groups run in a pair of Azure datacenter regions. West Europe belongs to Europe: did you mean europe?',
      '::notice file=net%3A 100%25%2C a.ppnet.yaml,line=6,endLine=6,col=3,endColumn=9,title=ppnet unused-entity::Site lonely is named by no circuit, gateway or desktop flow, so no route starts there and nothing about it is checked. Name it with site: lonely where its circuits, gateways or desktop-flow machines are, or remove it.',
      '1 errors, 0 warnings, 0 infos, 1 hints in 1 file',
      '',
    ]);
  });

  it('keeps a line break in a message inside its annotation', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': 'version: 1\nenvironments:\n  prod:\n    region: "west\\r\\neurope 100%"\n' });
    const lines = (await runCli(['check', 'a.ppnet.yaml', '--format', 'github'], dir)).stdout.split('\n');
    assert.equal(lines.length, 3, 'one annotation and the count');
    assert.match(lines[0], /^::error file=a\.ppnet\.yaml,line=4,.*::.*"west\\x0D%0Aeurope 100%25"/);
  });
});

describe('ppnet check --format sarif, for code scanning', () => {
  it('has a fingerprint per result, the automation id, and stays valid SARIF 2.1.0', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': TWO_FINDINGS });
    const log = JSON.parse((await runCli(['check', 'a.ppnet.yaml', '--format', 'sarif'], dir)).stdout) as { runs: { automationDetails: object; results: SarifResult[] }[] };
    const schemaText = fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8');
    const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(schemaText.replace(/^\uFEFF/, '')));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(log.runs[0].automationDetails, { id: 'ppnet/check/' });
    const fingerprints = log.runs[0].results.map((r) => r.partialFingerprints['ppnet/v1']);
    assert.equal(fingerprints.length, 2);
    assert.ok(fingerprints.every((f) => /^[0-9a-f]{32}$/.test(f)));
    assert.notEqual(fingerprints[0], fingerprints[1]);
  });

  it('warns on standard error when a run passes the 5,000 results GitHub shows', async () => {
    const manyKeys = (n: number) => `version: 1\nenvironments:\n  prod:\n    region: europe\n${Array.from({ length: n }, (_, i) => `    k${i}: 1\n`).join('')}`;
    // ppnet lists 1,000 findings of a code per file (and a line for the rest): 5 files make 5,005.
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.ppnet.yaml`, manyKeys(1001)]));
    const dir = tempDir(files);
    const result = await runCli(['check', '.', '--format', 'sarif', '-o', 'out.sarif', '--format', 'text', '-o', 'out.txt'], dir);
    assert.equal(result.code, 0);
    assert.equal(
      result.stderr,
      'ppnet: the SARIF report holds 5005 results; GitHub code scanning shows 5,000 of a run (the most severe first): check fewer files per run, or turn rules off in ppnet.config.yaml\n',
    );
    assert.deepEqual(sarifWarnings(checkIn(dir, 'f0.ppnet.yaml')), []);
  });
});

describe('several reports from one run', () => {
  it('writes each --format to the -o after it and prints the one without', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': TWO_FINDINGS });
    const result = await runCli(['check', '-o', 'first.json', '--format', 'json', 'a.ppnet.yaml', '--format', 'sarif', '-o', 'b.sarif', '--format', 'github', '--format=junit', '--output=c.xml'], dir);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^::error file=a\.ppnet\.yaml,/);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'first.json'), 'utf8')).length, 2);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'b.sarif'), 'utf8')).runs[0].results.length, 2);
    assert.equal(xmllintSchema(JUNIT_XSD, path.join(dir, 'c.xml')).status, 0);
  });

  it('refuses two reports on standard output, two files for one report and one file for two, before checking', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': TWO_FINDINGS });
    const cases: [string[], string][] = [
      [['--format', 'json', '--format', 'sarif'], 'ppnet: --format json and --format sarif would all go to standard output: give all but one of them an -o file\n'],
      [['--format', 'json', '-o', 'a.json', '-o', 'b.json'], 'ppnet: --format json has two -o files, a.json and b.json: give it one\n'],
      [['--format', 'json', '-o', 'x', '--format', 'sarif', '-o', './x'], 'ppnet: --format json and --format sarif would both write ./x: give each its own -o file\n'],
      [['-o', 'a', '-o', 'b', '--format', 'json'], 'ppnet: two -o files before any --format, a and b: put each after its --format\n'],
    ];
    for (const [options, stderr] of cases) {
      const result = await runCli(['check', 'a.ppnet.yaml', ...options], dir);
      assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', stderr], options.join(' '));
    }
    assert.deepEqual(fs.readdirSync(dir), ['a.ppnet.yaml'], 'nothing written');
  });

  it('writes none of the reports when one of them would overwrite a file the run reads', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': TWO_FINDINGS });
    const result = await runCli(['check', 'a.ppnet.yaml', '--format', 'sarif', '-o', 'ok.sarif', '--format', 'json', '-o', 'a.ppnet.yaml'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^ppnet: will not write to a\.ppnet\.yaml: it is an input/);
    assert.deepEqual(fs.readdirSync(dir), ['a.ppnet.yaml']);
    assert.equal(fs.readFileSync(path.join(dir, 'a.ppnet.yaml'), 'utf8'), TWO_FINDINGS);
  });
});

describe('ppnet check --config', () => {
  it('checks every file with the config named instead of the nearest one', async () => {
    const dir = tempDir({
      'ppnet.config.yaml': 'rules:\n  unknown-region: warning\n',
      'lint/strict.yaml': 'rules:\n  unused-entity: error\n',
      'net/a.ppnet.yaml': TWO_FINDINGS,
    });
    const nearest = JSON.parse((await runCli(['check', 'net', '--format', 'json'], dir)).stdout) as { code: string; severity: string }[];
    assert.deepEqual(nearest.map((f) => [f.code, f.severity]), [['unknown-region', 'warning'], ['unused-entity', 'hint']]);
    const named = await runCli(['check', 'net', '--format', 'json', '--config', 'lint/strict.yaml'], dir);
    assert.equal(named.code, 1);
    assert.deepEqual((JSON.parse(named.stdout) as { code: string; severity: string }[]).map((f) => [f.code, f.severity]), [['unknown-region', 'error'], ['unused-entity', 'error']]);
  });

  it('stops with one line when the config named does not exist', async () => {
    const dir = tempDir({ 'a.ppnet.yaml': TWO_FINDINGS });
    assert.deepEqual(await runCli(['check', 'a.ppnet.yaml', '--config', 'nope.yaml'], dir), { code: 2, stdout: '', stderr: 'ppnet: cannot read nope.yaml: no such file or folder\n' });
  });
});
