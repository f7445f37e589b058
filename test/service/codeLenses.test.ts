/**
 * Code lenses in-process: exact titles, places and commands; and their numbers against what the
 * preview's graph, find-references and the facts say, on every example and valid design.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { CodeLens } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { SHOW_IN_PREVIEW_COMMAND, SHOW_REFERENCES_COMMAND } from '../../protocol/protocol';
import { ROUTE_WORDS } from '../../protocol/vocabulary';
import { doc, ROOT } from '../support';

const service = createLanguageService();
const URI = 'file:///test.ppnet.yaml';

/** Each lens as "line:column-line:column title", 1-based. */
function titles(text: string): string[] {
  return service.getCodeLenses(doc(text)).map((l) => {
    const r = l.range;
    return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${l.command!.title}`;
  });
}

const TEXT = `version: 1
environments:
  prod:
    region: europe
    type: production
  us:
    region: unitedstates
sites:
  hq:
    internet: allowed
    internetEgress: [198.51.100.0/28]
circuits:
  er-ams:
    site: hq
    peeringLocation: Amsterdam
    sku: standard
    environments: [prod, us]
    microsoftPeering:
      advertisedPrefixes: [203.0.113.0/29]
      routeFilter: [West Europe]
  er-local:
    site: hq
    peeringLocation: Dublin
    sku: local
  "er-prem":
    peeringLocation: Atlanta
    sku: premium
gateways:
  gw:
    site: hq
    region: westeurope
  idle:
    site: hq
    region: westeurope
connectors:
  erp: { type: sql-server, environment: prod, gateway: gw }
  files: { type: file-system, environment: prod, gateway: gw }
`;

describe('code lenses', () => {
  it('say what each circuit, gateway and environment does, in file order', () => {
    assert.deepEqual(titles(TEXT), [
      '3:3-3:7 4 flows: 2 ExpressRoute · 2 Internet',
      '6:3-6:5 2 flows: 2 Internet',
      // North Europe is missing; the United States' regions are outside Europe (circuit-sku-reach's, not a missing community).
      '13:3-13:9 serves 2 environments · reaches Europe (standard) · 1 community missing · 1 environment out of reach',
      '21:3-21:11 serves no environment · reaches northeurope (local)',
      '25:4-25:11 serves no environment · reaches every region (premium)',
      '29:3-29:5 used by 2 connectors',
      '32:3-32:7 used by no connector',
    ]);
  });

  it('click through to the preview focused on the entity, or to a gateway\'s connectors', () => {
    const lenses = service.getCodeLenses(doc(TEXT));
    const byTitle = (start: string) => lenses.find((l) => l.command!.title.startsWith(start))!.command!;
    assert.deepEqual(byTitle('4 flows'), { title: '4 flows: 2 ExpressRoute · 2 Internet', command: SHOW_IN_PREVIEW_COMMAND, arguments: [URI, 'environment:prod'] });
    assert.deepEqual(byTitle('serves 2').arguments, [URI, 'circuit:er-ams']);
    assert.deepEqual(byTitle('used by 2'), {
      title: 'used by 2 connectors',
      command: SHOW_REFERENCES_COMMAND,
      arguments: [
        URI,
        { line: 28, character: 2 },
        [
          { uri: URI, range: { start: { line: 35, character: 55 }, end: { line: 35, character: 57 } } },
          { uri: URI, range: { start: { line: 36, character: 58 }, end: { line: 36, character: 60 } } },
        ],
      ],
    });
    const lines = TEXT.split('\n');
    assert.deepEqual([lines[35].slice(55, 57), lines[36].slice(58, 60)], ['gw', 'gw']);
    // Nothing to list: a lens that is not a link.
    assert.deepEqual(byTitle('used by no'), { title: 'used by no connector', command: '' });
  });

  it('say only who a circuit serves in a sovereign cloud, whose reach and communities ppnet does not check', () => {
    const gov = TEXT.replace('version: 1\n', 'version: 1\ncloud: gcc-high\n');
    assert.equal(titles(gov).find((t) => t.includes('er-ams') || t.startsWith('14:3')), '14:3-14:9 serves 2 environments');
  });

  it('follow an edit', () => {
    const edited = TEXT.replace('routeFilter: [West Europe]', 'routeFilter: [West Europe, North Europe]');
    assert.equal(titles(edited)[2], '13:3-13:9 serves 2 environments · reaches Europe (standard) · 1 environment out of reach');
  });
});

/** Every example and design, valid or not. */
function designs(): { name: string; text: string }[] {
  const folders = ['examples', 'test/designs/valid', 'test/designs/mistakes'].map((folder) => path.join(ROOT, folder));
  return folders.flatMap((folder) =>
    fs.readdirSync(folder).filter((f) => f.endsWith('.ppnet.yaml')).map((f) => ({ name: f, text: fs.readFileSync(path.join(folder, f), 'utf8') })),
  );
}

describe('code lenses agree with the preview, the references and the rules', () => {
  for (const { name, text } of designs()) {
    it(name, () => {
      const document = doc(text, `file:///${name}`);
      const lenses = service.getCodeLenses(document);
      const graph = service.getGraph(document);
      const diagnostics = service.validate(document);
      const keyAt = (lens: CodeLens) => document.getText(lens.range);
      let checked = 0;
      for (const lens of lenses) {
        const { title, command, arguments: args } = lens.command!;
        if (command === SHOW_IN_PREVIEW_COMMAND && String(args![1]).startsWith('environment:')) {
          // The environment's flows as the preview lists them (its environment filter), by route.
          const flows = graph.flows.filter((f) => f.environment === args![1]);
          const byRoute = (Object.keys(ROUTE_WORDS) as (keyof typeof ROUTE_WORDS)[])
            .map((route) => [route, flows.filter((f) => f.route === route).length] as const)
            .filter(([, n]) => n > 0)
            .map(([route, n]) => `${n} ${ROUTE_WORDS[route].short}`);
          assert.equal(title, flows.length ? `${flows.length} ${flows.length === 1 ? 'flow' : 'flows'}: ${byRoute.join(' · ')}` : 'no flows', keyAt(lens));
          checked++;
        } else if (command === SHOW_IN_PREVIEW_COMMAND) {
          // A circuit: its missing communities and environments out of reach are the rules' findings on it.
          const id = String(args![1]).slice('circuit:'.length);
          const node = graph.nodes.find((n) => n.id === args![1])!;
          const on = (code: string) =>
            diagnostics.filter((d) => d.code === code && d.range.start.line >= node.range!.start.line && d.range.end.line <= node.range!.end.line).length;
          const missing = /(\d+) communit(y|ies) missing/.exec(title);
          assert.equal(missing ? Number(missing[1]) : 0, on('route-filter-missing-region'), `${id}: ${title}`);
          const unreachable = /(\d+) environments? out of reach/.exec(title);
          assert.equal(unreachable ? Number(unreachable[1]) : 0, on('circuit-sku-reach'), `${id}: ${title}`);
          checked++;
        } else {
          // A gateway: its connectors are its references.
          const references = service.findReferences(document, lens.range.start, false);
          assert.deepEqual(command === SHOW_REFERENCES_COMMAND ? args![2] : [], references, keyAt(lens));
          assert.equal(title, references.length ? `used by ${references.length} ${references.length === 1 ? 'connector' : 'connectors'}` : 'used by no connector');
          checked++;
        }
      }
      assert.equal(checked, lenses.length);
      // One lens per circuit, gateway and environment.
      assert.equal(lenses.length, graph.nodes.filter((n) => n.kind === 'circuit' || n.kind === 'gateway' || n.kind === 'environment').length);
    });
  }
});
