/**
 * `ppnet routes` and the route matrix behind it: which rows and columns, which route each pair takes,
 * the exact text, JSON, CSV and Markdown, a folder with rows prefixed by file, hostile names kept text
 * in CSV and Markdown, and usage errors.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'node:test';
import { graphOfFile } from '../../server/src/cli/graph';
import { csvField, markdownText } from '../../server/src/cli/routes';
import { routeMatrix } from '../../diagram/matrix';
import type { Graph } from '../../protocol/graph';
import { ROOT } from '../support';

const CONTOSO = 'examples/contoso.ppnet.yaml';
const HOSTILE = 'test/fixtures/routes-hostile.ppnet.yaml';

function ppnet(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function graphOf(file: string): Graph {
  return graphOfFile(path.join(ROOT, file), fs.readFileSync(path.join(ROOT, file), 'utf8'));
}

/** The reasons of the flows, joined as a cell has them (the reasons' words are the traffic model's, tested there). */
function reasons(graph: Graph, ...flows: string[]): string {
  return flows.map((id) => graph.flows.find((f) => f.id === id)!.reason).join(' ');
}

describe('route matrix', () => {
  it('puts sites, machines, gateways and regions against environments and services, each pair with its route', () => {
    const matrix = routeMatrix(graphOf(CONTOSO));
    assert.deepEqual(
      matrix.rows.map((r) => `${r.kind} ${r.id} ${r.label}`),
      [
        'site site:ams-hq Amsterdam headquarters',
        'site site:dub-dc Dublin datacenter',
        'site site:sea-office Seattle office',
        'desktopFlow desktopFlow:invoice-bot invoice-bot',
        'desktopFlow desktopFlow:shipping-bot shipping-bot',
        'gateway gateway:gw-ams Amsterdam gateway cluster',
        'gateway gateway:gw-dub gw-dub',
        'gateway gateway:gw-sea gw-sea',
        'region group:region:europe Europe',
        'region group:region:unitedstates United States',
      ],
    );
    assert.deepEqual(
      matrix.columns.map((c) => `${c.kind} ${c.id} ${c.label}`),
      [
        'environment environment:contoso-prod Contoso Production',
        'environment environment:contoso-dev Contoso Development',
        'environment environment:fabrikam-us Fabrikam US Operations',
        'azureService azureService:orders-db orders-db',
        'service service:Salesforce Salesforce',
      ],
    );
    assert.deepEqual(
      matrix.cells.map((c) => `${c.row} -> ${c.column}: ${c.route} [${c.routes.join(' ')}] ${c.flows.join(' ')} @${c.node}:${c.range!.start.line + 1}`),
      [
        'site:ams-hq -> environment:contoso-prod: expressroute [expressroute] users:ams-hq:contoso-prod static-content:ams-hq:contoso-prod @environment:contoso-prod:8',
        'site:ams-hq -> environment:contoso-dev: expressroute [expressroute] users:ams-hq:contoso-dev @environment:contoso-dev:14',
        // Users over ExpressRoute, the canvas apps' static content from the CDN over the internet: the cell says the more exposed.
        'site:sea-office -> environment:fabrikam-us: internet [internet expressroute] users:sea-office:fabrikam-us static-content:sea-office:fabrikam-us @environment:fabrikam-us:19',
        'desktopFlow:invoice-bot -> environment:contoso-prod: expressroute [expressroute] desktop-flow:invoice-bot @desktopFlow:invoice-bot:107',
        'desktopFlow:shipping-bot -> environment:fabrikam-us: expressroute [expressroute] desktop-flow:shipping-bot @desktopFlow:shipping-bot:111',
        'gateway:gw-ams -> environment:contoso-prod: expressroute [expressroute] connector:erp-sql @connector:erp-sql:85',
        'gateway:gw-dub -> environment:contoso-dev: internet [internet] connector:archive-files @connector:archive-files:90',
        'gateway:gw-sea -> environment:fabrikam-us: expressroute [expressroute] connector:us-oracle @connector:us-oracle:101',
        'group:region:europe -> azureService:orders-db: microsoft-backbone [microsoft-backbone] azure-service:orders-db:europe @azureService:orders-db:117',
        'group:region:unitedstates -> service:Salesforce: internet [internet] connector:sales-salesforce @connector:sales-salesforce:97',
      ],
    );
    const graph = graphOf(CONTOSO);
    assert.equal(matrix.cells[2].reason, reasons(graph, 'users:sea-office:fabrikam-us', 'static-content:sea-office:fabrikam-us'));
  });

  it('names the environment each flow serves in the graph (the matrix places desktop flows and connectors by it)', () => {
    const graph = graphOf(CONTOSO);
    const environments = Object.fromEntries(graph.flows.map((f) => [f.id, f.environment ?? null]));
    assert.equal(environments['desktop-flow:invoice-bot'], 'environment:contoso-prod');
    assert.equal(environments['connector:archive-files'], 'environment:contoso-dev');
    assert.equal(environments['static-content:sea-office:fabrikam-us'], 'environment:fabrikam-us');
    assert.equal(environments['azure-service:orders-db:europe'], null);
  });

  it('places a delegated environment\'s connector to on-premises at its site, and Azure services reached from the subnet, as virtual network', () => {
    const matrix = routeMatrix(graphOf('examples/northwind-vnet.ppnet.yaml'));
    assert.deepEqual(
      matrix.cells.map((c) => [c.row, c.column, c.route, c.routes]),
      [
        ['site:nw-dc', 'environment:nw-prod', 'internet', ['internet', 'expressroute', 'virtual-network']],
        ['site:nw-dc', 'environment:nw-test', 'internet', ['internet', 'expressroute']],
        ['group:region:europe', 'azureService:orders-db', 'virtual-network', ['virtual-network']],
        ['group:region:europe', 'service:Snowflake', 'internet', ['internet']],
      ],
    );
    assert.match(ppnet('routes', 'examples/northwind-vnet.ppnet.yaml').stdout, /^4 pairs with flows: 3 Public internet, 1 Virtual network$/m);
  });

  it('is empty for a file with no flows', () => {
    assert.deepEqual(routeMatrix({ title: 't', nodes: [], groups: [], edges: [], flows: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } }), { rows: [], columns: [], cells: [] });
  });
});

