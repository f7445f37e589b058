/**
 * `ppnet import` end to end: Contoso's and Northwind's estates, exported in every documented shape,
 * imported with their maps give topologies that `ppnet check` checks as the hand-written examples
 * (the same codes), equal to the expected files (`UPDATE_BASELINES=1` writes them again: review the
 * diff); the same topology for the inputs in any order, from standard input, and twice; findings on
 * standard error as `ppnet check` prints them, the JSON array checked by ajv; exit codes; `-o` never
 * over an input.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { ROOT, runCli, tempDir } from '../support';

const UPDATE = process.env.UPDATE_BASELINES === '1';
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'deployed');

/** Compares with an expected file, or writes it under UPDATE_BASELINES=1. */
function assertBaseline(file: string, actual: string): void {
  if (UPDATE) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${path.relative(ROOT, file)} (UPDATE_BASELINES=1 writes it again)`);
}

async function checkCodes(file: string): Promise<string[]> {
  const { stdout } = await runCli(['check', file, '--format', 'json']);
  return (JSON.parse(stdout) as { code: string }[]).map((f) => f.code).sort();
}

const ESTATES = [
  { name: 'contoso', example: 'examples/contoso.ppnet.yaml' },
  { name: 'northwind', example: 'examples/northwind-vnet.ppnet.yaml' },
];

const FINDINGS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['file', 'code', 'severity', 'message', 'range'],
    properties: {
      file: { type: 'string' },
      code: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
      severity: { enum: ['error', 'warning', 'info', 'hint'] },
      message: { type: 'string', pattern: '^[^\\n]+$' },
      range: {
        type: 'object',
        required: ['start', 'end'],
        properties: {
          start: { type: 'object', required: ['line', 'character'], properties: { line: { type: 'integer', minimum: 0 }, character: { type: 'integer', minimum: 0 } } },
          end: { type: 'object', required: ['line', 'character'], properties: { line: { type: 'integer', minimum: 0 }, character: { type: 'integer', minimum: 0 } } },
        },
      },
    },
  },
};
const validateFindings = new Ajv({ allErrors: true }).compile(FINDINGS_SCHEMA);

function jsonFindings(stderr: string): { file: string; code: string; severity: string; message: string; range: unknown }[] {
  const findings: unknown = JSON.parse(stderr);
  assert.ok(validateFindings(findings), JSON.stringify(validateFindings.errors));
  return findings as { file: string; code: string; severity: string; message: string; range: unknown }[];
}

describe('ppnet import of the examples\' estates', () => {
  for (const { name, example } of ESTATES) {
    const folder = path.join(FIXTURES, name);
    const map = path.join(folder, `${name}.map.yaml`);
    const expected = path.join(folder, `${name}.expected.ppnet.yaml`);

    it(`${name}: with its map, the expected topology, which checks as ${example} does`, async () => {
      const { code, stdout, stderr } = await runCli(['import', folder, '--map', map]);
      assert.equal(stderr, '');
      assert.equal(code, 0);
      assertBaseline(expected, stdout);
      assert.ok(parse(stdout).circuits, 'YAML with circuits');
      assert.deepEqual(await checkCodes(expected), await checkCodes(path.join(ROOT, example)));
    });

    it(`${name}: the inputs in any order, named one by one, give the same topology`, async () => {
      const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => path.join(folder, f));
      const forward = await runCli(['import', ...files, '--map', map]);
      const backward = await runCli(['import', ...[...files].reverse(), '--map', map]);
      const rotated = await runCli(['import', ...files.slice(2), ...files.slice(0, 2), '--map', map]);
      assert.equal(forward.stdout, fs.readFileSync(expected, 'utf8'));
      assert.equal(backward.stdout, forward.stdout);
      assert.equal(rotated.stdout, forward.stdout);
    });

    it(`${name}: without a map, TODO lines where no export holds a key`, async () => {
      const { code, stdout } = await runCli(['import', folder]);
      assert.equal(code, 0);
      assertBaseline(path.join(folder, `${name}.nomap.expected.yaml`), stdout);
      assert.ok(stdout.includes('# TODO site: the id of the site this circuit starts at'));
    });
  }

  it('the same input twice gives the same file, and one file given twice is read once', async () => {
    const folder = path.join(FIXTURES, 'contoso');
    const once = await runCli(['import', folder]);
    const twice = await runCli(['import', folder, folder, path.join(folder, 'route-filters.json')]);
    assert.equal(twice.stdout, once.stdout);
    assert.equal(twice.stderr, once.stderr);
  });

  it('reads an export from standard input', () => {
    const input = fs.readFileSync(path.join(FIXTURES, 'northwind', 'environments.json'));
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), 'import', '-'], { input, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        '# Written by ppnet import from what Azure and Power Platform export. A "TODO" line names a key that no',
        '# export holds: write it here, or in the map (ppnet import --map), and import again.',
        'version: 1',
        '',
        'environments:',
        '  northwind-production:',
        '    name: Northwind Production',
        '    region: europe',
        '    type: production',
        '    managed: true',
        '    # TODO enterprisePolicy: the id of enterprise policy ep-eu, which the inputs hold no enterprise policies for (add the policies\' export: the az graph query of the README, or Get-AzResource -ExpandProperties)',
        '    azureId: e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
        '  northwind-test:',
        '    name: Northwind Test',
        '    region: europe',
        '    type: sandbox',
        '    managed: true',
        '    # TODO enterprisePolicy: the id of enterprise policy ep-eu, which the inputs hold no enterprise policies for (add the policies\' export: the az graph query of the README, or Get-AzResource -ExpandProperties)',
        '    azureId: f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b6c',
        '',
      ].join('\n'),
    );
  });
});

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net/providers/Microsoft.Network';

/** A circuit in az's flattened shape with a Microsoft peering. */
function circuit(name: string, overrides: { provisioning?: string; state?: string; prefixesState?: string; filter?: string | null } = {}): object {
  return {
    id: `${SUB}/expressRouteCircuits/${name}`,
    name,
    type: 'Microsoft.Network/expressRouteCircuits',
    location: 'westeurope',
    sku: { name: 'Standard_MeteredData', tier: 'Standard', family: 'MeteredData' },
    serviceProviderProperties: { serviceProviderName: 'Equinix', peeringLocation: 'Amsterdam', bandwidthInMbps: 200 },
    serviceProviderProvisioningState: overrides.provisioning ?? 'Provisioned',
    peerings: [
      {
        id: `${SUB}/expressRouteCircuits/${name}/peerings/MicrosoftPeering`,
        name: 'MicrosoftPeering',
        peeringType: 'MicrosoftPeering',
        state: overrides.state ?? 'Enabled',
        microsoftPeeringConfig: { advertisedPublicPrefixes: ['203.0.113.8/29'], advertisedPublicPrefixesState: overrides.prefixesState ?? 'Configured' },
        routeFilter: overrides.filter === null ? null : { id: `${SUB}/routeFilters/${overrides.filter ?? 'rf'}` },
      },
    ],
  };
}

const FILTERS = [
  { id: `${SUB}/routeFilters/rf`, name: 'rf', location: 'westeurope', rules: [{ name: 'eu', access: 'Allow', communities: ['12076:51002'] }] },
  { id: `${SUB}/routeFilters/rf-empty`, name: 'rf-empty', location: 'westeurope', rules: [] },
];

describe('ppnet import: findings and exit codes', () => {
  it('a deployment with what only a deployment can get wrong: an error per issue on the circuit\'s id, exit 1', async () => {
    const dir = tempDir({
      'circuits.json': JSON.stringify([
        circuit('er-a', { provisioning: 'NotProvisioned' }),
        circuit('er-b', { state: 'Disabled' }),
        circuit('er-c', { prefixesState: 'ValidationNeeded' }),
        circuit('er-d', { filter: null }),
        circuit('er-e', { filter: 'rf-empty' }),
      ]),
      'filters.json': JSON.stringify(FILTERS),
    });
    const { code, stdout, stderr } = await runCli(['import', '.', '--format', 'json', '-o', 'out.ppnet.yaml'], dir);
    assert.equal(stdout, '');
    assert.equal(code, 1);
    const written = fs.readFileSync(path.join(dir, 'out.ppnet.yaml'), 'utf8').split('\n');
    const findings = jsonFindings(stderr);
    const lineOf = (id: string) => written.indexOf(`  ${id}:`);
    assert.deepEqual(
      findings.map((f) => [f.file, f.code, f.severity, f.range]),
      [
        ['out.ppnet.yaml', 'circuit-not-provisioned', 'error', { start: { line: lineOf('er-a'), character: 2 }, end: { line: lineOf('er-a'), character: 6 } }],
        ['out.ppnet.yaml', 'peering-disabled', 'error', { start: { line: lineOf('er-b'), character: 2 }, end: { line: lineOf('er-b'), character: 6 } }],
        ['out.ppnet.yaml', 'prefix-validation-pending', 'warning', { start: { line: lineOf('er-c'), character: 2 }, end: { line: lineOf('er-c'), character: 6 } }],
        ['out.ppnet.yaml', 'route-filter-no-allow', 'error', { start: { line: lineOf('er-d'), character: 2 }, end: { line: lineOf('er-d'), character: 6 } }],
        ['out.ppnet.yaml', 'route-filter-no-allow', 'error', { start: { line: lineOf('er-e'), character: 2 }, end: { line: lineOf('er-e'), character: 6 } }],
      ],
    );
    assert.equal(
      findings[2].message,
      'Circuit er-c: Microsoft has not validated the advertised prefixes 203.0.113.8/29 (advertisedPublicPrefixesState is ValidationNeeded), so it advertises no routes for them yet. Open a support request with documents that show the prefixes are assigned to you, as the routing registry does not.',
    );
    assert.equal(
      findings[4].message,
      'Circuit er-e: route filter rf-empty on its Microsoft peering has no Allow rule with a community, so Microsoft advertises no prefixes over it. Add a rule that allows the communities of the regions and services the environments use.',
    );
  });

  it('text findings as ppnet check prints them; an unreadable input is exit 2 and the others are still imported', async () => {
    const dir = tempDir({ 'a-circuits.json': JSON.stringify([circuit('er-a')]), 'b-filters.json': JSON.stringify(FILTERS), 'c-broken.json': 'ERROR: (AuthorizationFailed) The client does not have authorization.\n' });
    const { code, stdout, stderr } = await runCli(['import', '.'], dir);
    assert.equal(code, 2);
    assert.ok(stdout.includes('  er-a:\n'));
    assert.equal(
      stderr,
      'c-broken.json:1:1: error import-unreadable: c-broken.json is not read: it is not JSON: it starts with "ERROR: (AuthorizationFailed) The client does not have authorization." (the command that wrote it failed: run it again and check its output).\n' +
        '1 errors, 0 warnings, 0 infos, 0 hints in 1 file (1 not read or not checked)\n',
    );
  });

  it('a Basic SKU has no value in the format: a TODO line and an info on the circuit, exit 0', async () => {
    const basic = { ...circuit('er-basic'), sku: { name: 'Basic_MeteredData', tier: 'Basic', family: 'MeteredData' } };
    const dir = tempDir({ 'c.json': JSON.stringify([basic]), 'f.json': JSON.stringify(FILTERS) });
    const { code, stdout, stderr } = await runCli(['import', '.'], dir);
    assert.equal(code, 0);
    assert.ok(stdout.includes("    # TODO sku: standard, premium or local: the circuit's tier is Basic, which the format has no value for\n"));
    const line = stdout.split('\n').indexOf('  er-basic:') + 1;
    assert.equal(
      stderr,
      `<stdout>:${line}:3: info import-value-unmapped: Circuit er-basic: the circuit's SKU tier is Basic, which ppnet's format has no value for (standard, premium or local): sku is left out, so ppnet checks the circuit as the default standard one and does not check what it reaches.\n` +
        '0 errors, 0 warnings, 1 infos, 0 hints in 1 file\n',
    );
  });

  it('no *.json in a folder is bad usage', async () => {
    const dir = tempDir({ 'notes.txt': 'x' });
    const { code, stderr } = await runCli(['import', '.'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /^ppnet: no \*\.json file in \./);
  });

  it('never writes over an input, under any name', async () => {
    const dir = tempDir({ 'circuits.json': JSON.stringify([circuit('er-a')]), 'filters.json': JSON.stringify(FILTERS), 'map.yaml': 'circuits: {}\n' });
    fs.symlinkSync(path.join(dir, 'circuits.json'), path.join(dir, 'link.yaml'));
    for (const output of ['circuits.json', 'link.yaml', 'map.yaml']) {
      const before = fs.readFileSync(path.join(dir, output === 'link.yaml' ? 'circuits.json' : output), 'utf8');
      const { code, stderr } = await runCli(['import', 'circuits.json', 'filters.json', '--map', 'map.yaml', '-o', output], dir);
      assert.equal(code, 2, output);
      assert.match(stderr, /^ppnet: will not write to /);
      assert.equal(fs.readFileSync(path.join(dir, output === 'link.yaml' ? 'circuits.json' : output), 'utf8'), before);
    }
  });

  it('--help names the command, its map and its exit codes', async () => {
    const { code, stdout } = await runCli(['import', '--help']);
    assert.equal(code, 0);
    assert.ok(stdout.startsWith('Usage:\n  ppnet import <file|folder|->... [--map <file>] [-o out] [--format text|json]\n'));
  });
});
