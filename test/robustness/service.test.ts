/**
 * Hostile input to the language service: every feature answers without an exception on alias bombs,
 * very deep nesting, binary bytes, a BOM, CRLF line ends, tabs and positions beyond the end, with a
 * clear diagnostic where the file is at fault; and on random and mutated topologies edited at random,
 * where the long-lived (incremental) service always reports what a fresh one reports.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position } from 'vscode-languageserver-types';
import { createLanguageService, LanguageService, RenameError } from '../../server/src/service';
import { doc, fixture, row } from '../support';
import { applyEdit, editArbitrary, sampleTexts } from './randomEdits';

/** A request that takes longer than this on a small file has hung (a liveness bound, not a speed target). */
const HANG_MS = 5000;

/** Calls every feature of the service at `position`; throws if one throws or hangs. */
function exerciseEveryFeature(service: LanguageService, document: TextDocument, position: Position): void {
  const features: Record<string, () => unknown> = {
    validate: () => service.validate(document),
    codeActions: () => service.getCodeActions(document, { diagnostics: service.validate(document) }),
    completion: () => service.doComplete(document, position),
    hover: () => service.doHover(document, position),
    definition: () => service.findDefinition(document, position),
    references: () => service.findReferences(document, position, true),
    highlights: () => service.findDocumentHighlights(document, position),
    prepareRename: () => service.prepareRename(document, position),
    rename: () => {
      try {
        return service.doRename(document, position, 'renamed-id');
      } catch (error) {
        if (error instanceof RenameError) return error.message; // a refusal the user reads
        throw error;
      }
    },
    symbols: () => service.findDocumentSymbols(document),
    folding: () => service.getFoldingRanges(document),
    workspaceSymbols: () => service.findWorkspaceSymbols('e', [document]),
    graph: () => service.getGraph(document),
  };
  for (const [name, run] of Object.entries(features)) {
    const start = Date.now();
    try {
      JSON.stringify(run()); // answers go over JSON-RPC: they must serialize
    } catch (error) {
      throw new Error(`${name} at ${JSON.stringify(position)} threw: ${(error as Error).stack}`);
    }
    assert.ok(Date.now() - start < HANG_MS, `${name} hung`);
  }
}

/** A few places in a document: its start, a middle, its end, and well beyond its end. */
function placesIn(document: TextDocument): Position[] {
  const last = document.lineCount - 1;
  return [
    { line: 0, character: 0 },
    document.positionAt(Math.floor(document.getText().length / 2)),
    document.positionAt(document.getText().length),
    { line: last, character: 10_000 },
    { line: 1_000_000, character: 1_000_000 },
  ];
}

function exerciseEverywhere(document: TextDocument): void {
  const service = createLanguageService();
  for (const position of placesIn(document)) exerciseEveryFeature(service, document, position);
}

/** The billion-laughs pattern: nine lists of nine aliases to the list before. */
function aliasBomb(): string {
  let text = 'version: 1\nlol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  for (let i = 1; i < names.length; i++) text += `${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]\n`;
  return text + 'environments:\n  prod:\n    region: europe\n    apps: *h\n';
}

const TOO_DEEP =
  'YAML syntax error: The YAML nests too deeply to read: the parser ran out of stack here. A topology needs only a few levels of nesting; remove the extra brackets, dashes or indentation. Fix the YAML here; ppnet checks the rest as far as it can read it.';

