/**
 * `ppnet drift`: examples/contoso.ppnet.yaml against its estate as exported (test/fixtures/drift/contoso:
 * `az network express-route list`, the REST list of route filters, the admin API's environments,
 * `Get-DataGatewayCluster | ConvertTo-Json`), with planted differences; each format read by a real
 * parser or validator (JSON, SARIF 2.1.0 with ajv, JUnit with xmllint and Ant's XSD, Markdown with
 * markdown-it); exit codes; inputs that cannot be read.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import MarkdownIt from 'markdown-it';
import { ROOT, runCli, tempDir } from '../support';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'drift', 'contoso');
const CONTOSO = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.ppnet.yaml'), 'utf8');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** A folder with the design and its estate, the estate's files changed by `edit`. */
function estateDir(edit: (files: Record<string, string>) => void = () => {}, design = CONTOSO): string {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(FIXTURES)) files[`deployed/${name}`] = fixture(name);
  edit(files);
  return tempDir({ ...files, 'contoso.ppnet.yaml': design }, 'ppnet-drift-');
}

/** The SKU of er-ams made Premium in Azure: one drift-value on line 46. */
const premium = (files: Record<string, string>) => {
  files['deployed/circuits.json'] = files['deployed/circuits.json'].replace('"name": "Standard_MeteredData",\n      "tier": "Standard"', '"name": "Premium_MeteredData",\n      "tier": "Premium"');
};

const SKU_LINE =
  "contoso.ppnet.yaml:46:10: error drift-value: Circuit er-ams is Premium in Azure, but the design gives it sku standard: the SKU decides which regions the circuit reaches, so the design's routes may not be the deployed ones. Change the design to what is deployed if Azure is right, or change the deployment to match the design.";

describe('ppnet drift on an estate that matches the design', () => {
  it('finds nothing and exits 0, from a folder or from the files named one by one', async () => {
    const dir = estateDir();
    assert.deepEqual(await runCli(['drift', 'contoso.ppnet.yaml', 'deployed'], dir), { code: 0, stdout: '0 errors, 0 warnings, 0 infos, 0 hints in 1 file\n', stderr: '' });
    const files = fs.readdirSync(path.join(dir, 'deployed')).map((name) => `deployed/${name}`);
    assert.equal((await runCli(['drift', 'contoso.ppnet.yaml', ...files.reverse()], dir)).stdout, '0 errors, 0 warnings, 0 infos, 0 hints in 1 file\n');
  });

  it('reads an export written by Windows PowerShell 5.1 (UTF-16 with a byte order mark) and one from standard input', async () => {
    const dir = estateDir();
    const text = fs.readFileSync(path.join(dir, 'deployed', 'gateway-clusters.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'deployed', 'gateway-clusters.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    assert.equal((await runCli(['drift', 'contoso.ppnet.yaml', 'deployed'], dir)).code, 0);
    const child = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), 'drift', 'contoso.ppnet.yaml', '-', 'deployed/circuits.json', 'deployed/route-filters.json'], {
      cwd: dir,
      input: fixture('environments.json'),
      encoding: 'utf8',
    });
    assert.equal(child.status, 0, child.stdout + child.stderr);
  });
});

describe('ppnet drift with one planted difference', () => {
  it('prints the finding on the design\'s node and exits 1', async () => {
    const result = await runCli(['drift', 'contoso.ppnet.yaml', 'deployed'], estateDir(premium));
    assert.deepEqual(result, { code: 1, stdout: `${SKU_LINE}\n1 errors, 0 warnings, 0 infos, 0 hints in 1 file\n`, stderr: '' });
  });

  it('exits 0 on a warning only (a bandwidth that differs)', async () => {
    const dir = estateDir((files) => {
      files['deployed/circuits.json'] = files['deployed/circuits.json'].replace('"bandwidthInMbps": 500', '"bandwidthInMbps": 1000');
    });
    const result = await runCli(['drift', 'contoso.ppnet.yaml', 'deployed'], dir);
    assert.equal(result.code, 0);
    assert.equal(
      result.stdout,
      "contoso.ppnet.yaml:62:16: warning drift-capacity: Circuit er-sea has 1Gbps in Azure, but the design gives it 500Mbps: the design plans for less than the deployed circuit carries, and the bandwidth sets how many virtual networks private peering may link. Change the design to the deployed bandwidth, or the circuit to the design's.\n" +
        '0 errors, 1 warnings, 0 infos, 0 hints in 1 file\n',
    );
  });

  it('applies the config\'s levels and the design\'s disable comments', async () => {
    const dir = estateDir(premium);
    fs.writeFileSync(path.join(dir, 'ppnet.config.yaml'), 'rules:\n  drift-value: warning\n');
    const leveled = await runCli(['drift', 'contoso.ppnet.yaml', 'deployed'], dir);
    assert.equal(leveled.code, 0);
    assert.match(leveled.stdout, /^contoso\.ppnet\.yaml:46:10: warning drift-value: /);
    const silenced = estateDir(premium, CONTOSO.replace('    sku: standard', '    # ppnet-disable-next-line drift-value\n    sku: standard'));
    assert.deepEqual(await runCli(['drift', 'contoso.ppnet.yaml', 'deployed'], silenced), { code: 0, stdout: '0 errors, 0 warnings, 0 infos, 0 hints in 1 file\n', stderr: '' });
  });
});

