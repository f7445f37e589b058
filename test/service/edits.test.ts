import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service';
import { replaceNode, setKey } from '../../server/src/service/edits';
import { doc } from '../support';

/** Sets `cdn: false` on environment `prod` of the text and returns the edited text. */
function setCdn(text: string): string {
  const document = doc(text);
  const environment = createLanguageService().getTopology(document).environments.get('prod')!;
  return TextDocument.applyEdits(document, [setKey(document, environment, 'cdn', 'false')]);
}

describe('setKey', () => {
  it('adds the key at the end of a block map with its indentation', () => {
    assert.equal(
      setCdn('environments:\n   prod:\n      region: europe   # note\n   other: {}\n'),
      'environments:\n   prod:\n      region: europe   # note\n      cdn: false\n   other: {}\n',
    );
  });

  it('adds the key after a nested last value and at the end of a file without a final line end', () => {
    assert.equal(
      setCdn('environments:\n  prod:\n    apps:\n      - canvas'),
      'environments:\n  prod:\n    apps:\n      - canvas\n    cdn: false',
    );
  });

  it('replaces a value the map writes, keeping its comment', () => {
    assert.equal(
      setCdn('environments:\n  prod:\n    cdn: true # on\n    region: europe\n'),
      'environments:\n  prod:\n    cdn: false # on\n    region: europe\n',
    );
  });

  it('fills a key written without a value', () => {
    assert.equal(setCdn('environments:\n  prod:\n    cdn:\n    region: europe\n'), 'environments:\n  prod:\n    cdn: false\n    region: europe\n');
  });

  it('overrides a merged value instead of editing the anchor other entities share', () => {
    assert.equal(
      setCdn('base: &base\n  cdn: true\nenvironments:\n  prod:\n    <<: *base\n    region: europe\n'),
      'base: &base\n  cdn: true\nenvironments:\n  prod:\n    <<: *base\n    region: europe\n    cdn: false\n',
    );
  });

  it('adds to flow maps, empty or not', () => {
    assert.equal(setCdn('environments:\n  prod: { region: europe }\n'), 'environments:\n  prod: { region: europe, cdn: false }\n');
    assert.equal(setCdn('environments:\n  prod: {}\n'), 'environments:\n  prod: { cdn: false }\n');
  });

  it('opens a map under a key that has none, keeping CRLF line ends', () => {
    assert.equal(setCdn('environments:\r\n  prod:  # later\r\n'), 'environments:\r\n  prod:  # later\r\n    cdn: false\r\n');
    assert.equal(setCdn('environments:\n  prod: ~\n'), 'environments:\n  prod: { cdn: false }\n');
  });
});

describe('replaceNode', () => {
  it('replaces the value only', () => {
    const document = doc('gateways:\n  gw:\n    tls: "1.0"   # old\n');
    const gateway = createLanguageService().getTopology(document).gateways.get('gw')!;
    assert.equal(TextDocument.applyEdits(document, [replaceNode(document, gateway.tls!.node, '"1.2"')]), 'gateways:\n  gw:\n    tls: "1.2"   # old\n');
  });
});
