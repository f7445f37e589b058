/** Code actions in-process: rule fixes for the request's diagnostics, and the disable-comment actions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { doc } from '../support';

const service = createLanguageService();

function actionsFor(text: string, code: string, only?: string[]): { document: TextDocument; diagnostics: Diagnostic[]; actions: CodeAction[] } {
  const document = doc(text);
  const diagnostics = service.validate(document).filter((d) => d.code === code);
  return { document, diagnostics, actions: service.getCodeActions(document, { diagnostics, only }) };
}

function apply(document: TextDocument, action: CodeAction): string {
  return TextDocument.applyEdits(document, action.edit!.changes![document.uri]);
}

function codesAfter(text: string): string[] {
  return service.validate(doc(text, 'file:///after.ppnet.yaml')).map((d) => String(d.code));
}

const ENVIRONMENT = `version: 1
environments:
  prod:
    region: westeurope
`;

describe('code actions', () => {
  it('offers the suggestion first, then disabling for the line and for the file', () => {
    const { document, diagnostics, actions } = actionsFor(ENVIRONMENT, 'unknown-region');
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false, a.diagnostics]),
      [
        ['Replace "westeurope" with "europe"', 'quickfix', true, diagnostics],
        ['Disable unknown-region for this line', 'quickfix', false, diagnostics],
        ['Disable unknown-region in this file', 'quickfix', false, diagnostics],
      ],
    );
    assert.equal(apply(document, actions[0]), 'version: 1\nenvironments:\n  prod:\n    region: europe\n');
    assert.equal(apply(document, actions[1]), 'version: 1\nenvironments:\n  prod:\n    # ppnet-disable-next-line unknown-region\n    region: westeurope\n');
    assert.equal(apply(document, actions[2]), '# ppnet-disable-file unknown-region\nversion: 1\nenvironments:\n  prod:\n    region: westeurope\n');
    for (const action of actions) assert.ok(!codesAfter(apply(document, action)).includes('unknown-region'), action.title);
  });

  it('extends a disable comment that already targets the line', () => {
    const text = ENVIRONMENT.replace('    region:', '    # ppnet-disable-next-line unknown-key -- reviewed\n    region:');
    const { document, actions } = actionsFor(text, 'unknown-region');
    const line = actions.find((a) => a.title === 'Disable unknown-region for this line')!;
    assert.equal(apply(document, line), ENVIRONMENT.replace('    region:', '    # ppnet-disable-next-line unknown-key unknown-region -- reviewed\n    region:'));
    assert.ok(!codesAfter(apply(document, line)).includes('unknown-region'));
  });

  it('writes the file-wide comment after the comments that open the file, or extends the existing one', () => {
    const header = '# Contoso\n# network\n\n';
    const { document, actions } = actionsFor(header + ENVIRONMENT, 'unknown-region');
    const file = actions.find((a) => a.title === 'Disable unknown-region in this file')!;
    assert.equal(apply(document, file), '# Contoso\n# network\n# ppnet-disable-file unknown-region\n\n' + ENVIRONMENT);

    const existing = '# ppnet-disable-file unknown-key\n' + ENVIRONMENT + '    colour: blue\n';
    const second = actionsFor(existing, 'unknown-region');
    const extended = second.actions.find((a) => a.title === 'Disable unknown-region in this file')!;
    assert.equal(apply(second.document, extended), existing.replace('unknown-key', 'unknown-key unknown-region'));
    assert.ok(!codesAfter(apply(second.document, extended)).includes('unknown-region'));
  });

  it('keeps CRLF line ends', () => {
    const text = ENVIRONMENT.replace(/\n/g, '\r\n');
    const { document, actions } = actionsFor(text, 'unknown-region');
    assert.equal(apply(document, actions[1]), 'version: 1\r\nenvironments:\r\n  prod:\r\n    # ppnet-disable-next-line unknown-region\r\n    region: westeurope\r\n');
  });

  it('offers every datacenter region of a Power Platform region written for a gateway, the first preferred', () => {
    const text = 'version: 1\nsites:\n  hq: {}\ngateways:\n  gw:\n    site: hq\n    region: "europe"\n';
    const { document, actions } = actionsFor(text, 'unknown-region');
    assert.deepEqual(
      actions.slice(0, 2).map((a) => [a.title, a.isPreferred ?? false, apply(document, a).split('\n')[6]]),
      [
        ['Replace "europe" with "westeurope"', true, '    region: "westeurope"'],
        ['Replace "europe" with "northeurope"', false, '    region: "northeurope"'],
      ],
    );
  });

  it('fixes an enum value, an unknown reference and a misspelt rule code', () => {
    const text = `# ppnet-disable-next-line yaml-sintax
version: 1
environments:
  prod:
    region: europe
    type: prodution
connectors:
  erp:
    type: dataverse
    environment: prd
`;
    const expected: Record<string, string> = {
      schema: 'Replace "prodution" with "production"',
      'unknown-reference': 'Replace "prd" with "prod"',
      'unknown-rule-code': 'Replace "yaml-sintax" with "yaml-syntax"',
    };
    for (const [code, title] of Object.entries(expected)) {
      const { document, actions } = actionsFor(text, code);
      assert.equal(actions[0].title, title);
      assert.ok(!codesAfter(apply(document, actions[0])).includes(code), code);
    }
  });

  it('does not rename an unknown key to one the map already has', () => {
    const text = ENVIRONMENT.replace('westeurope', 'europe') + '    regoin: europe\n';
    const { actions } = actionsFor(text, 'unknown-key');
    assert.deepEqual(actions.map((a) => a.title), ['Disable unknown-key for this line', 'Disable unknown-key in this file']);
  });

  it('offers no line action for a diagnostic on a comment line (a directive cannot reach it)', () => {
    const { actions } = actionsFor('# ppnet-disable-next-line nope\nversion: 1\n', 'unknown-rule-code');
    assert.deepEqual(actions.map((a) => a.title), ['Disable unknown-rule-code in this file']);
  });

  it('answers nothing when only other kinds of action are asked for', () => {
    assert.deepEqual(actionsFor(ENVIRONMENT, 'unknown-region', ['refactor']).actions, []);
    assert.equal(actionsFor(ENVIRONMENT, 'unknown-region', ['quickfix']).actions.length, 3);
  });
});

describe('code actions: Virtual Network support', () => {
  const POLICY = `version: 1
environments:
  nw-prod: { region: europe, managed: false, enterprisePolicy: ep-eu }
enterprisePolicies:
  ep-eu:
    subnets:
      - vnet: pp-weu
        region: westeurope
        cidr: 10.40.0.0/28
sites:
  dc: {}
circuits:
  er-dc:
    site: dc
    region: europe
    environments: [nw-prod]
    microsoftPeering:
      advertisedPrefixes: [203.0.113.0/29]
      routeFilter: [West Europe, North Europe]
connectors:
  erp-sql: { type: sql-server, environment: nw-prod, via: vnet }
`;

  it('adds the missing region\'s subnet, widens the prefix, sets managed: true and links the policy\'s networks over private peering', () => {
    const titles = (code: string) => actionsFor(POLICY, code).actions.filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Disable')).map((a) => a.title);
    assert.deepEqual(titles('vnet-region-pair'), ['Add a delegated subnet in North Europe (check its virtual network and range)']);
    assert.deepEqual(titles('vnet-subnet-size'), ['Widen the subnet to 10.40.0.0/26']);
    assert.deepEqual(titles('vnet-managed-environment'), ['Set managed: true']);
    assert.deepEqual(titles('vnet-route-missing'), ['Add pp-weu to the private peering of circuit er-dc']);

    const region = actionsFor(POLICY, 'vnet-region-pair');
    assert.equal(
      apply(region.document, region.actions[0]),
      POLICY.replace('        cidr: 10.40.0.0/28\n', '        cidr: 10.40.0.0/28\n      - vnet: ep-eu-northeurope\n        region: northeurope\n        cidr: 10.40.0.16/28\n'),
    );
    const route = actionsFor(POLICY, 'vnet-route-missing');
    const linked = apply(route.document, route.actions[0]);
    assert.equal(linked, POLICY.replace('      routeFilter: [West Europe, North Europe]\n', '      routeFilter: [West Europe, North Europe]\n    privatePeering:\n      vnets:\n        - pp-weu\n'));
    assert.ok(!codesAfter(linked).includes('vnet-route-missing'));
    assert.ok(!codesAfter(linked).includes('gateway-required'));
  });
});