describe('ppnet drift\'s formats', () => {
  it('json: the array of { file, code, severity, message, range } that check prints', async () => {
    const result = await runCli(['drift', 'contoso.ppnet.yaml', 'deployed', '--format', 'json'], estateDir(premium));
    const rows = JSON.parse(result.stdout);
    assert.deepEqual(rows, [
      { file: 'contoso.ppnet.yaml', code: 'drift-value', severity: 'error', message: SKU_LINE.replace(/^.*? drift-value: /, ''), range: { start: { line: 45, character: 9 }, end: { line: 45, character: 17 } } },
    ]);
  });

  it('sarif: valid SARIF 2.1.0 with the drift automation id and a fingerprint', async () => {
    type Result = { ruleId: string; level: string; locations: { physicalLocation: { region: object } }[]; partialFingerprints: Record<string, string> };
    const log = JSON.parse((await runCli(['drift', 'contoso.ppnet.yaml', 'deployed', '--format', 'sarif'], estateDir(premium))).stdout) as { runs: { automationDetails: object; results: Result[] }[] };
    const schemaText = fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8');
    const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(schemaText.replace(/^\uFEFF/, '')));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(log.runs[0].automationDetails, { id: 'ppnet/drift/' });
    assert.deepEqual(
      log.runs[0].results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.region]),
      [['drift-value', 'error', { startLine: 46, startColumn: 10, endLine: 46, endColumn: 18 }]],
    );
    assert.match(log.runs[0].results[0].partialFingerprints['ppnet/v1'], /^[0-9a-f]{32}$/);
  });

  it('junit: valid against Ant\'s XSD', async () => {
    const dir = estateDir(premium);
    const result = await runCli(['drift', 'contoso.ppnet.yaml', 'deployed', '--format', 'junit', '-o', 'drift.xml'], dir);
    assert.equal(result.code, 1);
    const check = spawnSync('xmllint', ['--noout', '--schema', path.join(ROOT, 'test', 'fixtures', 'ci', 'junit.xsd'), path.join(dir, 'drift.xml')], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'drift.xml'), 'utf8'), /drift-value/);
  });

  it('markdown: a count and a table whose cells stay text when GitHub renders it', async () => {
    const dir = estateDir((files) => {
      premium(files);
      files['deployed/broken.json'] = '{"value": [<a href="x">';
    });
    const result = await runCli(['drift', 'contoso.ppnet.yaml', 'deployed', '--format', 'markdown'], dir);
    assert.equal(result.code, 2);
    const tokens = new MarkdownIt().parse(result.stdout, {});
    const cells: string[][] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type === 'tr_open') cells.push([]);
      if (tokens[i].type === 'inline' && tokens[i - 1]?.type.match(/^t[dh]_open$/)) cells[cells.length - 1].push(tokens[i].content);
    }
    assert.equal(tokens.filter((t) => t.type === 'html_inline' || t.type === 'html_block' || t.type === 'link_open').length, 0);
    assert.deepEqual(cells.map((row) => row.slice(0, 4)), [
      ['File', 'Line', 'Severity', 'Code'],
      ['contoso.ppnet.yaml', '46', 'error', 'drift-value'],
      ['deployed/broken.json', '1', 'error', 'import-unreadable'],
    ]);
    assert.match(result.stdout, /^### ppnet drift\n\n\*\*2 errors, 0 warnings, 0 infos, 0 hints in 2 files \(1 not read or not checked\)\.\*\*\n/);
  });
});

