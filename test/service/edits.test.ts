import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service';
import { TextEdit } from 'vscode-languageserver-types';
import {
  addEntry,
  appendListItems,
  listItemAt,
  listNode,
  NewEntry,
  removeListItem,
  replaceListItem,
  replaceNode,
  setKey,
  yamlScalar,
} from '../../server/src/service/validation/rules/shared/edits';
import { indentUnit } from '../../server/src/service/text/layout';
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

/** The routeFilter list of circuit `er` in the text. */
function routeFilterOf(text: string) {
  const document = doc(text);
  const circuit = createLanguageService().getTopology(document).circuits.get('er')!;
  return { document, circuit, list: listNode(circuit.microsoftPeering!.routeFilter)! };
}

function itemOf(text: string, entry: string) {
  const { document, list } = routeFilterOf(text);
  return { document, list, item: listItemAt(list, text.indexOf(entry)) };
}

const apply = (document: TextDocument, edits: (TextEdit | undefined)[]) => TextDocument.applyEdits(document, edits.map((e) => e!));

describe('indentUnit', () => {
  it('is the smallest indentation of a content line, ignoring comments', () => {
    assert.equal(indentUnit('a:\n    b:\n        c: 1\n'), 4);
    assert.equal(indentUnit('a:\n # note\n   b: 1\n'), 3);
    assert.equal(indentUnit('a: 1\n'), 2);
  });
});

describe('yamlScalar', () => {
  it('writes plain what reads back as the same string, and quotes the rest', () => {
    assert.equal(yamlScalar('West Europe'), 'West Europe');
    assert.equal(yamlScalar('12076:51002'), '12076:51002');
    assert.equal(yamlScalar('2001:db8::/32'), '2001:db8::/32');
    assert.equal(yamlScalar('1.2'), '"1.2"');
    assert.equal(yamlScalar('true'), '"true"');
    assert.equal(yamlScalar('a: b'), '"a: b"');
    assert.equal(yamlScalar('# x'), '"# x"');
    assert.equal(yamlScalar('[x]'), '"[x]"');
  });
});

describe('addEntry', () => {
  const peering = {
    key: 'microsoftPeering',
    value: {
      map: [
        { key: 'advertisedPrefixes', value: { list: [{ text: '203.0.113.0/29', comment: 'your NAT pool' }] } },
        { key: 'routeFilter', value: { list: [{ text: 'West Europe' }, { text: 'North Europe' }] } },
      ],
    },
  } satisfies NewEntry;

  function addPeering(text: string): string {
    const document = doc(text);
    const circuit = createLanguageService().getTopology(document).circuits.get('er')!;
    return TextDocument.applyEdits(document, [addEntry(document, circuit, peering)]);
  }

  it('writes a block value at the end of a block map, in the file indentation step', () => {
    assert.equal(
      addPeering('circuits:\n    er:\n        site: hq   # main\nsites: {}\n'),
      'circuits:\n    er:\n        site: hq   # main\n        microsoftPeering:\n            advertisedPrefixes:\n                - 203.0.113.0/29  # your NAT pool\n            routeFilter:\n                - West Europe\n                - North Europe\nsites: {}\n',
    );
  });

  it('writes a flow value, without comments, into a flow map', () => {
    assert.equal(
      addPeering('circuits:\n  er: { site: hq }\n'),
      'circuits:\n  er: { site: hq, microsoftPeering: { advertisedPrefixes: [203.0.113.0/29], routeFilter: [West Europe, North Europe] } }\n',
    );
  });

  it('opens a block under a key without a value, keeping CRLF line ends', () => {
    const document = doc('circuits:\r\n  er:\r\n    microsoftPeering:\r\n');
    const circuit = createLanguageService().getTopology(document).circuits.get('er')!;
    const entry: NewEntry = { key: 'routeFilter', value: { list: [{ text: 'West Europe' }] } };
    assert.equal(
      TextDocument.applyEdits(document, [addEntry(document, circuit.microsoftPeering!, entry)]),
      'circuits:\r\n  er:\r\n    microsoftPeering:\r\n      routeFilter:\r\n        - West Europe\r\n',
    );
  });

  it('writes an empty list as []', () => {
    const document = doc('circuits:\n  er:\n    site: hq\n');
    const circuit = createLanguageService().getTopology(document).circuits.get('er')!;
    assert.equal(
      TextDocument.applyEdits(document, [addEntry(document, circuit, { key: 'environments', value: { list: [] } })]),
      'circuits:\n  er:\n    site: hq\n    environments: []\n',
    );
  });
});