describe('ppnet routes', () => {
  it('prints a text table, one line per pair, and a count by route', () => {
    const result = ppnet('routes', CONTOSO);
    assert.deepEqual([result.status, result.stderr], [0, '']);
    assert.equal(
      result.stdout,
      [
        'FROM                                    TO                                  ROUTE                                WHERE',
        'Site Amsterdam headquarters             Environment Contoso Production      ExpressRoute                         examples/contoso.ppnet.yaml:8:3',
        'Site Amsterdam headquarters             Environment Contoso Development     ExpressRoute                         examples/contoso.ppnet.yaml:14:3',
        'Site Seattle office                     Environment Fabrikam US Operations  Public internet (also ExpressRoute)  examples/contoso.ppnet.yaml:19:3',
        'Desktop flow invoice-bot                Environment Contoso Production      ExpressRoute                         examples/contoso.ppnet.yaml:107:3',
        'Desktop flow shipping-bot               Environment Fabrikam US Operations  ExpressRoute                         examples/contoso.ppnet.yaml:111:3',
        'Data gateway Amsterdam gateway cluster  Environment Contoso Production      ExpressRoute                         examples/contoso.ppnet.yaml:85:3',
        'Data gateway gw-dub                     Environment Contoso Development     Public internet                      examples/contoso.ppnet.yaml:90:3',
        'Data gateway gw-sea                     Environment Fabrikam US Operations  ExpressRoute                         examples/contoso.ppnet.yaml:101:3',
        'Power Platform region Europe            Azure service orders-db             Microsoft backbone                   examples/contoso.ppnet.yaml:117:3',
        'Power Platform region United States     Outside service Salesforce          Public internet                      examples/contoso.ppnet.yaml:97:3',
        '10 pairs with flows: 3 Public internet, 6 ExpressRoute, 1 Microsoft backbone',
        '',
      ].join('\n'),
    );
  });

  it('prints the matrix the preview shows as JSON', () => {
    const result = ppnet('routes', CONTOSO, '--format', 'json');
    assert.equal(result.status, 0);
    assert.equal(result.stdout, JSON.stringify(routeMatrix(graphOf(CONTOSO)), null, 2) + '\n');
  });

  it('prints CSV with a header, quoting and formula-proofing hostile names', () => {
    const graph = graphOf(HOSTILE);
    const result = ppnet('routes', HOSTILE, '--format=csv');
    assert.deepEqual([result.status, result.stderr], [0, '']);
    const env = '*bold* _em_ [link](https://evil.example) <b>x</b> `code` a|b';
    assert.equal(
      result.stdout,
      [
        'file,from_kind,from_id,from,to_kind,to_id,to,route,routes,flows,line,character,reason',
        `${HOSTILE},site,site:hq,"'=HYPERLINK(""https://evil.example"",""x""), ""quoted""",environment,environment:prod,${env},internet,internet expressroute,users:hq:prod static-content:hq:prod,5,3,"${reasons(graph, 'users:hq:prod', 'static-content:hq:prod')}"`,
        `${HOSTILE},desktopFlow,desktopFlow:-bot,'-bot,environment,environment:prod,${env},internet,internet,desktop-flow:-bot,33,3,${reasons(graph, 'desktop-flow:-bot')}`,
        `${HOSTILE},gateway,gateway:@gw,'+cmd|' /C calc'!A0,environment,environment:prod,${env},expressroute,expressroute,connector:files,28,3,"${reasons(graph, 'connector:files')}"`,
        '',
      ].join('\r\n'),
    );
    // What a CSV reader gets back: the names as written, each behind its apostrophe when it would be a formula.
    assert.deepEqual(parseCsv(result.stdout)[1].slice(3, 7), [`'=HYPERLINK("https://evil.example","x"), "quoted"`, 'environment', 'environment:prod', env]);
  });

  it('prints Markdown whose hostile names render as text', () => {
    const graph = graphOf(HOSTILE);
    const result = ppnet('routes', HOSTILE, '--format', 'markdown');
    assert.deepEqual([result.status, result.stderr], [0, '']);
    const env = 'Environment \\*bold\\* \\_em\\_ \\[link\\](https\\://evil.example) &lt;b&gt;x&lt;/b&gt; \\`code\\` a\\|b';
    assert.equal(
      result.stdout,
      [
        '**3 pairs with flows: 2 Public internet, 1 ExpressRoute**',
        '',
        '| From | To | Route | Why | Where |',
        '| --- | --- | --- | --- | --- |',
        `| Site =HYPERLINK("https\\://evil.example","x"), "quoted" | ${env} | Public internet (also ExpressRoute) | ${markdownText(reasons(graph, 'users:hq:prod', 'static-content:hq:prod'))} | ${HOSTILE}:5:3 |`,
        `| Desktop flow -bot | ${env} | Public internet | ${markdownText(reasons(graph, 'desktop-flow:-bot'))} | ${HOSTILE}:33:3 |`,
        `| Data gateway +cmd\\|' /C calc'!A0 | ${env} | ExpressRoute | ${markdownText(reasons(graph, 'connector:files'))} | ${HOSTILE}:28:3 |`,
        '',
      ].join('\n'),
    );
  });

  it('escapes exactly what CSV and Markdown need', () => {
    assert.deepEqual(['plain', 'a,b', 'say "hi"', 'two\nlines', '=1+1', '+1', '-1', '@x', '\tx'].map(csvField), [
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      "'=1+1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
    ]);
    assert.equal(markdownText('<img src=x onerror=alert(1)> | *a* _b_ `c` [d](e) ~f~ \\ g\nh & www.x.com'), '&lt;img src=x onerror=alert(1)&gt; \\| \\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\~f\\~ \\\\ g h &amp; www\\.x.com');
  });

  it('prefixes each row with its file for a folder, and shares columns of the same id', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppnet-routes-'));
    fs.mkdirSync(path.join(dir, 'eu'));
    fs.copyFileSync(path.join(ROOT, CONTOSO), path.join(dir, 'eu', 'contoso.ppnet.yaml'));
    fs.copyFileSync(path.join(ROOT, CONTOSO), path.join(dir, 'copy.ppnet.yaml'));
    fs.writeFileSync(path.join(dir, 'notes.yaml'), 'not a topology\n');
    const result = ppnet('routes', dir, '--format', 'json');
    assert.deepEqual([result.status, result.stderr], [0, '']);
    const matrix = JSON.parse(result.stdout);
    const single = routeMatrix(graphOf(CONTOSO));
    const files = [path.join(dir, 'copy.ppnet.yaml'), path.join(dir, 'eu', 'contoso.ppnet.yaml')];
    assert.deepEqual(
      matrix.rows,
      files.flatMap((file) => single.rows.map((row) => ({ ...row, id: `${file}: ${row.id}`, file }))),
    );
    assert.deepEqual(matrix.columns, single.columns);
    assert.equal(matrix.cells.length, 2 * single.cells.length);
    assert.equal(matrix.cells[0].row, `${files[0]}: site:ams-hq`);
    const text = ppnet('routes', dir).stdout.split('\n');
    assert.equal(text[1].split('  ')[0], `${files[0]}: Site Amsterdam headquarters`);
    assert.equal(text.at(-2), '20 pairs with flows: 6 Public internet, 12 ExpressRoute, 2 Microsoft backbone');
  });

  it('exits 2 on bad usage', () => {
    assert.deepEqual(ppnet('routes', CONTOSO, '--format', 'xml'), { status: 2, stdout: '', stderr: 'ppnet: --format must be text, json, csv or markdown, not "xml"\n' });
    assert.equal(ppnet('routes').status, 2);
    assert.equal(ppnet('routes', CONTOSO, '--theme', 'dark').status, 2);
    assert.deepEqual(ppnet('routes', 'no-such.ppnet.yaml'), { status: 2, stdout: '', stderr: 'ppnet: cannot read no-such.ppnet.yaml: no such file or folder\n' });
    assert.match(ppnet('--help').stdout, /ppnet routes <file\|folder>\.\.\. \[--format text\|json\|csv\|markdown\]/);
  });
});

/** A small RFC 4180 reader, to check what a spreadsheet gets back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}