describe('ppnet drift\'s inputs', () => {
  it('says an export it cannot read on that file, still compares the others, and exits 2', async () => {
    const dir = estateDir((files) => {
      files['deployed/az-error.json'] = "ERROR: (AuthorizationFailed) The client does not have authorization to perform action 'Microsoft.Network/expressRouteCircuits/read'.\n";
    });
    const result = await runCli(['drift', 'contoso.ppnet.yaml', 'deployed'], dir);
    assert.equal(result.code, 2);
    const lines = result.stdout.split('\n');
    assert.match(lines[0], /^deployed\/az-error\.json:1:1: error import-unreadable: deployed\/az-error\.json is not read: /);
    assert.equal(lines[1], '1 errors, 0 warnings, 0 infos, 0 hints in 2 files (1 not read or not checked)');
  });

  it('says drift-missing only for the kinds the inputs cover, and drift-undesigned for what the design lacks', async () => {
    const dir = estateDir();
    const result = await runCli(['drift', 'contoso.ppnet.yaml', 'deployed/circuits.json', 'deployed/route-filters.json', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(result.stdout), []);
    const renamed = estateDir((files) => {
      files['deployed/gateway-clusters.json'] = files['deployed/gateway-clusters.json'].replace('"Name": "gw-dub"', '"Name": "gw-dublin"');
    });
    const rows = JSON.parse((await runCli(['drift', 'contoso.ppnet.yaml', 'deployed', '--format', 'json'], renamed)).stdout) as { code: string; range: { start: { line: number } } }[];
    assert.deepEqual(rows.map((r) => [r.code, r.range.start.line + 1]), [['drift-undesigned', 1], ['drift-missing', 75]]);
  });

  it('refuses bad usage with exit 2: one input, standard input twice, a design folder of several files, a path that does not exist', async () => {
    const dir = estateDir();
    fs.writeFileSync(path.join(dir, 'other.ppnet.yaml'), 'version: 1\n');
    const cases: [string[], RegExp][] = [
      [['drift', 'contoso.ppnet.yaml'], /^ppnet: drift needs a design file and at least one deployed file or folder\n/],
      [['drift', '-', '-'], /^ppnet: standard input \(-\) can be read once: give the design or one export as -\n/],
      [['drift', '.', 'deployed'], /^ppnet: drift compares one design file, but \. holds 2 topology files: name the one to compare\n/],
      [['drift', 'contoso.ppnet.yaml', 'nowhere'], /^ppnet: cannot read nowhere: no such file or folder\n/],
    ];
    for (const [args, stderr] of cases) {
      const result = await runCli(args, dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.match(result.stderr, stderr);
    }
  });

  it('never writes a report over an input', async () => {
    const dir = estateDir();
    const result = await runCli(['drift', 'contoso.ppnet.yaml', 'deployed', '--format', 'json', '-o', 'deployed/circuits.json'], dir);
    assert.equal(result.code, 2);
    assert.equal(fs.readFileSync(path.join(dir, 'deployed', 'circuits.json'), 'utf8'), fixture('circuits.json'));
  });
});

describe('ppnet drift on the estates ppnet import is tested with (test/fixtures/deployed)', () => {
  it('finds nothing in each example against its estate, nor in what ppnet import wrote of it', async () => {
    for (const [design, estate] of [
      ['examples/contoso.ppnet.yaml', 'test/fixtures/deployed/contoso'],
      ['test/fixtures/deployed/contoso/contoso.expected.ppnet.yaml', 'test/fixtures/deployed/contoso'],
      ['examples/northwind-vnet.ppnet.yaml', 'test/fixtures/deployed/northwind'],
      ['test/fixtures/deployed/northwind/northwind.expected.ppnet.yaml', 'test/fixtures/deployed/northwind'],
    ]) {
      assert.deepEqual(await runCli(['drift', design, estate]), { code: 0, stdout: '0 errors, 0 warnings, 0 infos, 0 hints in 1 file\n', stderr: '' }, design);
    }
  });

  it('finds a policy subnet\'s size and an environment\'s type planted in northwind\'s estate, on their values', async () => {
    const dir = tempDir({}, 'ppnet-drift-northwind-');
    for (const name of fs.readdirSync(path.join(ROOT, 'test', 'fixtures', 'deployed', 'northwind')).filter((n) => n.endsWith('.json'))) {
      // Some exports are UTF-16 (Windows PowerShell): copied as bytes, and only the UTF-8 ones edited.
      const bytes = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'deployed', 'northwind', name));
      const edit = name === 'vnets.json' || name === 'environments.json';
      fs.writeFileSync(path.join(dir, name), edit ? bytes.toString('utf8').replace('"10.41.0.0/25"', '"10.41.0.0/26"').replace('"Production"', '"Sandbox"') : bytes);
    }
    const rows = JSON.parse((await runCli(['drift', path.join(ROOT, 'examples', 'northwind-vnet.ppnet.yaml'), dir, '--format', 'json'])).stdout) as { code: string; range: { start: { line: number; character: number } }; message: string }[];
    assert.deepEqual(rows.map((r) => [r.code, r.range.start.line + 1, r.range.start.character + 1]), [['drift-value', 13, 11], ['drift-value', 32, 15]]);
    assert.match(rows[0].message, /^Environment nw-prod is a Sandbox environment in Power Platform, but the design's type is production/);
    assert.match(rows[1].message, /^Subnet powerplatform of virtual network nw-pp-neu \(enterprise policy ep-eu\) is 10\.41\.0\.0\/26 in Azure, but the design's cidr is 10\.41\.0\.0\/25/);
  });
});
