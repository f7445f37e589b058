/**
 * `ppnet export`: the exact az commands of an example (run with a fake az), -o, --with-fixes, the
 * folder's config, --fail-on-error and the exit codes.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { MISSING_REGION, runAzScript } from '../export/harness';
import { ROOT, runCli } from '../support';

const NORTHWIND = path.join(ROOT, 'examples', 'northwind-vnet.ppnet.yaml');
const MISTAKES = path.join(ROOT, 'examples', 'mistakes.ppnet.yaml');


function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-export-'));
}

describe('ppnet export', () => {
  it('writes az commands that create the filter, attach it, delegate the subnets and create the policy, exactly', async () => {
    const { code, stdout, stderr } = await runCli(['export', NORTHWIND, '--format', 'az']);
    assert.deepEqual([code, stderr], [0, '']);
    const env = { SUBSCRIPTION_ID: 'sub-1', RESOURCE_GROUP_NAME: 'rg-net', ER_NW_ROUTE_FILTER_NAME: 'rf-nw', EP_EU_SUBNET_1_NAME: 'pp-1', EP_EU_SUBNET_2_NAME: 'pp-2' };
    const { calls, status } = runAzScript(stdout, env);
    assert.equal(status, 0);
    const policyBody = calls[6].pop();
    assert.deepEqual(calls, [
      ['account', 'set', '--subscription', 'sub-1'],
      ['network', 'route-filter', 'create', '--name', 'rf-nw', '--resource-group', 'rg-net'],
      ['network', 'route-filter', 'rule', 'create', '--filter-name', 'rf-nw', '--name', 'allow-power-platform', '--resource-group', 'rg-net', '--access', 'Allow', '--communities', '12076:51002', '12076:51003'],
      ['network', 'express-route', 'peering', 'update', '--circuit-name', 'er-nw', '--name', 'MicrosoftPeering', '--resource-group', 'rg-net', '--route-filter', 'rf-nw'],
      ['network', 'vnet', 'subnet', 'create', '--resource-group', 'rg-net', '--vnet-name', 'nw-pp-weu', '--name', 'pp-1', '--address-prefixes', '10.40.0.0/25', '--delegations', 'Microsoft.PowerPlatform/enterprisePolicies'],
      ['network', 'vnet', 'subnet', 'create', '--resource-group', 'rg-net', '--vnet-name', 'nw-pp-neu', '--name', 'pp-2', '--address-prefixes', '10.41.0.0/25', '--delegations', 'Microsoft.PowerPlatform/enterprisePolicies'],
      ['resource', 'create', '--resource-group', 'rg-net', '--name', 'ep-eu', '--resource-type', 'Microsoft.PowerPlatform/enterprisePolicies', '--api-version', '2020-10-30-preview', '--is-full-object', '--properties'],
    ]);
    assert.deepEqual(JSON.parse(policyBody!), {
      location: 'europe',
      kind: 'NetworkInjection',
      properties: {
        networkInjection: {
          virtualNetworks: [
            { id: '/subscriptions/sub-1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/nw-pp-weu', subnet: { name: 'pp-1' } },
            { id: '/subscriptions/sub-1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/nw-pp-neu', subnet: { name: 'pp-2' } },
          ],
        },
      },
    });
  });

  it('runs no az command when a value without a default is not set, and says which', () => {
    return runCli(['export', NORTHWIND, '--format', 'az']).then(({ stdout }) => {
      const { calls, status, stderr } = runAzScript(stdout, { SUBSCRIPTION_ID: 'sub-1', RESOURCE_GROUP_NAME: 'rg-net' });
      assert.deepEqual([calls, status], [[], 1]);
      assert.match(stderr, /ER_NW_ROUTE_FILTER_NAME: set ER_NW_ROUTE_FILTER_NAME: Name to give the route filter of circuit er-nw/);
    });
  });

  it('writes to -o what it prints, and exits 0', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'filters.tf');
    const printed = await runCli(['export', NORTHWIND, '-f', 'terraform']);
    const written = await runCli(['export', NORTHWIND, '-f', 'terraform', '-o', out]);
    assert.deepEqual([written.code, written.stdout, written.stderr], [0, '', '']);
    assert.equal(fs.readFileSync(out, 'utf8'), printed.stdout);
  });

  it('applies the route-filter fixes with --with-fixes, unless the folder\'s config turns the rule off', async () => {
    const dir = tempDir();
    const design = path.join(dir, 'hq.ppnet.yaml');
    fs.writeFileSync(design, MISSING_REGION);
    const plain = await runCli(['export', design, '--format', 'bicep']);
    const fixed = await runCli(['export', design, '--format', 'bicep', '--with-fixes']);
    assert.match(plain.stdout, /^ {12}'12076:51002' \/\/ West Europe\n {10}\]$/m);
    assert.match(fixed.stdout, /^ {12}'12076:51002' \/\/ West Europe\n {12}'12076:51003' \/\/ North Europe\n {10}\]$/m);
    fs.writeFileSync(path.join(dir, 'ppnet.config.yaml'), 'rules:\n  route-filter-missing-region: off\n');
    const off = await runCli(['export', design, '--format', 'bicep', '--with-fixes']);
    // Off, the rule neither fixes nor counts its error.
    assert.equal(off.stdout, plain.stdout.replace(/^\/\/ The design has 1 error .*\n/m, ''));
  });

  it('exports a design with errors and says how many; with --fail-on-error writes nothing and exits 1', async () => {
    const exported = await runCli(['export', MISTAKES, '--format', 'arm']);
    assert.equal(exported.code, 0);
    assert.match(JSON.parse(exported.stdout).metadata.description, /The design has 12 errors/);
    const dir = tempDir();
    const out = path.join(dir, 'mistakes.json');
    const failed = await runCli(['export', MISTAKES, '--format', 'arm', '--fail-on-error', '-o', out]);
    assert.deepEqual([failed.code, failed.stdout], [1, '']);
    assert.equal(failed.stderr, `ppnet: ${MISTAKES} has 12 errors (ppnet check lists them); nothing written\n`);
    assert.equal(fs.existsSync(out), false);
    assert.equal((await runCli(['export', NORTHWIND, '--fail-on-error'])).code, 0);
  });

  it('exits 2 on bad usage, an unreadable file, or an output that is the input', async () => {
    const format = await runCli(['export', NORTHWIND, '--format', 'pulumi']);
    assert.deepEqual([format.code, format.stderr], [2, 'ppnet: --format must be bicep, arm, terraform or az, not "pulumi"\n']);
    const two = await runCli(['export', NORTHWIND, MISTAKES]);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /^ppnet: export needs exactly one file\n/);
    const missing = await runCli(['export', path.join(tempDir(), 'none.ppnet.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^ppnet: .*none\.ppnet\.yaml:1:1: Cannot read this file: .*\n$/);
    const dir = tempDir();
    const design = path.join(dir, 'hq.ppnet.yaml');
    fs.writeFileSync(design, MISSING_REGION);
    const over = await runCli(['export', design, '-o', design]);
    assert.equal(over.code, 2);
    assert.equal(fs.readFileSync(design, 'utf8'), MISSING_REGION);
  });
});
