/**
 * What goes into the .vsix: exactly what VS Code loads, nothing else. No sources, tests, source maps,
 * node_modules or build scripts (the bundles in dist/ inline every dependency). The list comes from
 * `vsce ls`, which applies .vscodeignore as `vsce package` does. Run after `npm run build`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support';

const EXPECTED = [
  'LICENSE',
  'README.md',
  'dist/client.js',
  'dist/server.js',
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
});
