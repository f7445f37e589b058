/**
 * Drift: the design compared with what is deployed, on literal estates (the reader is tested apart).
 * Each case plants one difference in examples/contoso.ppnet.yaml's estate and expects one finding, with
 * its code, severity, the exact range of the design's node and a message naming both values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService, DeployedEstate, importTopology, readDeployed } from '../../server/src/service';
import { generateEstate } from '../import/estate';
import { doc, fixture, row, DiagnosticRow } from '../support';
import { contosoEstate } from './driftEstates';

const CONTOSO = fixture('..', 'examples', 'contoso.ppnet.yaml');

function drift(text: string, estate: DeployedEstate, ruleLevels?: Record<string, 'off' | 'error' | 'warning' | 'info' | 'hint'>): DiagnosticRow[] {
  return createLanguageService().drift(doc(text), estate, { ruleLevels }).map(row);
}

/** The 1-based range "l:c-l:c" of the part between « and » of `marked`, a snippet that occurs once in `text`. */
function rangeIn(text: string, marked: string): string {
  const plain = marked.replace(/[«»]/g, '');
  const at = text.indexOf(plain);
  assert.ok(at >= 0 && text.indexOf(plain, at + 1) < 0, `"${plain}" must occur once`);
  const document = doc(text);
  const start = document.positionAt(at + marked.indexOf('«'));
  const end = document.positionAt(at + marked.indexOf('»') - 1);
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** The one finding of a planted difference: its code, severity, where, and words its message must hold. */
function assertOne(rows: DiagnosticRow[], code: string, severity: string, range: string, words: string[]): void {
  assert.deepEqual(rows.map((r) => [r.code, r.severity, r.range]), [[code, severity, range]], JSON.stringify(rows, null, 1));
  for (const word of words) assert.ok(rows[0].message.includes(word), `"${word}" not in: ${rows[0].message}`);
}

describe('drift on the estate that matches the design', () => {
  it('finds nothing in examples/contoso.ppnet.yaml', () => {
    assert.deepEqual(drift(CONTOSO, contosoEstate()), []);
  });

  it('adds nothing to the design\'s own diagnostics, and validation without an estate reports no drift code', () => {
    const service = createLanguageService();
    const document = doc(CONTOSO);
    assert.deepEqual(service.validate(document, { deployed: contosoEstate() }), service.validate(document));
  });
});

describe('drift-value', () => {
  it('says a SKU that differs, on the sku value', () => {
    const estate = contosoEstate();
    estate.circuits[0].skuTier = 'Premium';
    assertOne(drift(CONTOSO, estate), 'drift-value', 'error', rangeIn(CONTOSO, 'sku: «standard»'), ['Premium in Azure', 'sku standard']);
  });

  it('says a peering location that differs, and takes the catalog\'s spellings alike', () => {
    const estate = contosoEstate();
    estate.circuits[0].peeringLocation = 'Amsterdam2';
    assertOne(drift(CONTOSO, estate), 'drift-value', 'error', rangeIn(CONTOSO, 'peeringLocation: «Amsterdam»'), ['Amsterdam2 in Azure', 'at Amsterdam:']);
    estate.circuits[0].peeringLocation = 'amsterdam';
    assert.deepEqual(drift(CONTOSO, estate), []);
  });

  it('says an advertised prefix Azure does not advertise on the item, and one the design lacks on the key', () => {
    const estate = contosoEstate();
    estate.circuits[0].microsoftPeering!.advertisedPrefixes = ['203.0.113.8/29'];
    const rows = drift(CONTOSO, estate);
    assert.deepEqual(
      rows.map((r) => [r.code, r.severity, r.range]),
      [
        ['drift-value', 'error', rangeIn(CONTOSO, '«advertisedPrefixes»: [203.0.113.0/29]')],
        ['drift-value', 'error', rangeIn(CONTOSO, 'advertisedPrefixes: [«203.0.113.0/29»]')],
      ],
    );
    assert.match(rows[0].message, /advertises 203\.0\.113\.8\/29 in Azure/);
    assert.match(rows[1].message, /does not advertise 203\.0\.113\.0\/29 in Azure \(it advertises 203\.0\.113\.8\/29\)/);
  });

  it('says an environment\'s region and type that differ, on each value', () => {
    const estate = contosoEstate();
    estate.environments[2].region = 'canada';
    estate.environments[1].environmentSku = 'Production';
    const text = CONTOSO;
    const rows = drift(text, estate);
    assert.deepEqual(
      rows.map((r) => [r.code, r.range]),
      [
        ['drift-value', rangeIn(text, 'type: «sandbox»')],
        ['drift-value', rangeIn(text, 'region: «unitedstates»\n    type: production')],
      ],
    );
    assert.match(rows[0].message, /Environment contoso-dev is a Production environment in Power Platform, but the design's type is sandbox/);
    assert.match(rows[1].message, /Environment fabrikam-us is in the Power Platform region canada, but the design puts it in unitedstates/);
  });

  it('says a gateway\'s region that differs, with display names and ids alike', () => {
    const estate = contosoEstate();
    estate.gatewayClusters[1].region = 'westeurope';
    assertOne(drift(CONTOSO, estate), 'drift-value', 'error', rangeIn(CONTOSO, 'region: «northeurope»'), ['Gateway gw-dub is registered in westeurope', 'puts it in northeurope']);
  });

  it('says managed and the linked policy of an environment, and a policy\'s subnets on the differing value', () => {
    const text = `version: 1
environments:
  prod:
    region: europe
    type: production
    managed: true
    enterprisePolicy: ep-eu
enterprisePolicies:
  ep-eu:
    subnets:
      - vnet: vnet-weu
        region: westeurope
        cidr: 10.40.0.0/25
      - vnet: vnet-neu
        region: northeurope
        cidr: 10.41.0.0/25
`;
    const vnet = (name: string, location: string, prefix: string) => ({
      kind: 'virtualNetwork' as const,
      azureId: `/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/${name}`,
      name,
      location,
      addressPrefixes: ['10.0.0.0/8'],
      subnets: [{ name: 'pp', addressPrefixes: [prefix], delegations: ['Microsoft.PowerPlatform/enterprisePolicies'], ipConfigurationIds: [] }],
      source: { file: 'vnets.json', resource: name },
    });
    const policyId = '/subscriptions/s/resourceGroups/r/providers/Microsoft.PowerPlatform/enterprisePolicies/ep-eu';
    const estate: DeployedEstate = {
      circuits: [],
      routeFilters: [],
      connections: [],
      virtualNetworkGateways: [],
      virtualNetworks: [],
      environments: [
        { kind: 'environment', azureId: 'e1', displayName: 'prod', region: 'europe', environmentSku: 'Production', managed: false, enterprisePolicyId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.PowerPlatform/enterprisePolicies/ep-other', source: { file: 'env.json', resource: 'e1' } },
      ],
      enterprisePolicies: [
        {
          kind: 'enterprisePolicy',
          azureId: policyId,
          name: 'ep-eu',
          location: 'europe',
          policyKind: 'NetworkInjection',
          subnets: [
            { virtualNetworkId: vnet('vnet-weu', 'westeurope', '10.40.0.0/25').azureId, subnetName: 'pp', virtualNetwork: vnet('vnet-weu', 'francecentral', '10.40.0.0/25') },
            { virtualNetworkId: vnet('vnet-neu', 'northeurope', '10.41.0.0/26').azureId, subnetName: 'pp', virtualNetwork: vnet('vnet-neu', 'northeurope', '10.41.0.0/26') },
          ],
          source: { file: 'policies.json', resource: policyId },
        },
      ],
      gatewayClusters: [],
      covered: new Set(['environment', 'enterprisePolicy']),
      findings: [],
    };
    const rows = drift(text, estate);
    assert.deepEqual(
      rows.map((r) => [r.code, r.range]),
      [
        ['drift-value', rangeIn(text, 'managed: «true»')],
        ['drift-value', rangeIn(text, 'enterprisePolicy: «ep-eu»')],
        ['drift-value', rangeIn(text, 'region: «westeurope»')],
        ['drift-value', rangeIn(text, 'cidr: «10.41.0.0/25»')],
      ],
    );
    assert.match(rows[0].message, /is not a Managed Environment in Power Platform, but the design says managed: true/);
    assert.match(rows[1].message, /linked to enterprise policy \/subscriptions\/s\/.*\/ep-other in Power Platform, but the design links ep-eu/);
    assert.match(rows[2].message, /Virtual network vnet-weu of enterprise policy ep-eu is in francecentral in Azure, but the design puts it in westeurope/);
    assert.match(rows[3].message, /Subnet pp of virtual network vnet-neu \(enterprise policy ep-eu\) is 10\.41\.0\.0\/26 in Azure, but the design's cidr is 10\.41\.0\.0\/25/);
  });
});

describe('drift-capacity', () => {
  it('says a bandwidth that differs, on the bandwidth value', () => {
    const estate = contosoEstate();
    estate.circuits[1].bandwidthMbps = 1000;
    assertOne(drift(CONTOSO, estate), 'drift-capacity', 'warning', rangeIn(CONTOSO, 'bandwidth: «500Mbps»'), ['1Gbps in Azure', 'gives it 500Mbps']);
  });

  it('says a member the cluster lacks on the member, and one the design lacks on the key', () => {
    const estate = contosoEstate();
    estate.gatewayClusters[2].members = ['gw-sea-01', 'gw-sea-02', 'gw-sea-04'];
    const rows = drift(CONTOSO, estate);
    assert.deepEqual(
      rows.map((r) => [r.code, r.severity, r.range]),
      [
        ['drift-capacity', 'warning', rangeIn(CONTOSO, '«members»: [gw-sea-01, gw-sea-02, gw-sea-03]')],
        ['drift-capacity', 'warning', rangeIn(CONTOSO, '[gw-sea-01, gw-sea-02, «gw-sea-03»]')],
      ],
    );
    assert.match(rows[0].message, /also has member gw-sea-04 in Power Platform/);
    assert.match(rows[1].message, /has no member gw-sea-03 in Power Platform \(its members are gw-sea-01, gw-sea-02 and gw-sea-04\)/);
  });
});

describe('drift-route-filter', () => {
  it('says an entry the deployed filter does not allow on the entry (names and values alike), and an allowed community the design lacks on the key', () => {
    const estate = contosoEstate();
    const rule = estate.circuits[0].microsoftPeering!.routeFilter!.rules[0];
    rule.communities = ['12076:51002', '12076:5060', '12076:51004'];
    const rows = drift(CONTOSO, estate);
    assert.deepEqual(
      rows.map((r) => [r.code, r.severity, r.range]),
      [
        ['drift-route-filter', 'warning', rangeIn(CONTOSO, '«routeFilter»:\n        - West Europe')],
        ['drift-route-filter', 'error', rangeIn(CONTOSO, '- «North Europe»')],
      ],
    );
    assert.match(rows[0].message, /Route filter rf-er-ams of circuit er-ams allows East US \(12076:51004\) in Azure, which the design's routeFilter does not list/);
    assert.match(rows[1].message, /does not allow North Europe \(12076:51003\) in Azure; it allows West Europe \(12076:51002\), Microsoft Entra ID \(12076:5060\) and East US \(12076:51004\)/);
  });

  it('is not said on a circuit whose filter allows nothing: route-filter-no-allow says it once', () => {
    const estate = contosoEstate();
    estate.circuits[1].microsoftPeering!.routeFilter!.rules = [];
    const rows = drift(CONTOSO, estate);
    assertOne(rows, 'route-filter-no-allow', 'error', rangeIn(CONTOSO, '«routeFilter»: [12076:51004, 12076:51006]'), ['route filter rf-er-sea has no rule that allows a community']);
  });
});

describe('drift-missing and drift-undesigned', () => {
  it('says a designed circuit that is not deployed on its id, and a deployed one the design lacks on the first line', () => {
    const estate = contosoEstate();
    estate.circuits[1].name = 'er-sea-2';
    const rows = drift(CONTOSO, estate);
    assert.deepEqual(
      rows.map((r) => [r.code, r.severity, r.range]),
      [
        ['drift-undesigned', 'info', rangeIn(CONTOSO, '«# Contoso\'s connectivity to Power Platform: two geographies (Europe and United States),»')],
        ['drift-missing', 'error', rangeIn(CONTOSO, '«er-sea»:\n')],
      ],
    );
    assert.match(rows[0].message, /The ExpressRoute circuit er-sea-2 \(\/subscriptions\/.*\/er-sea, in circuits\.json\) is deployed but not in the design/);
    assert.match(rows[1].message, /The design's circuit er-sea is not deployed/);
  });

  it('says no environment is missing when no input covered environments', () => {
    const estate = contosoEstate();
    estate.environments = [];
    estate.covered.delete('environment');
    assert.deepEqual(drift(CONTOSO, estate), []);
  });

  it('matches by azureId when the design writes one, and names the deployed resource of the same id when the azureId is stale', () => {
    const text = CONTOSO.replace('  er-sea:\n', '  er-sea:\n    azureId: /subscriptions/x/old\n');
    const rows = drift(text, contosoEstate());
    assert.deepEqual(rows.map((r) => r.code), ['drift-undesigned', 'drift-missing']);
    assert.match(rows[1].message, /none with azureId \/subscriptions\/x\/old.* A deployed circuit is named er-sea with id \/subscriptions\/.*\/er-sea: if it is this one, write that azureId/);
  });
});

describe('deployment-only findings on the design\'s entity', () => {
  it('circuit-not-provisioned on the circuit id, with no drift-route-filter on top', () => {
    const estate = contosoEstate();
    estate.circuits[0].serviceProviderProvisioningState = 'NotProvisioned';
    estate.circuits[0].microsoftPeering!.routeFilter!.rules[0].communities = ['12076:51002'];
    assertOne(drift(CONTOSO, estate), 'circuit-not-provisioned', 'error', rangeIn(CONTOSO, '«er-ams»:\n'), ['provider status is NotProvisioned']);
  });

  it('peering-disabled on microsoftPeering, prefix-validation-pending on advertisedPrefixes', () => {
    const estate = contosoEstate();
    estate.circuits[0].microsoftPeering!.state = 'Disabled';
    estate.circuits[1].microsoftPeering!.advertisedPrefixesState = 'ValidationNeeded';
    const rows = drift(CONTOSO, estate);
    assert.deepEqual(
      rows.map((r) => [r.code, r.severity, r.range]),
      [
        ['peering-disabled', 'error', rangeIn(CONTOSO, 'bandwidth: 1Gbps\n    environments: [contoso-prod, contoso-dev]\n    «microsoftPeering»')],
        ['prefix-validation-pending', 'warning', rangeIn(CONTOSO, '«advertisedPrefixes»: [203.0.113.64/29]')],
      ],
    );
  });

  it('provider-managed-peering instead of drift-missing when Azure shows no Microsoft peering', () => {
    const estate = contosoEstate();
    delete estate.circuits[1].microsoftPeering;
    assertOne(drift(CONTOSO, estate), 'provider-managed-peering', 'info', rangeIn(CONTOSO, 'bandwidth: 500Mbps\n    environments: [fabrikam-us]\n    «microsoftPeering»'), ['Azure shows no Microsoft peering on circuit er-sea (provider Equinix)']);
  });
});

describe('levels and disable comments apply to drift', () => {
  it('a level from the config changes or silences a drift code', () => {
    const estate = contosoEstate();
    estate.circuits[0].skuTier = 'Premium';
    assert.deepEqual(drift(CONTOSO, estate, { 'drift-value': 'warning' }).map((r) => r.severity), ['warning']);
    assert.deepEqual(drift(CONTOSO, estate, { 'drift-value': 'off' }), []);
  });

  it('a disable comment silences a drift finding, and is not called unused when no estate is given', () => {
    const estate = contosoEstate();
    estate.circuits[0].skuTier = 'Premium';
    const text = CONTOSO.replace('    sku: standard', '    # ppnet-disable-next-line drift-value -- upgraded in January\n    sku: standard');
    assert.deepEqual(drift(text, estate), []);
    const service = createLanguageService();
    assert.deepEqual(service.validate(doc(text)).map((d) => d.code).filter((c) => c === 'unused-disable' || c === 'unknown-rule-code'), []);
    assert.deepEqual(service.validate(doc(text), { deployed: contosoEstate() }).map((d) => d.code).filter((c) => c === 'unused-disable'), ['unused-disable']);
  });
});

describe('drift of what ppnet import writes', () => {
  it('is nothing: a generated estate of 60 circuits imported and compared with itself', () => {
    const estate = readDeployed([{ file: 'estate.json', text: generateEstate(60) }]);
    const design = importTopology(estate).text;
    assert.deepEqual(drift(design, estate), []);
  });
});
