/** The map of `ppnet import --map`: its schema (valid JSON Schema, every example map valid by it), its findings and how its entries are matched. */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseImportMap } from '../../server/src/service';
import { ROOT, runCli, tempDir } from '../support';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'ppnet-map.schema.json'), 'utf8'));
const topologySchema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'ppnet.schema.json'), 'utf8'));

describe('schemas/ppnet-map.schema.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(topologySchema);
  const validate = ajv.compile(schema);

  it('is a valid draft-07 schema whose references all resolve, and the fixtures\' maps are valid by it', () => {
    assert.ok(ajv.validateSchema(schema), JSON.stringify(ajv.errors));
    for (const name of ['contoso', 'northwind']) {
      const map = parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'deployed', name, `${name}.map.yaml`), 'utf8'));
      assert.ok(validate(map), `${name}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('refuses what the format refuses', () => {
    assert.equal(validate({ circuits: { 'er-a': { sku: 'basic' } } }), false);
    assert.equal(validate({ circuits: { 'er-a': { id: '1bad' } } }), false);
    assert.equal(validate({ gateways: { gw: { members: ['a'] } } }), false);
    assert.equal(validate({ sites: { hq: { internet: 'maybe' } } }), false);
    assert.equal(validate({ routes: {} }), false);
  });
});

describe('parseImportMap', () => {
  it('a valid map: its entries with the range of their keys, and the sections it writes as they are', () => {
    const { map, findings } = parseImportMap('circuits:\n  er-ams:\n    site: hq\nsites:\n  hq: { internet: blocked }\n');
    assert.deepEqual(findings, []);
    assert.deepEqual(map.entries.circuits, [{ key: 'er-ams', fields: { site: 'hq' }, range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } } }]);
    assert.deepEqual(map.verbatim, { sites: { hq: { internet: 'blocked' } } });
  });

  it('a map against its schema: a finding on each wrong node, and nothing of it used', () => {
    const { map, findings } = parseImportMap('circuits:\n  er-ams:\n    sku: basic\n    colour: red\n');
    assert.deepEqual(map.entries.circuits, []);
    assert.deepEqual(
      findings.map((f) => [f.code, f.range.start.line, f.range.start.character, f.message]),
      [
        ['map-invalid', 3, 4, "The map's circuits.er-ams takes no key colour: the map follows schemas/ppnet-map.schema.json, and is not used."],
        ['map-invalid', 2, 9, "The map's circuits.er-ams.sku must be one of standard, premium, local: the map follows schemas/ppnet-map.schema.json, and is not used."],
      ],
    );
  });

  it('YAML that does not parse', () => {
    const { findings } = parseImportMap('circuits: [\n');
    assert.equal(findings.length > 0, true);
    assert.ok(findings.every((f) => f.code === 'map-invalid' && f.message.startsWith('The map is not valid YAML: ')));
  });
});

describe('ppnet import --map', () => {
  const circuit = JSON.stringify({ id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/expressRouteCircuits/ER_Paris', type: 'Microsoft.Network/expressRouteCircuits', sku: { tier: 'Standard' }, serviceProviderProperties: { peeringLocation: 'Paris', bandwidthInMbps: 200 }, serviceProviderProvisioningState: 'Provisioned' });

  it('matches by the id the import gives or the Azure name in any case; an entry that names nothing is map-unmatched on its key', async () => {
    const dir = tempDir({ 'c.json': circuit, 'map.yaml': 'circuits:\n  er_paris:\n    site: hq\n    region: europe\n  er-london:\n    site: hq\n' });
    const { code, stdout, stderr } = await runCli(['import', 'c.json', '--map', 'map.yaml', '--format', 'json'], dir);
    assert.equal(code, 0);
    assert.ok(stdout.includes('  er-paris:\n    name: ER_Paris\n    site: hq\n    peeringLocation: Paris\n    region: europe\n'), stdout);
    assert.deepEqual(JSON.parse(stderr), [
      {
        file: 'map.yaml',
        code: 'map-unmatched',
        severity: 'warning',
        message: "The map's circuits entry er-london names no imported circuit (by the id the import gives, its Azure name or its id), so it is not used; the imported ones are er-paris.",
        range: { start: { line: 4, character: 2 }, end: { line: 4, character: 11 } },
      },
    ]);
  });

  it('an invalid map is exit 2, and the topology is written without it', async () => {
    const dir = tempDir({ 'c.json': circuit, 'map.yaml': 'circuits:\n  er-paris:\n    sku: basic\n' });
    const { code, stdout, stderr } = await runCli(['import', 'c.json', '--map', 'map.yaml'], dir);
    assert.equal(code, 2);
    assert.ok(stdout.includes('    # TODO site:'));
    assert.equal(
      stderr,
      "map.yaml:3:10: error map-invalid: The map's circuits.er-paris.sku must be one of standard, premium, local: the map follows schemas/ppnet-map.schema.json, and is not used.\n1 errors, 0 warnings, 0 infos, 0 hints in 1 file (1 not read or not checked)\n",
    );
  });

  it('a map that cannot be read is exit 2', async () => {
    const dir = tempDir({ 'c.json': circuit });
    const { code, stderr } = await runCli(['import', 'c.json', '--map', 'absent.yaml'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /^absent\.yaml:1:1: error map-invalid: The map absent\.yaml is not read: no such file or folder \(ENOENT\)\. The topology is written without it\.\n/);
  });
});