describe('appendListItems', () => {
  const append = (text: string) => {
    const { document, list } = routeFilterOf(text);
    return apply(document, [appendListItems(document, list, [{ text: 'North Europe', comment: '12076:51003' }])]);
  };

  it('appends to a flow list, before its closing bracket and comment', () => {
    assert.equal(
      append('circuits:\n  er:\n    microsoftPeering:\n      routeFilter: [ West Europe ]   # EU\n'),
      'circuits:\n  er:\n    microsoftPeering:\n      routeFilter: [ West Europe, North Europe ]   # EU\n',
    );
    assert.equal(
      append('circuits:\n  er:\n    microsoftPeering:\n      routeFilter: []\n'),
      'circuits:\n  er:\n    microsoftPeering:\n      routeFilter: [North Europe]\n',
    );
  });

  it("appends a line to a block list at its dashes' indentation, after the last entry's comment", () => {
    assert.equal(
      append('circuits:\n  er:\n    microsoftPeering:\n      routeFilter:\n      - West Europe   # WE\n    site: hq\n'),
      'circuits:\n  er:\n    microsoftPeering:\n      routeFilter:\n      - West Europe   # WE\n      - North Europe  # 12076:51003\n    site: hq\n',
    );
  });

  it('keeps CRLF line ends and a file without a final line end', () => {
    assert.equal(
      append('circuits:\r\n  er:\r\n    microsoftPeering:\r\n      routeFilter:\r\n        - West Europe'),
      'circuits:\r\n  er:\r\n    microsoftPeering:\r\n      routeFilter:\r\n        - West Europe\r\n        - North Europe  # 12076:51003',
    );
  });
});

describe('removeListItem', () => {
  const flow = 'circuits:\n  er:\n    microsoftPeering:\n      routeFilter: [a, b, c]\n';
  const remove = (text: string, entry: string) => {
    const { document, list, item } = itemOf(text, entry);
    return apply(document, [removeListItem(document, list, item)]);
  };

  it('removes a flow entry with its comma, wherever it is', () => {
    assert.equal(remove(flow, 'a,'), flow.replace('[a, b, c]', '[b, c]'));
    assert.equal(remove(flow, 'b,'), flow.replace('[a, b, c]', '[a, c]'));
    assert.equal(remove(flow, 'c]'), flow.replace('[a, b, c]', '[a, b]'));
    assert.equal(remove(flow.replace('[a, b, c]', '[a]'), 'a]'), flow.replace('[a, b, c]', '[]'));
  });

  it('removes the whole line of a block entry, comment included', () => {
    assert.equal(
      remove('circuits:\n  er:\n    microsoftPeering:\n      routeFilter:\n        - a\n        - b   # again\n        - c\n', 'b '),
      'circuits:\n  er:\n    microsoftPeering:\n      routeFilter:\n        - a\n        - c\n',
    );
    assert.equal(
      remove('circuits:\r\n  er:\r\n    microsoftPeering:\r\n      routeFilter:\r\n        - a\r\n        - b', 'b'),
      'circuits:\r\n  er:\r\n    microsoftPeering:\r\n      routeFilter:\r\n        - a\r\n',
    );
  });

  it('offers nothing for an entry that is an alias of a value written elsewhere', () => {
    const text = 'x: &we West Europe\ncircuits:\n  er:\n    microsoftPeering:\n      routeFilter: [*we, b]\n';
    const { document, list } = routeFilterOf(text);
    assert.equal(removeListItem(document, list, listItemAt(list, text.indexOf('West'))), undefined);
  });
});

describe('replaceListItem', () => {
  const replace = (text: string, entry: string, items: string[]) => {
    const { document, list, item } = itemOf(text, entry);
    return apply(document, replaceListItem(document, list, item, items.map((t) => ({ text: t }))));
  };

  it('replaces a flow entry with several', () => {
    assert.equal(
      replace('circuits:\n  er:\n    microsoftPeering:\n      routeFilter: [europe, x]\n', 'europe', ['West Europe', 'North Europe']),
      'circuits:\n  er:\n    microsoftPeering:\n      routeFilter: [West Europe, North Europe, x]\n',
    );
  });

  it('replaces a block entry in place (keeping its comment) and adds lines for the others', () => {
    assert.equal(
      replace('circuits:\n  er:\n    microsoftPeering:\n      routeFilter:\n        - europe   # ours\n        - x\n', 'europe', ['West Europe', 'North Europe']),
      'circuits:\n  er:\n    microsoftPeering:\n      routeFilter:\n        - West Europe   # ours\n        - North Europe\n        - x\n',
    );
  });

  it('removes the entry when nothing replaces it', () => {
    assert.equal(
      replace('circuits:\n  er:\n    microsoftPeering:\n      routeFilter: [europe, x]\n', 'europe', []),
      'circuits:\n  er:\n    microsoftPeering:\n      routeFilter: [x]\n',
    );
  });
});
