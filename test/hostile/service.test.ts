/**
 * Hostile input to the language service and the config files, in-process: one diagnostic per cause
 * (repeated parser errors folded), texts that are not YAML text named for what they are, sizes in exact
 * units, ppnet.config.yaml problems in our words at their node, hover on wrong values, and the config
 * lookup that reads the disk once until it is refreshed.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupContent } from 'vscode-languageserver-types';
import { main } from '../../server/src/cli/main';
import { ConfigLoader } from '../../server/src/files/configFiles';
import { createLanguageService, parseConfig } from '../../server/src/service';
import { liveLimitDiagnostic } from '../../server/src/service/validation/limits';
import { doc, fixture, row } from '../support';
import { BAD, GOOD, tempTree } from './harness';

function rows(text: string) {
  return createLanguageService().validate(doc(text)).map(row);
}

describe('hostile text: one diagnostic per cause, in words that say what the file is', () => {
  it('an unclosed deep bracket: the parser\'s repeated error once, saying how often, and nothing twice', () => {
    const text = `version: 1\nenvironments:\n  prod:\n    region: europe\n    apps: ${'['.repeat(10_000)}\n`;
    const found = rows(text);
    // How deep the parser gets before it runs out of stack depends on the stack's size: read it, then compare exactly.
    const end = found[0]?.range.split('-')[1] ?? '';
    const count = /found this ([\d,]+) times/.exec(found[1]?.message ?? '')?.[1] ?? '';
    assert.ok(Number(count.replace(/,/g, '')) > 100, count);
    const [line, column] = end.split(':').map(Number);
    const at = `${line}:${column}-${line}:${column + 1}`;
    assert.deepEqual(found, [
      {
        code: 'schema',
        severity: 'error',
        range: `5:12-${end}`,
        message: '"apps.0" of environment prod must be text, but it is a list. An app kind: canvas, model-driven or portal.',
      },
      {
        code: 'yaml-syntax',
        severity: 'error',
        range: at,
        message:
          `YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]. The parser found this ${count} times at this place; it is shown once. ` +
          'Fix the YAML here; ppnet checks the rest as far as it can read it.',
      },
      {
        code: 'yaml-syntax',
        severity: 'error',
        range: at,
        message:
          'YAML syntax error: The YAML nests too deeply to read: the parser ran out of stack here. A topology needs only a few levels of nesting; remove the extra brackets, dashes or indentation. ' +
          'Fix the YAML here; ppnet checks the rest as far as it can read it.',
      },
    ]);
  });

  it('UTF-16 read as UTF-8 (as an editor without detection shows it): one diagnostic, nothing else', () => {
    const text = fixture('..', 'examples', 'contoso.ppnet.yaml');
    assert.deepEqual(rows(Buffer.from(text, 'utf16le').toString('utf8')), [
      {
        code: 'yaml-syntax',
        severity: 'error',
        range: '1:1-1:1',
        message:
          'UTF-16 text (little-endian, no byte order mark): ppnet reads topology files as UTF-8 only. ' +
          'Save it as UTF-8, for example with "iconv -f UTF-16LE -t UTF-8", or in VS Code with Reopen with Encoding (UTF-16 LE) and then Save with Encoding (UTF-8).',
      },
    ]);
  });

  it('NUL characters: binary content, at the first one, nothing else; every feature still answers', () => {
    const text = 'version: 1\u0000\u0001\u0002\nenvironments:\n  prod:\n    region: westeurope\n';
    assert.deepEqual(rows(text), [
      {
        code: 'yaml-syntax',
        severity: 'error',
        range: '1:11-1:12',
        message:
          'Binary content, not text: the file holds a NUL character here, which text never holds, so ppnet does not read it as YAML. ' +
          'Check that this is the topology file you meant; if it is text, remove the NUL characters.',
      },
    ]);
    const service = createLanguageService();
    const document = doc(text);
    const position = { line: 3, character: 14 };
    assert.equal(service.doHover(document, position), null);
    assert.deepEqual(service.findDocumentSymbols(document), []);
    service.doComplete(document, position);
  });

  it('CR-only line ends: the diagnostics of the same text with LF, and one warning at the first CR', () => {
    const lf = fixture('..', 'examples', 'mistakes.ppnet.yaml');
    const cr = lf.replace(/\n/g, '\r');
    const lines = lf.split('\n').length - 1;
    const [warning, ...rest] = rows(cr);
    assert.deepEqual(warning, {
      code: 'yaml-warning',
      severity: 'warning',
      range: `1:${lf.indexOf('\n') + 1}-2:1`, // the CR itself, which ends the line
      message:
        `YAML warning: This line ends with a carriage return (CR) alone, as classic Mac OS wrote line ends (${lines} line ends in this file are like it). ` +
        'ppnet reads it as a line end, as YAML does, but Git, diff and many tools see one long line: save the file with LF (or CRLF) line ends.',
    });
    assert.deepEqual(rest, rows(lf));
    assert.ok(rest.length > 5);
  });

  it('a control character: one diagnostic at the first, counting all, and the file is still checked', () => {
    assert.deepEqual(rows('version: 1\nname: a\u0085b\u009b\u007f\nenvironments:\n  prod:\n    region: westeurope\n').map((r) => [r.code, r.range]), [
      ['yaml-syntax', '2:10-2:11'],
      ['unknown-region', '5:13-5:23'],
    ]);
    const control = rows('name: a\u009bb\u007f\u0001\n').filter((r) => r.code === 'yaml-syntax');
    assert.equal(control.length, 1);
    assert.match(control[0].message, /^Control character U\+009B \(a C1 control\) here, the first of 3 in this file: /);
  });
});

describe('the size limit', () => {
  it('is said in exact units', () => {
    const text = `version: 1\n# ${'x'.repeat(5 * 1024 * 1024 - 13)}\n`;
    assert.equal(Buffer.byteLength(text), 5 * 1024 * 1024 + 1);
    assert.equal(
      liveLimitDiagnostic(doc(text))?.message,
      'File too large to check: 5,242,881 bytes, above the limit of 5,242,880 bytes (5 MiB). ' +
        'ppnet does not check, complete or outline it, here or with "ppnet check": split the topology into smaller files.',
    );
    assert.equal(liveLimitDiagnostic(doc(text.slice(1))), undefined);
  });
});

describe('ppnet.config.yaml problems: our words, at the node they concern', () => {
  const config = (text: string) => parseConfig(TextDocument.create('file:///ppnet.config.yaml', 'yaml', 1, text)).diagnostics.map(row);
  const SHAPE = 'rules: { <code>: off | hint | info | warning | error }';
  const KEYS = `two keys, ${SHAPE}, and deployed: <folder of exports>`;
  for (const [text, expected] of [
    ['rules:\n  gateway-tls: warning\nrule: 1\n', ['3:1-3:5', `"rule" is not a setting of ppnet.config.yaml, so ppnet ignores it: the file holds ${KEYS}. Did you mean rules?`]],
    ['colour: blue\n', ['1:1-1:7', `"colour" is not a setting of ppnet.config.yaml, so ppnet ignores it: the file holds ${KEYS}. Remove it.`]],
    ['rules: [gateway-tls]\n', ['1:8-1:21', `"rules" must be a map from rule code to level, but it is a list: write ${SHAPE}.`]],
    ['rules:\n', ['1:1-1:6', `"rules" must be a map from rule code to level, but it is empty: write ${SHAPE}, or remove the key.`]],
    ['- rules\n', ['1:1-1:8', `ppnet.config.yaml must be a map, but it is a list. It holds ${KEYS}.`]],
    ['rules:\n  gateway-tls:\n', ['2:3-2:14', 'Rule gateway-tls has no level: give it one of off, hint, info, warning or error.']],
    ['deployed: [exports]\n', ['1:11-1:20', '"deployed" must be the path of a folder of exported JSON, relative to this file, but it is a list: write deployed: <folder>, or remove the key.']],
    ['rules:\n  gateway-tls: [off]\n', ['2:16-2:21', 'The level of rule gateway-tls must be one word, off, hint, info, warning or error, but it is a list.']],
  ] as const) {
    it(`${JSON.stringify(text)}: ${expected[1].slice(0, 40)}...`, () => {
      assert.deepEqual(config(text), [{ code: 'schema', severity: 'error', range: expected[0], message: expected[1] }]);
    });
  }

  it('an empty config sets nothing and says nothing', () => {
    assert.deepEqual(config(''), []);
    assert.deepEqual(config('# nothing yet\n'), []);
  });
});

describe('hover on a wrong value: what was expected there, and why', () => {
  const text = `version: 2
environments:
  prod:
    region: westeurope
    apps: [canvas, portl]
    cdn: maybe
sites:
  hq: {}
gateways:
  gw:
    site: hqq
    region: europe
connectors:
  c:
    type: foo-bar
    environment: prod
`;
  const hoverAt = (marked: string) => {
    const start = text.indexOf(marked.replace('|', ''));
    assert.ok(start >= 0, marked);
    const document = doc(text);
    const hover = createLanguageService().doHover(document, document.positionAt(start + marked.indexOf('|')));
    return hover && (hover.contents as MarkupContent).value;
  };

  it('an Azure region where a Power Platform region belongs', () => {
    const value = hoverAt('region: west|europe');
    assert.ok(
      value?.startsWith(
        '**westeurope** is not a Power Platform region. Expected here: a Power Platform region, the geography the environment belongs to (such as `europe` or `unitedstates`), ' +
          'not one of its datacenters. `westeurope` is the Azure region West Europe, one of the datacenters of `europe`. Did you mean `europe`?\n\n**Environment and region.** ',
      ),
      value ?? 'no hover',
    );
  });

  it('a Power Platform region where an Azure region belongs, a missing id, a value outside its set, a wrong type, an unknown connector', () => {
    assert.equal(
      hoverAt('region: eu|rope\nconnectors'),
      '**europe** is not an Azure region. Expected here: one Azure datacenter region, such as `westeurope` or `northeurope`. `europe` is the Power Platform region Europe, whose datacenters are `westeurope` and `northeurope`.' +
        '\n\n**region**: The single Azure datacenter region the gateway connects to, such as westeurope. It should be in the geography of the environments that use it.',
    );
    assert.match(hoverAt('site: h|qq')!, /^\*\*hqq\*\*: no site of this id in this file\. Expected here: the id of a site, one of `hq`\. Did you mean `hq`\?\n\n\*\*site\*\*: /);
    assert.match(hoverAt('po|rtl')!, /^\*\*portl\*\* is not a value of `apps`\. Expected here: `canvas`, `model-driven` or `portal`\. Did you mean `portal`\?\n\n\*\*apps\*\*: /);
    assert.match(hoverAt('version: |2')!, /^\*\*2\*\* is not a value of `version`\. Expected here: `1`\.\n\n\*\*version\*\*: The format version/);
    assert.match(hoverAt('cdn: ma|ybe')!, /^\*\*maybe\*\* is text\. Expected here: true or false\.\n\n\*\*cdn\*\*: /);
    assert.match(hoverAt('type: foo|-bar')!, /^\*\*foo-bar\*\* is not a connector type in ppnet's catalog, so ppnet cannot tell where its traffic goes\. /);
  });

  it('a right value keeps its own hover, and a value with nothing to say has none', () => {
    assert.match(hoverAt('environment: pr|od')!, /prod/);
    assert.equal(hoverAt('can|vas'), '**canvas**: Canvas apps: their static content may come from the CDN, over the internet.');
  });
});

describe('the config lookup reads the disk once, until refreshed', () => {
  /** Counts the calls of `fs` functions on paths that end with ppnet.config.yaml while `body` runs. */
  function countConfigAccess(body: () => void): number {
    let count = 0;
    // The module object itself: the code under test reads its functions from it at each call.
    const module = require('fs') as Record<string, (...args: unknown[]) => unknown>;
    const names = ['lstatSync', 'statSync', 'existsSync', 'openSync', 'readFileSync'];
    const originals = names.map((name) => module[name]);
    names.forEach((name, i) => {
      module[name] = (...args: unknown[]) => {
        if (typeof args[0] === 'string' && args[0].endsWith('ppnet.config.yaml')) count++;
        return originals[i].apply(module, args);
      };
    });
    try {
      body();
    } finally {
      names.forEach((name, i) => (module[name] = originals[i]));
    }
    return count;
  }

  it('looks each folder up once and reads each config once; refresh() sees a change', () => {
    const dir = tempTree({ 'ppnet.config.yaml': 'rules:\n  unknown-region: off\n', 'a/b/x.ppnet.yaml': BAD, 'a/y.ppnet.yaml': BAD });
    const loader = new ConfigLoader();
    // The first lookup probes a/b, a and the root (found there), then opens the config: four accesses.
    assert.equal(countConfigAccess(() => assert.deepEqual(loader.forFile(path.join(dir, 'a', 'b', 'x.ppnet.yaml'))?.config.ruleLevels, { 'unknown-region': 'off' })), 4);
    // Later lookups, from the same folders or below them, touch nothing.
    assert.equal(countConfigAccess(() => loader.forFile(path.join(dir, 'a', 'y.ppnet.yaml'))), 0);
    assert.equal(countConfigAccess(() => loader.forFile(path.join(dir, 'a', 'b', 'x.ppnet.yaml'))), 0);
    fs.writeFileSync(path.join(dir, 'ppnet.config.yaml'), 'rules:\n  unknown-region: info\n');
    assert.deepEqual(loader.forFile(path.join(dir, 'a', 'y.ppnet.yaml'))?.config.ruleLevels, { 'unknown-region': 'off' });
    loader.refresh();
    assert.deepEqual(loader.forFile(path.join(dir, 'a', 'y.ppnet.yaml'))?.config.ruleLevels, { 'unknown-region': 'info' });
  });

  it('ppnet check reads each config once per run, for any number of files', async () => {
    const dir = tempTree({ 'ppnet.config.yaml': 'rules: {}\n', 'a.ppnet.yaml': GOOD, 'b.ppnet.yaml': GOOD, 'sub/c.ppnet.yaml': GOOD, 'sub/d.ppnet.yaml': GOOD });
    const previous = process.cwd();
    process.chdir(dir);
    try {
      let run: Promise<number> | undefined;
      // The root probed and its config opened, then sub probed (its parent is known): three accesses.
      // (A check runs before main's first await: the whole run is inside the count.)
      assert.equal(countConfigAccess(() => (run = main(['check', '.'], () => undefined, () => undefined))), 3);
      assert.equal(await run, 0);
    } finally {
      process.chdir(previous);
    }
  });
});
