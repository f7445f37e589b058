/**
 * The TextMate grammar: YAML highlighting (through a real YAML grammar) plus ppnet's own scopes for
 * references, region ids, BGP community values and disable comments, tokenized with vscode-textmate.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { before, describe, it } from 'node:test';
import { INITIAL, IGrammar, IRawGrammar, parseRawGrammar, Registry } from 'vscode-textmate';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';
import { ROOT } from '../support';

const grammarFiles: Record<string, string> = {
  'source.ppnet': path.join(ROOT, 'syntaxes', 'ppnet.tmLanguage.json'),
  'ppnet.injection': path.join(ROOT, 'syntaxes', 'ppnet.injection.tmLanguage.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
};

let grammar: IGrammar;

/** The scopes of every character of a text, line by line. */
function characterScopes(text: string): { char: string; scopes: string[] }[] {
  let state = INITIAL;
  const result: { char: string; scopes: string[] }[] = [];
  for (const line of text.split('\n')) {
    const tokenized = grammar.tokenizeLine(line, state);
    for (const token of tokenized.tokens) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) result.push({ char: line[i], scopes: token.scopes });
    }
    result.push({ char: '\n', scopes: [] });
    state = tokenized.ruleStack;
  }
  return result;
}

/** The scopes shared by every character of the first occurrence of `part` in `text`. */
function scopesOf(text: string, part: string): string[] {
  const start = text.indexOf(part);
  assert.ok(start >= 0, `"${part}" not in the text`);
  const chars = characterScopes(text).slice(start, start + part.length);
  return chars[0].scopes.filter((scope) => chars.every((c) => c.scopes.includes(scope)));
}

describe('TextMate grammar', () => {
  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new OnigScanner(s), createOnigString: (s: string) => new OnigString(s) }),
      loadGrammar: async (scope: string): Promise<IRawGrammar | null> =>
        grammarFiles[scope] ? parseRawGrammar(fs.readFileSync(grammarFiles[scope], 'utf8'), grammarFiles[scope]) : null,
      getInjections: (scope: string) => (scope === 'source.ppnet' ? ['ppnet.injection'] : undefined),
    });
    grammar = (await registry.loadGrammar('source.ppnet'))!;
  });

  it('keeps YAML highlighting for keys and comments', () => {
    const text = 'environments:\n  prod:\n    type: production   # note';
    assert.ok(scopesOf(text, 'environments').some((s) => s.startsWith('entity.name.tag')));
    assert.ok(scopesOf(text, '# note').some((s) => s.startsWith('comment.line')));
  });

  it('scopes references by key', () => {
    const text = 'connectors:\n  erp:\n    environment: contoso-prod\n    gateway: gw-ams';
    assert.ok(scopesOf(text, 'contoso-prod').includes('variable.other.reference.ppnet'));
    assert.ok(scopesOf(text, 'gw-ams').includes('variable.other.reference.ppnet'));
  });

  it('scopes Power Platform and Azure regions differently', () => {
    const text = 'environments:\n  prod:\n    region: europe\ngateways:\n  gw:\n    region: westeurope';
    assert.ok(scopesOf(text, 'europe').includes('constant.language.region.power-platform.ppnet'));
    assert.ok(scopesOf(text, 'westeurope').includes('constant.language.region.azure.ppnet'));
  });

  it('scopes BGP community values and region names in a route filter', () => {
    const text = 'circuits:\n  er:\n    microsoftPeering:\n      routeFilter:\n        - 12076:51002\n        - West Europe';
    assert.ok(scopesOf(text, '12076:51002').includes('constant.numeric.bgp-community.ppnet'));
    assert.ok(scopesOf(text, 'West Europe').includes('constant.language.region.azure.ppnet'));
  });

  it('scopes disable comments', () => {
    const text = '# ppnet-disable-next-line unknown-region';
    assert.ok(scopesOf(text, 'ppnet-disable-next-line').includes('keyword.control.directive.ppnet'));
    assert.ok(scopesOf(text, 'unknown-region').includes('constant.other.rule-code.ppnet'));
  });

  it('does not scope a region name inside a free-text value', () => {
    const text = 'name: Contoso europe office';
    assert.ok(!characterScopes(text).some((c) => c.scopes.some((s) => s.startsWith('constant.language.region'))));
  });
});
