/**
 * Incremental parsing gives what a full parse gives: the same document (node types, values and
 * ranges) and exactly the same diagnostics, on real files and on random edit sequences that cross
 * the fallback boundary (YAML errors, aliases, tabs, flow sections, a second document...) both ways.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Scalar, YAMLMap } from 'yaml';
import { generateTopology } from '../../bench/generate';
import { IncrementalParser } from '../../server/src/service/model/incremental';
import { buildTopology } from '../../server/src/service/model/model';
import { parseText } from '../../server/src/service/syntax/parse';
import { validateTopology } from '../../server/src/service/validation/engine';
import { doc } from '../support';
// The module object itself (not a namespace copy), so that a test can count the parses the parser asks of it.
import yaml = require('yaml');
import { applyEdit, editArbitrary, keystrokes, sampleTexts, typingArbitrary } from './randomEdits';
import { shape } from './nodeShape';

function fullDiagnostics(text: string) {
  return validateTopology(buildTopology(parseText(text)), doc(text));
}

describe('incremental parsing', () => {
  it('assembles the same document and diagnostics as a full parse of every sample file', () => {
    let incremental = 0;
    for (const text of sampleTexts()) {
      const result = new IncrementalParser().update(text);
      const full = parseText(text);
      if (result.incremental) incremental++;
      assert.deepEqual(shape(result.parsed.doc.contents), shape(full.doc.contents));
      assert.deepEqual(result.parsed.doc.range, full.doc.range);
      assert.deepEqual(result.parsed.duplicates.map((d) => [d.key.range, d.first.range]).sort(), full.duplicates.map((d) => [d.key.range, d.first.range]).sort());
      assert.deepEqual(validateTopology(result.topology, doc(text), {}, result.schemaFindings), fullDiagnostics(text));
    }
    assert.ok(incremental > 10, `only ${incremental} sample files were parsed in chunks`);
  });

  it('reuses unchanged chunks: an edit in one entity leaves the other entities as they were', () => {
    const text = generateTopology(120);
    const parser = new IncrementalParser();
    const before = parser.update(text).topology;
    const edited = text.replace('    type: sandbox\n', '    type: sandboxx\n');
    const after = parser.update(edited);
    assert.equal(after.incremental, true);
    const changed = [...after.topology.environments.values()].filter((e) => before.environments.get(e.id) !== e).map((e) => e.id);
    assert.equal(changed.length, 1);
    assert.equal(after.topology.environments.get(changed[0])?.type?.text, 'sandboxx');
    assert.equal(after.topology.connectors.get('crm-0001'), before.connectors.get('crm-0001'));
    // The connector after the edit moved by one character, and so did its nodes.
    assert.equal(after.topology.connectors.get('crm-0001')!.key.range![0], edited.indexOf('  crm-0001:') + 2);
    assert.deepEqual(validateTopology(after.topology, doc(edited), {}, after.schemaFindings), fullDiagnostics(edited));
  });

  it('types a key into an entity: its region while the YAML is broken, and a chunk of its own again, reused, once the key has its colon', () => {
    const text = generateTopology(120);
    const parser = new IncrementalParser();
    parser.update(text);
    const at = text.indexOf('    type: sandbox\n') + '    type: sandbox\n'.length;
    let typed = text;
    let result = parser.update(typed);
    for (const [offset, char] of [...'    cdn: x\n'].entries()) {
      typed = typed.slice(0, at + offset) + char + typed.slice(at + offset);
      result = parser.update(typed);
      assert.equal(result.incremental, true, JSON.stringify(typed.slice(at, at + offset + 1)));
      assert.deepEqual(result.parsed.problems, parseText(typed).problems);
      assert.deepEqual(shape(result.parsed.doc.contents, false), shape(parseText(typed).doc.contents, false));
    }
    // The first sandbox environment, where the key was typed: an edit in a site leaves it the same object.
    const mended = result.topology.environments.get('unitedstates-dev-0000')!;
    assert.equal(mended.key.range![0] < at, true);
    const elsewhere = typed.replace('name: Office 0000', 'name: Office 0000x');
    assert.notEqual(elsewhere, typed);
    const after = parser.update(elsewhere);
    assert.equal(after.topology.environments.get(mended.id), mended);
    assert.deepEqual(validateTopology(after.topology, doc(elsewhere), {}, after.schemaFindings), fullDiagnostics(elsewhere));
  });

  it('keeps an unchanged section\'s entities, but only from a version it assembled: a value edited in a version parsed in full is read again', () => {
    const text = generateTopology(120);
    const parser = new IncrementalParser();
    const first = parser.update(text);
    // A site's name edited: every other section keeps its entities, the same map.
    const renamed = text.replace('name: Office 0000', 'name: Office 0000x');
    const second = parser.update(renamed);
    assert.equal(second.topology.connectors, first.topology.connectors);
    assert.notEqual(second.topology.sites, first.topology.sites);
    // An alias sends the versions to a full parse, one of them with a connector's gateway edited in its
    // chunk; then the alias is deleted, and the connectors are read again.
    const relay = renamed.indexOf('    relay: expressroute\n') + '    relay: expressroute'.length;
    const aliased = renamed.slice(0, relay) + '\n    a: *x' + renamed.slice(relay);
    assert.equal(parser.update(aliased).incremental, false);
    const gateway = renamed.indexOf('    gateway: gw-0000') + '    gateway: '.length;
    assert.equal(parser.update(aliased.slice(0, gateway) + 'x' + aliased.slice(gateway)).incremental, false);
    const edited = renamed.slice(0, gateway) + 'x' + renamed.slice(gateway);
    const last = parser.update(edited);
    assert.equal(last.incremental, true);
    assert.notEqual(last.topology.connectors, first.topology.connectors);
    const diagnostics = validateTopology(last.topology, doc(edited), {}, last.schemaFindings);
    assert.deepEqual(diagnostics, fullDiagnostics(edited));
    assert.ok(diagnostics.some((d) => d.code === 'unknown-reference' && d.message.startsWith('"xgw-0000" is not a gateway')));
  });

  it('parses in full a region whose open flow list lets a document marker through: the second document is said as a full parse says it', () => {
    const text = 'version: 1\nenvironments:\n  prod:\n    region: europe\ndesktopFlows:\n  bot:\n    environment: prod\n    apps: [canvas,\n...\n    relay: expressroute\n  bot2:\n    environment: prod\n';
    const parser = new IncrementalParser();
    parser.update(text);
    // Indented, the marker no longer stops the cutting: the broken entity's window holds a second document.
    const indented = text.replace('\n...\n', '\n ...\n');
    const result = parser.update(indented);
    assert.equal(result.incremental, false);
    assert.deepEqual(result.parsed.problems, parseText(indented).problems);
    assert.deepEqual(validateTopology(result.topology, doc(indented), {}, result.schemaFindings), fullDiagnostics(indented));
  });

  it('ends an entity whose last value is empty, with comment lines after it, where a full parse does: at the next key, after its indentation', () => {
    const text = 'circuits:\n  er-1:\n    site: dc\n    privatePeering:\n\n#      vnets: [shared]\n  er-2:\n    site: dc\n  er-3:\n    privatePeering:\n    # none yet\nsites:\n  dc: {}\n';
    const parser = new IncrementalParser();
    // The first version, then edits that move the chunks and change the indentation the next key has.
    for (const version of [text, text.replace('site: dc\n  er-3', 'site: dcx\n  er-3'), text.replace('  er-2:\n    site: dc\n', '  er-2:\n    site: dc\n    region: europe\n')]) {
      const result = parser.update(version);
      const full = parseText(version);
      assert.equal(result.incremental, true);
      assert.deepEqual(shape(result.parsed.doc.contents), shape(full.doc.contents));
      const erOne = (full.doc.contents as YAMLMap).items[0].value as YAMLMap;
      // er-1's value ends where er-2's key starts, two spaces into its line, in both.
      assert.equal((erOne.items[0].value as YAMLMap).range![1], version.indexOf('er-2:'));
    }
  });

  it('reads a known tag (!!binary, !!set) alike in every chunk and every document, as a full parse does', () => {
    const text = [
      'version: 1',
      'environments:',
      '  a:',
      '    name: !!binary aGVsbG8=',
      '  b:',
      '    name: !!binary aGVsbG8=',
      '    apps: !!set { canvas }',
      '  c:',
      '    apps: !!set { canvas }',
      '',
    ].join('\n');
    const full = parseText(text);
    for (const parser of [new IncrementalParser(), new IncrementalParser()]) {
      const result = parser.update(text);
      assert.equal(result.incremental, true);
      assert.deepEqual(shape(result.parsed.doc.contents), shape(full.doc.contents));
      const section = (result.parsed.doc.contents as YAMLMap).get('environments') as YAMLMap<Scalar, YAMLMap>;
      const values = section.items.flatMap((entity) => entity.value!.items.map((pair) => pair.value));
      assert.deepEqual(values.map((node) => [node?.constructor.name, (node as Scalar).tag]), [
        ['Scalar', 'tag:yaml.org,2002:binary'],
        ['Scalar', 'tag:yaml.org,2002:binary'],
        ['YAMLSet', 'tag:yaml.org,2002:set'],
        ['YAMLSet', 'tag:yaml.org,2002:set'],
      ]);
      assert.equal(Buffer.from((values[1] as Scalar).value as Uint8Array).toString(), 'hello');
    }
  });

  it('gives exactly the diagnostics of a full validation after every edit of random edit sequences', () => {
    const samples = sampleTexts();
    let incremental = 0;
    let full = 0;
    let recovered = 0;
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (sample, edits) => {
        const parser = new IncrementalParser();
        let text = samples[sample];
        let wasIncremental = parser.update(text).incremental;
        const history: string[] = [];
        for (const change of edits) {
          text = applyEdit(text, change, history);
          const result = parser.update(text);
          if (result.incremental) incremental++;
          else full++;
          if (result.incremental && !wasIncremental) recovered++;
          wasIncremental = result.incremental;
          assert.deepEqual(validateTopology(result.topology, doc(text), {}, result.schemaFindings), fullDiagnostics(text));
        }
      }),
      { numRuns: 200 },
    );
    // Both sides of the fallback boundary were visited, and crossed back, many times (a YAML error alone
    // no longer crosses it: the broken region is parsed in chunks too).
    assert.ok(incremental > 300 && full > 100 && recovered > 10, `incremental ${incremental}, full ${full}, back to chunks ${recovered}`);
  });

  it('a keystroke that breaks the YAML re-parses only what it reaches, with exactly the document and diagnostics of a full parse', () => {
    const samples = sampleTexts();
    let broken = 0;
    let brokenIncremental = 0;
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(typingArbitrary, { minLength: 1, maxLength: 3 }), (sample, typings) => {
        const parser = new IncrementalParser();
        let text = samples[sample];
        parser.update(text);
        for (const typing of typings) {
          for (const stroke of keystrokes(text, typing)) {
            text = text.slice(0, stroke.at) + stroke.text + text.slice(stroke.at + stroke.remove);
            const result = parser.update(text);
            const full = parseText(text);
            if (full.problems.length) {
              broken++;
              if (result.incremental) brokenIncremental++;
            }
            assert.deepEqual(result.parsed.problems, full.problems);
            // Where a node's trailing comments end may differ (a comment stays on its chunk's node): nothing reads it.
            assert.deepEqual(shape(result.parsed.doc.contents, false), shape(full.doc.contents, false));
            assert.deepEqual(validateTopology(result.topology, doc(text), {}, result.schemaFindings), fullDiagnostics(text));
          }
        }
      }),
      { numRuns: 200 },
    );
    // Many broken versions were parsed as regions, not in full (tabs, aliases, merge keys and document markers
    // are parsed in full). The share depends on the random typings: 45% to 58% over runs, so the bound is a
    // quarter, which a parser that fell back to a full parse on a YAML error would still fail.
    assert.ok(brokenIncremental > broken / 4, `broken versions: ${broken}, parsed as regions: ${brokenIncremental}`);
  });

  it('parses a broken entity once per keystroke: together with the entity after it, which proves where it ends', () => {
    const text = generateTopology(120);
    const parser = new IncrementalParser();
    parser.update(text);
    // A key typed on the last line of an entity (the next line starts the next entity, less indented) and
    // on a line in the middle of one: each letter parses the entity's window once, and nothing else.
    const from = text.indexOf('    type: sandbox\n');
    const last = from + text.slice(from).search(/\n {2}\S/) + 1;
    const middle = text.indexOf('\n', text.indexOf('    type: production\n')) + 1;
    for (const at of [last, middle]) {
      let typed = text.slice(0, at) + '    c\n' + text.slice(at);
      parser.update(typed);
      const parses: string[] = [];
      const original = yaml.parseDocument;
      (yaml as { parseDocument: unknown }).parseDocument = (source: string, ...rest: unknown[]) => {
        parses.push(source);
        return (original as (...args: unknown[]) => unknown)(source, ...rest);
      };
      try {
        for (const char of 'dn') {
          const offset = at + 5 + typed.slice(at + 5).indexOf('\n');
          typed = typed.slice(0, offset) + char + typed.slice(offset);
          parses.length = 0;
          const result = parser.update(typed);
          assert.equal(result.incremental, true);
          assert.deepEqual(result.parsed.problems, parseText(typed).problems);
          assert.deepEqual(shape(result.parsed.doc.contents, false), shape(parseText(typed).doc.contents, false));
          // The entity (behind the one before it) and the one after it (which has more than one line), once.
          assert.equal(parses.length, 1, `${char}: ${parses.map((p) => p.length).join(', ')} characters`);
          const [next, afterNext] = [...typed.slice(at).matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1]);
          assert.ok(parses[0].includes(`\n  ${next}:\n`) && !parses[0].includes(`\n  ${afterNext}:\n`), parses[0]);
          // Behind the entity before it, when there is one, an empty entity stands in for it: its first line sets the parser's state.
          const before = [...typed.slice(0, at).matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1]);
          if (before.length > 1) assert.ok(parses[0].startsWith('environments:\n  x:\n  ') && !parses[0].includes(`  ${before[before.length - 2]}:`), parses[0]);
        }
      } finally {
        (yaml as { parseDocument: unknown }).parseDocument = original;
      }
      parser.update(text);
    }
  });

  it('tells from the changed part alone that a keystroke brought a character the chunks refuse, and parses the text in full', () => {
    const text = generateTopology(120);
    const parser = new IncrementalParser();
    assert.equal(parser.update(text).incremental, true);
    const at = text.indexOf('    type: sandbox\n') + 4;
    const crlf = text.replace(/\n/g, '\r\n');
    const crAt = crlf.indexOf('    type: sandbox\r\n') + '    type: sandbox'.length;
    const versions: [string, string, boolean][] = [
      ['a tab typed', text.slice(0, at) + '\t' + text.slice(at), false],
      ['the tab deleted', text, true],
      ['a BOM typed after the first character', text.slice(0, at) + '\uFEFF' + text.slice(at), false],
      ['a control character typed', text.slice(0, at) + '\u0007' + text.slice(at), false],
      ['CR LF line ends', crlf, true],
      ['the LF of a CR LF deleted: a lone CR', crlf.slice(0, crAt + 1) + crlf.slice(crAt + 2), false],
      ['the LF typed again', crlf, true],
      ['a CR typed before an LF', text.slice(0, at) + 'x\r' + text.slice(at), false],
    ];
    for (const [what, version, incremental] of versions) {
      const result = parser.update(version);
      assert.equal(result.incremental, incremental, what);
      assert.deepEqual(result.parsed.problems, parseText(version).problems, what);
    }
  });
});
