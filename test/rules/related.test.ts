/**
 * Related information of the rules that involve two entities: the diagnostic sits on the first one
 * and points at the others (exact ranges and messages, on the rules' bad fixtures).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { fixture, validate } from '../support';

/** `line:character` (1-based) and message of each related location of the diagnostics of `code`. */
function related(code: string): string[][] {
  return validate(fixture('rules', `${code}.bad.ppnet.yaml`))
    .filter((d: Diagnostic) => d.code === code)
    .map((d) => (d.relatedInformation ?? []).map((r) => `${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`));
}

describe('related information', () => {
  it('gateway-cross-geography points at the connectors and the environment', () => {
    assert.deepEqual(related('gateway-cross-geography'), [
      [
        '52:14 Connector hr-files of environment nw-uk uses gateway gw-lon.',
        '56:14 Connector finance-sql of environment nw-uk uses gateway gw-lon.',
        '4:13 Environment nw-uk is in United Kingdom.',
      ],
      ['68:14 Connector eu-sql of environment nw-eu uses gateway gw-chi.', '8:13 Environment nw-eu is in Europe.'],
    ]);
  });

  it('gateway-region points at the connectors and the environment', () => {
    assert.deepEqual(related('gateway-region'), [
      [
        '40:14 Connector kr-sql of environment kr-prod uses gateway gw-kc.',
        '44:14 Connector kr-files of environment kr-prod uses gateway gw-kc.',
        '4:13 Environment kr-prod is in Korea.',
      ],
      ['48:14 Connector za-sap of environment za-prod uses gateway gw-jnb.', '6:13 Environment za-prod is in South Africa.'],
    ]);
  });

  it('cdn-blocked points at each blocked site', () => {
    assert.deepEqual(related('cdn-blocked'), [
      ['14:15 Site ams-hq blocks the internet.', '16:15 Site rot-plant blocks the internet.'],
      ['16:15 Site rot-plant blocks the internet.'],
    ]);
  });

  it('relay-blocked points at the blocked site', () => {
    assert.deepEqual(related('relay-blocked'), [
      ['8:15 Site lon-hq blocks the internet.'],
      ['10:15 Site vault blocks the internet.'],
      ['8:15 Site lon-hq blocks the internet.'],
    ]);
  });

  it('relay-needs-microsoft-peering points at the circuits without Microsoft peering', () => {
    assert.deepEqual(related('relay-needs-microsoft-peering'), [['21:3 Circuit er-vault has no Microsoft peering.'], []]);
  });
});
