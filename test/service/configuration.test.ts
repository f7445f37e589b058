/** Per-rule levels (ppnet.config.yaml) and disable comments. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, parseConfig } from '../../server/src/service';
import { doc, row, validate } from '../support';

const TWO_PROBLEMS = `version: 1
environments:
  prod:
    region: westeurope
    colour: blue
`;

function config(text: string) {
  return parseConfig(TextDocument.create('file:///ppnet.config.yaml', 'yaml', 1, text));
}

describe('ppnet.config.yaml', () => {
  it('reads deployed: the folder of exports as written, with where it is written, and levels for drift codes', () => {
    const parsed = config('deployed: ../exports\nrules:\n  drift-capacity: off\n');
    assert.deepEqual(parsed.config, {
      ruleLevels: { 'drift-capacity': 'off' },
      deployed: { folder: '../exports', range: { start: { line: 0, character: 10 }, end: { line: 0, character: 20 } } },
    });
    assert.deepEqual(parsed.diagnostics, []);
    assert.equal(config('rules: {}\n').config.deployed, undefined);
  });

  it('reads levels and reports unknown codes and bad levels at their place', () => {
    const parsed = config('rules:\n  unknown-key: off\n  unknown-region: info\n  unknown-regoin: error\n  schema: loud\n');
    assert.deepEqual(parsed.config.ruleLevels, { 'unknown-key': 'off', 'unknown-region': 'info' });
    assert.deepEqual(parsed.diagnostics.map(row), [
      {
        code: 'unknown-rule-code',
        severity: 'warning',
        range: '4:3-4:17',
        message: '"unknown-regoin" is not a ppnet rule code, so this setting has no effect for it. Did you mean unknown-region?',
      },
      { code: 'schema', severity: 'error', range: '5:11-5:15', message: '"loud" is not a level for rule schema: use off, hint, info, warning or error.' },
    ]);
  });

  it('changes severities and turns rules off', () => {
    const levels = config('rules:\n  unknown-key: off\n  unknown-region: info\n').config.ruleLevels;
    assert.deepEqual(validate(TWO_PROBLEMS, { ruleLevels: levels }).map((d) => [d.code, row(d).severity]), [['unknown-region', 'info']]);
    assert.deepEqual(validate(TWO_PROBLEMS).map((d) => [d.code, row(d).severity]), [
      ['unknown-region', 'error'],
      ['unknown-key', 'warning'],
    ]);
  });

  it('applies a configured level to every finding of a rule, also to those it reports below its default', () => {
    const text = `version: 1
environments:
  us-prod: { region: unitedstates, managed: true, enterprisePolicy: ep-us }
enterprisePolicies:
  ep-us:
    subnets:
      - { vnet: a, region: eastus, cidr: 10.0.0.0/25 }
      - { vnet: b, region: westus, cidr: 10.0.1.0/25 }
      - { vnet: c, region: centralus, cidr: 10.0.2.0/25 }
      - { vnet: d, region: westeurope, cidr: 10.0.3.0/25 }
`;
    const severities = (levels?: Record<string, 'error' | 'warning'>) => validate(text, levels && { ruleLevels: levels }).map((d) => [d.code, row(d).severity, row(d).range]);
    // By default: a subnet in another region of the geography is an info (ppnet cannot tell), one outside it an error.
    assert.deepEqual(severities(), [
      ['vnet-region-pair', 'info', '9:28-9:37'],
      ['vnet-region-pair', 'error', '10:28-10:38'],
    ]);
    assert.deepEqual(severities({ 'vnet-region-pair': 'warning' }), [
      ['vnet-region-pair', 'warning', '9:28-9:37'],
      ['vnet-region-pair', 'warning', '10:28-10:38'],
    ]);
  });

  it('reports a config that is not YAML', () => {
    const parsed = config('rules: [\n');
    assert.equal(parsed.diagnostics[0].code, 'yaml-syntax');
  });
});

describe('disable comments', () => {
  it('next-line silences the named code on the next non-comment, non-blank line only', () => {
    const text = `version: 1
environments:
  prod:
    # ppnet-disable-next-line unknown-region

    # (the region is checked elsewhere)
    region: westeurope
    colour: blue
`;
    assert.deepEqual(validate(text).map((d) => d.code), ['unknown-key']);
  });

  it('file-level silences a code everywhere, several codes at once, and comments after -- are ignored', () => {
    const text = `# ppnet-disable-file unknown-region unknown-key -- migrated from the old file\n${TWO_PROBLEMS}`;
    assert.deepEqual(validate(text), []);
  });

  it('a directive with no code silences every rule on its line', () => {
    const text = TWO_PROBLEMS.replace('    region: westeurope', '    # ppnet-disable-next-line\n    region: westeurope');
    assert.deepEqual(validate(text).map((d) => d.code), ['unknown-key']);
  });

  it('reports an unused directive and an unknown code', () => {
    const text = `# ppnet-disable-file unknown-key circuit-region-mismatch bogus\n${TWO_PROBLEMS}`;
    assert.deepEqual(validate(text).map(row), [
      {
        code: 'unused-disable',
        severity: 'hint',
        range: '1:1-1:63',
        message:
          'This disable comment silences nothing: there is no "circuit-region-mismatch" in this file. Remove it (or the codes it no longer needs) so that it does not hide a future problem.',
      },
      {
        code: 'unknown-rule-code',
        severity: 'warning',
        range: '1:58-1:63',
        message: '"bogus" is not a ppnet rule code, so this disable comment has no effect for it. The README lists the rules.',
      },
      { ...row(validate(TWO_PROBLEMS)[0]), range: '5:13-5:23' },
    ]);
  });
});

describe('validation cache', () => {
  it('validates a version once per set of levels, and again when the levels change', () => {
    const service = createLanguageService();
    const document = doc(TWO_PROBLEMS);
    const first = service.validate(document);
    first.pop(); // a caller's change to its copy must not reach the cache
    assert.equal(service.validate(document).length, 2);
    const levels = { 'unknown-key': 'off' } as const;
    assert.deepEqual(service.validate(document, { ruleLevels: levels }).map((d) => d.code), ['unknown-region']);
    assert.deepEqual(service.validate(document).map((d) => d.code), ['unknown-region', 'unknown-key']);
    const edited = TextDocument.update(document, [{ text: TWO_PROBLEMS.replace('westeurope', 'europe') }], 2);
    assert.deepEqual(service.validate(edited).map((d) => d.code), ['unknown-key']);
  });
});