describe('hostile input to the language service', () => {
  it('an alias bomb: one clear diagnostic on the alias that blows up, and every feature answers', () => {
    const document = doc(aliasBomb());
    const rows = createLanguageService().validate(document).map(row);
    // Expanding f's aliases passes the limit: the first alias written in f's list is where it happens.
    assert.deepEqual(rows, [
      {
        code: 'schema',
        severity: 'error',
        range: '7:8-7:10',
        message:
          'Aliases in this file expand to more than 10000 nodes, so ppnet stops expanding them and skips the structural check. Write the repeated parts out, or use fewer nested aliases.',
      },
    ]);
    exerciseEverywhere(document);
  });

  for (const [name, nesting] of [
    ['flow lists', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['flow maps', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['block lists on one line', '\n      ' + '- '.repeat(10_000) + 'a'],
  ]) {
    it(`10,000 levels of ${name}: one "nests too deeply" diagnostic, and every feature answers`, () => {
      const document = doc(`version: 1\nenvironments:\n  prod:\n    region: europe\n    apps: ${nesting}\n`);
      const syntax = createLanguageService()
        .validate(document)
        .filter((d) => d.code === 'yaml-syntax');
      assert.equal(syntax.length, 1, JSON.stringify(syntax));
      assert.equal(syntax[0].message, TOO_DEEP);
      assert.ok(syntax[0].range.start.line >= 4, 'reported in the nesting, not elsewhere');
      exerciseEverywhere(document);
    });
  }

  it('binary bytes: diagnostics, no exception', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    for (const text of [bytes.toString('latin1'), bytes.toString('utf8'), 'version: 1\nname: a\u0000b\u0001\n\u0002: x\n']) {
      const document = doc(text);
      assert.ok(createLanguageService().validate(document).length > 0);
      exerciseEverywhere(document);
    }
  });

  it('a byte order mark: the same diagnostics, one character later on the first line only', () => {
    const text = 'version: 2\nenvironments:\n  prod:\n    region: westeurope\n';
    const plain = createLanguageService().validate(doc(text)).map(row);
    const withBom = createLanguageService().validate(doc('\uFEFF' + text)).map(row);
    assert.deepEqual(
      plain.map((r) => r.range),
      ['1:10-1:11', '4:13-4:23'],
    );
    assert.deepEqual(
      withBom.map((r) => r.range),
      ['1:11-1:12', '4:13-4:23'],
    );
    assert.deepEqual(
      withBom.map((r) => r.message),
      plain.map((r) => r.message),
    );
    exerciseEverywhere(doc('\uFEFF' + text));
  });

  it('CRLF line ends: exactly the diagnostics of the LF file', () => {
    for (const name of ['contoso.ppnet.yaml', 'mistakes.ppnet.yaml']) {
      const text = fixture('..', 'examples', name).replace(/\r\n/g, '\n');
      const lf = createLanguageService().validate(doc(text));
      const crlf = createLanguageService().validate(doc(text.replace(/\n/g, '\r\n')));
      assert.deepEqual(crlf, lf);
      exerciseEverywhere(doc(text.replace(/\n/g, '\r\n')));
    }
  });

  it('tabs as indentation: a clear YAML error where the tab is', () => {
    const document = doc('version: 1\nenvironments:\n  prod:\n\tregion: europe\n');
    const syntax = createLanguageService()
      .validate(document)
      .filter((d) => d.code === 'yaml-syntax')
      .map(row);
    assert.deepEqual(syntax, [
      {
        code: 'yaml-syntax',
        severity: 'error',
        range: '4:1-4:2',
        message: 'YAML syntax error: Tabs are not allowed as indentation. Fix the YAML here; ppnet checks the rest as far as it can read it.',
      },
    ]);
    exerciseEverywhere(document);
  });

  it('keys named as the properties of every object (__proto__, constructor, toString): every feature answers anywhere', () => {
    const text = [
      'version: 1',
      'constructor: 1',
      'environments:',
      '  prod:',
      '    region: europe',
      '    __proto__: prod',
      '    toString: x',
      'circuits:',
      '  er:',
      '    site: hq',
      '    __proto__: hq',
      '    constructor: prod',
      'sites:',
      '  hq: {}',
      '  __proto__: {}',
      '',
    ].join('\n');
    const document = doc(text);
    const service = createLanguageService();
    for (let line = 0; line < document.lineCount; line++) {
      for (let character = 0; character <= 16; character += 2) exerciseEveryFeature(service, document, { line, character });
    }
    // A field named __proto__ is no reference: nothing to complete there.
    assert.deepEqual(service.doComplete(document, { line: 10, character: 15 })?.items.map((i) => i.label) ?? [], []);
    // Each is an unknown key, on the key.
    const unknown = service.validate(document).filter((d) => d.code === 'unknown-key').map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]);
    assert.deepEqual(unknown, [[1, 0, 11], [5, 4, 13], [6, 4, 12], [10, 4, 13], [11, 4, 15]]);
  });

  it('positions beyond the end, on every sample file: every feature answers', () => {
    const service = createLanguageService();
    for (const text of sampleTexts()) {
      const document = doc(text);
      for (const position of [
        { line: document.lineCount + 5, character: 0 },
        { line: 0, character: 100_000 },
        { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
      ]) {
        exerciseEveryFeature(service, document, position);
      }
    }
  });
});

describe('random and mutated topologies', () => {
  const samples = sampleTexts();
  const place = fc.record({ line: fc.nat(), character: fc.nat({ max: 120 }) });

  it('every feature answers at random places after every edit, and diagnostics equal a fresh validation', () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(fc.tuple(editArbitrary, place), { minLength: 1, maxLength: 8 }), (sample, steps) => {
        const service = createLanguageService();
        let text = samples[sample];
        const history: string[] = [];
        steps.forEach(([change, at], index) => {
          text = applyEdit(text, change, history);
          const document = doc(text, undefined, index + 1);
          const position = { line: at.line % (document.lineCount + 2), character: at.character };
          exerciseEveryFeature(service, document, position);
          assert.deepEqual(service.validate(document), createLanguageService().validate(doc(text)));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('random text: every feature answers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), place, (text, at) => {
        const document = doc(text);
        exerciseEveryFeature(createLanguageService(), document, { line: at.line % (document.lineCount + 2), character: at.character });
      }),
      { numRuns: 100 },
    );
  });
});
