/**
 * The shape of the code: no import cycle (type-only imports included), no rule importing another rule,
 * the server and the command line reaching the service through its index only, the preview page
 * carrying nothing of the service nor of the LSP library, and every custom LSP method spelled in one
 * source file.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { ROOT } from '../support';

const SOURCE_ROOTS = ['server/src', 'client/src', 'webview/src', 'diagram', 'protocol', 'review', 'scripts'];

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.ts')) files.push(relative);
    }
  };
  SOURCE_ROOTS.filter((dir) => fs.existsSync(path.join(ROOT, dir))).forEach(walk);
  return files.sort();
}

/**
 * The project files a source file imports (type-only and re-exports included), as paths from the root;
 * with `values`, only those it imports values from (not `import type`), which a bundle carries.
 */
function importsOf(file: string, values = false): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const statements = [...text.matchAll(/^\s*(import|export)\b(\s+type\b)?[^'";]*?from\s+'(\.[^']+)'/gm)];
  const specifiers = statements.filter((m) => !values || m[2] === undefined).map((m) => m[3]);
  const resolved: string[] = [];
  for (const specifier of specifiers) {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    const candidate = [`${base}.ts`, `${base}/index.ts`].find((f) => fs.existsSync(path.join(ROOT, f)));
    if (candidate) resolved.push(candidate);
  }
  return resolved;
}

describe('the import graph of the sources', () => {
  const files = sourceFiles();
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  it('has no cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    files.forEach((file) => visit(file, []));
    assert.deepEqual(cycles, []);
  });

  it('has no rule importing another rule, and no file outside rules/ importing a rule but the registry', () => {
    const isRule = (f: string) =>
      f.startsWith('server/src/service/validation/rules/') && !f.startsWith('server/src/service/validation/rules/shared/') && !f.endsWith('/index.ts');
    const offending = [...graph].flatMap(([file, imports]) =>
      imports.filter(isRule).filter(() => !file.endsWith('service/validation/rules/index.ts')).map((target) => `${file} -> ${target}`),
    );
    assert.deepEqual(offending, []);
  });

  it('reaches the service from every other program only through its index', () => {
    // The client's "New topology file" command bundles the starter text alone, not the whole service.
    const allowed = new Set(['client/src/newTopologyFile.ts -> server/src/service/features/content/snippets.ts']);
    const outside = files.filter((f) => !f.startsWith('server/src/service/'));
    const offending = outside.flatMap((file) =>
      graph.get(file)!.filter((target) => target.startsWith('server/src/service/') && target !== 'server/src/service/index.ts').map((t) => `${file} -> ${t}`),
    ).filter((edge) => !allowed.has(edge));
    assert.deepEqual(offending, []);
  });

  it('gives the preview page nothing of the language service, and of protocol.ts only its types', () => {
    // The page's bundle carries what it imports values from, and what those import values from: the
    // service's code has no place in it, nor the LSP library protocol.ts declares its requests with.
    const valueGraph = new Map(files.map((file) => [file, importsOf(file, true)]));
    const offending: string[] = [];
    for (const page of files.filter((f) => f.startsWith('webview/src/'))) {
      for (const target of graph.get(page)!) if (target.startsWith('server/src/')) offending.push(`${page} -> ${target}`);
      const reached = new Set<string>();
      const visit = (file: string, trail: string[]) => {
        for (const next of valueGraph.get(file) ?? []) {
          if (reached.has(next)) continue;
          reached.add(next);
          if (next.startsWith('server/src/') || next === 'protocol/protocol.ts') offending.push([...trail, next].join(' -> '));
          visit(next, [...trail, next]);
        }
      };
      visit(page, [page]);
    }
    assert.deepEqual(offending, []);
  });

  it('spells each custom LSP method in one source file', () => {
    const spelled = new Map<string, string[]>();
    for (const file of files) {
      for (const m of fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/['"`](ppnet\/[A-Za-z/]+)['"`]/g)) {
        const list = spelled.get(m[1]) ?? [];
        if (!list.includes(file)) list.push(file);
        spelled.set(m[1], list);
      }
    }
    assert.ok(spelled.size > 0, 'no ppnet/ method found');
    for (const [method, inFiles] of spelled) assert.deepEqual(inFiles, ['protocol/protocol.ts'], method);
  });
});

/** The language service's layers, top to bottom: a file imports only from its own layer or below. */
const SERVICE_LAYERS: string[][] = [['features'], ['traffic', 'validation'], ['facts'], ['model', 'deployed'], ['text'], ['syntax', 'catalog', 'data']];

function serviceLayer(file: string): number | undefined {
  const folder = /^server\/src\/service\/([^/]+)\//.exec(file)?.[1];
  if (folder === undefined) return undefined;
  const index = SERVICE_LAYERS.findIndex((layer) => layer.includes(folder));
  return index < 0 ? undefined : index;
}

describe('the layers', () => {
  const files = sourceFiles();
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const edges = [...graph].flatMap(([file, imports]) => imports.map((target) => ({ file, target })));

  it('of the language service: no import reaches up a layer (features, traffic and validation, facts, model, text, syntax and catalog)', () => {
    const upward = edges.filter(({ file, target }) => {
      const from = serviceLayer(file);
      const to = serviceLayer(target);
      return from !== undefined && to !== undefined && to < from;
    });
    assert.deepEqual(upward.map(({ file, target }) => `${file} -> ${target}`), []);
  });

  const importing = (from: RegExp, to: RegExp) => edges.filter(({ file, target }) => from.test(file) && to.test(target)).map(({ file, target }) => `${file} -> ${target}`);

  it('keep the facts pure: they import nothing from validation/, features/ or traffic/ (traffic builds on the facts)', () => {
    assert.deepEqual(importing(/^server\/src\/service\/facts\//, /^server\/src\/service\/(validation|features|traffic)\//), []);
  });

  it('keep the traffic decisions apart from the rules and the features that read them', () => {
    assert.deepEqual(importing(/^server\/src\/service\/traffic\//, /^server\/src\/service\/(validation|features)\//), []);
  });

  it('keep syntax/ below the model', () => {
    assert.deepEqual(importing(/^server\/src\/service\/syntax\//, /^server\/src\/service\/model\//), []);
  });

  it('keep diagram/ and protocol/ apart from the server: they run in the browser too', () => {
    const offending = edges.filter(({ file, target }) => /^(diagram|protocol)\//.test(file) && target.startsWith('server/src/'));
    assert.deepEqual(offending.map(({ file, target }) => `${file} -> ${target}`), []);
  });

  it('keep review/ on protocol/ and diagram/ only: the comparison of two versions is pure', () => {
    const offending = edges.filter(({ file, target }) => file.startsWith('review/') && !/^(review|protocol|diagram)\//.test(target));
    assert.deepEqual(offending.map(({ file, target }) => `${file} -> ${target}`), []);
  });
});

describe('the size of the sources', () => {
  it('no source file over 500 lines (data and generated files aside)', () => {
    const long = sourceFiles()
      .map((file) => ({ file, lines: fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 500);
    assert.deepEqual(long.map(({ file, lines }) => `${file}: ${lines} lines`), []);
  });
});
