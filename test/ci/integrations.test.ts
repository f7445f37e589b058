/**
 * The files other tools read: pre-commit's hook definition (its `files` regex applied by Python's `re`,
 * as pre-commit applies it; its entry run on the files it selects) and the SchemaStore catalog entries
 * (valid against SchemaStore's catalog schema, globs that match the intended files, URLs of schemas this
 * repository serves).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import AjvDraft04 from 'ajv-draft-04';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { ROOT, tempDir } from '../support';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  types: string[];
}

const TOPOLOGY_FILES = ['a.ppnet.yaml', 'net/eu/b.ppnet.yml', 'NET/C.PPNET.YAML'];
const OTHER_FILES = ['ppnet.config.yaml', 'a.yaml', 'a.ppnet.yaml.bak', 'ppnet.yaml', 'docs/a.ppnet.md'];

/** The names `pattern` selects, by Python's `re.search` (pre-commit's own matching). */
function pythonSearch(pattern: string, names: string[]): string[] {
  const script = 'import json, re, sys\npattern, names = json.load(sys.stdin)\nprint(json.dumps([n for n in names if re.search(pattern, n)]))';
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify([pattern, names]), encoding: 'utf8' });
  assert.ok(!result.error, 'python3 is needed to apply the regex as pre-commit does');
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe("pre-commit's hook (.pre-commit-hooks.yaml)", () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('defines ppnet-check: ppnet check, installed as this npm package, on YAML files', () => {
    assert.deepEqual(
      hooks.map((h) => [h.id, h.entry, h.language, h.types]),
      [['ppnet-check', 'ppnet check', 'node', ['yaml']]],
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.bin.ppnet, './bin/ppnet.js', 'the entry is the package\'s command');
    // pre-commit installs the repository with npm install and npm pack: out/ is built by prepack, and
    // npm pack prints nothing but the file name pre-commit reads (scripts run in the background).
    assert.equal(manifest.scripts.prepack, 'tsc -p .');
    assert.match(fs.readFileSync(path.join(ROOT, '.npmrc'), 'utf8'), /^foreground-scripts=false$/m);
  });

  it('selects the topology files, in any case, and nothing else', () => {
    assert.deepEqual(pythonSearch(hooks[0].files, [...TOPOLOGY_FILES, ...OTHER_FILES]), TOPOLOGY_FILES);
  });

  it('fails the commit on a file with an error, as pre-commit runs it (the entry, then the files)', () => {
    const dir = tempDir({ 'good.ppnet.yaml': 'version: 1\nenvironments:\n  prod:\n    region: europe\n', 'bad.ppnet.yml': 'version: 1\nenvironments:\n  prod:\n    region: westeurope\n' }, 'ppnet-hook-');
    const selected = pythonSearch(hooks[0].files, fs.readdirSync(dir).sort());
    const [command, ...args] = hooks[0].entry.split(' ');
    assert.equal(command, 'ppnet');
    const run = (files: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'ppnet.js'), ...args, ...files], { cwd: dir, encoding: 'utf8' });
    const both = run(selected);
    assert.equal(both.status, 1);
    assert.match(both.stdout, /^bad\.ppnet\.yml:4:13: error unknown-region: /m);
    assert.equal(run(['good.ppnet.yaml']).status, 0);
  });
});

describe('the SchemaStore catalog entries (schemas/schemastore-catalog.json)', () => {
  const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'schemastore-catalog.json'), 'utf8')) as {
    schemas: { name: string; fileMatch: string[]; url: string }[];
  };

  it("is valid against SchemaStore's catalog schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'ci', 'schema-catalog.schema.json'), 'utf8'));
    const validate = new AjvDraft04({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(catalog), JSON.stringify(validate.errors, null, 2));
  });

  it('points at the schemas this repository serves, for the files each one describes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const repository = /github\.com\/([^/]+\/[^/.]+)/.exec(manifest.repository.url)![1];
    const served = `https://raw.githubusercontent.com/${repository}/main/`;
    const schemaOf = (file: string) => catalog.schemas.filter((s) => s.fileMatch.some((glob) => minimatch(file, glob, { matchBase: true }))).map((s) => s.url);
    for (const entry of catalog.schemas) {
      assert.ok(entry.url.startsWith(served), entry.url);
      const local = path.join(ROOT, entry.url.slice(served.length));
      assert.ok(fs.existsSync(local), `${local} exists`);
      assert.equal(JSON.parse(fs.readFileSync(local, 'utf8')).$schema, 'http://json-schema.org/draft-07/schema#');
    }
    for (const file of ['a.ppnet.yaml', 'net/eu/b.ppnet.yml']) assert.deepEqual(schemaOf(file), [`${served}schemas/ppnet.schema.json`], file);
    for (const file of ['ppnet.config.yaml', 'net/ppnet.config.yaml']) assert.deepEqual(schemaOf(file), [`${served}schemas/ppnet-config.schema.json`], file);
    for (const file of ['a.yaml', 'ppnet.yaml', 'docker-compose.yml']) assert.deepEqual(schemaOf(file), [], file);
  });
});
