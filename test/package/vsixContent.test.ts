/**
 * What goes into the .vsix: exactly what VS Code loads, nothing else. No sources, tests, source maps,
 * node_modules or build scripts (the bundles in dist/ inline every dependency). The list comes from
 * `vsce ls`, which applies .vscodeignore as `vsce package` does. Run after `npm run build`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support';

const EXPECTED = [
  'LICENSE',
  'README.md',
  'dist/client.js',
  'dist/server.js',
  'dist/web/client.js',
  'dist/web/server.js',
  'dist/webview/preview.css',
  'dist/webview/preview.js',
  'images/icon.png',
  'language-configuration.json',
  'package.json',
  'syntaxes/ppnet.injection.tmLanguage.json',
  'syntaxes/ppnet.tmLanguage.json',
];

describe('.vsix content', () => {
  it('holds the manifest, the bundles, the language files, the icon, the README and the licence, and nothing else', () => {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.length > 0)
      .sort();
    assert.deepEqual(listed, EXPECTED);
  });

  it('holds web bundles (vscode.dev, github.dev) that ask for no Node built-in', () => {
    // What esbuild leaves of an import it does not bundle: require("fs"), require("node:fs"), import "fs".
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const file of ['dist/web/client.js', 'dist/web/server.js']) {
      const bundle = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const asked = [...bundle.matchAll(/\b(?:require\(|import\(|from\s*|import\s*)\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(asked.filter((name) => builtins.has(name) || name.startsWith('node:')))], [], file);
    }
    // The client asks only for the vscode module, and uses no Node global (the preview's exports once used Buffer).
    const client = fs.readFileSync(path.join(ROOT, 'dist/web/client.js'), 'utf8');
    assert.deepEqual([...new Set([...client.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]))], ['vscode']);
    assert.doesNotMatch(client, /\bBuffer\.from\(/);
  });
});
