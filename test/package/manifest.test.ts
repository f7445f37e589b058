/**
 * The extension manifest: everything VS Code and the Marketplace read from package.json is there, and
 * every path and command it contributes resolves. Run after `npm run build` (the bundles are in dist/).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support';

interface Command {
  command: string;
  title: string;
  category?: string;
  icon?: string | { light: string; dark: string };
}

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

/** Every file path package.json names, with where it names it. */
function contributedPaths(): [where: string, file: string][] {
  const paths: [string, string][] = [
    ['main', manifest.main],
    ['browser', manifest.browser],
    ['icon', manifest.icon],
    ...Object.entries<string>(manifest.bin).map(([name, file]): [string, string] => [`bin.${name}`, file]),
  ];
  for (const language of contributes.languages ?? []) {
    if (language.configuration) paths.push([`languages[${language.id}].configuration`, language.configuration]);
    for (const icon of [language.icon?.light, language.icon?.dark]) if (icon) paths.push([`languages[${language.id}].icon`, icon]);
  }
  for (const grammar of contributes.grammars ?? []) paths.push([`grammars[${grammar.scopeName}].path`, grammar.path]);
  for (const snippet of contributes.snippets ?? []) paths.push([`snippets[${snippet.language}].path`, snippet.path]);
  for (const validation of contributes.jsonValidation ?? []) if (!/^https?:/.test(validation.url)) paths.push(['jsonValidation.url', validation.url]);
  for (const command of (contributes.commands ?? []) as Command[]) {
    // A string icon is a theme icon ($(name)); an object names files.
    if (command.icon && typeof command.icon === 'object') paths.push([`commands[${command.command}].icon.light`, command.icon.light], [`commands[${command.command}].icon.dark`, command.icon.dark]);
  }
  return paths;
}

describe('package.json', () => {
  it('has what the Marketplace shows and needs', () => {
    for (const field of ['name', 'displayName', 'description', 'version', 'publisher', 'license', 'icon']) {
      assert.equal(typeof manifest[field], 'string', field);
      assert.ok(manifest[field].length > 0, field);
    }
    assert.ok(manifest.categories.length > 0 && manifest.keywords.length > 0);
    assert.match(manifest.repository.url, /^https:\/\//);
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.0$/);
    assert.ok(fs.existsSync(path.join(ROOT, 'LICENSE')));
  });

  it('builds against the VS Code API of its lowest supported version', () => {
    // Typings newer than engines.vscode would let the code call API that older VS Code lacks.
    const engine = /(\d+\.\d+)/.exec(manifest.engines.vscode)![1];
    assert.match(manifest.devDependencies['@types/vscode'], new RegExp(`^~${engine.replace('.', '\\.')}\\.`));
  });

  it('names only files that exist', () => {
    const missing = contributedPaths().filter(([, file]) => !fs.existsSync(path.join(ROOT, file)));
    assert.deepEqual(missing, [], 'run "npm run build" first if only dist/ files are missing');
  });

  it('declares every command its menus use, with a category, and the client registers each of them', () => {
    const commands = new Set(((contributes.commands ?? []) as Command[]).map((c) => c.command));
    const menuCommands = Object.values<{ command: string; alt?: string }[]>(contributes.menus ?? {})
      .flat()
      .flatMap((item) => [item.command, item.alt].filter((c): c is string => !!c));
    assert.deepEqual(menuCommands.filter((c) => !commands.has(c)), []);
    assert.deepEqual(((contributes.commands ?? []) as Command[]).filter((c) => c.category !== 'ppnet').map((c) => c.command), []);
    for (const entry of [manifest.main, manifest.browser]) {
      const client = fs.readFileSync(path.join(ROOT, entry), 'utf8');
      assert.deepEqual([...commands].filter((c) => !client.includes(`"${c}"`) && !client.includes(`'${c}'`)), [], entry);
    }
  });

  it('has one entry for the desktop and one for the browser (vscode.dev, github.dev), both bundles', () => {
    // VS Code's web-extension guide: `main` runs in the Node extension host, `browser` in the web worker one.
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.browser, './dist/web/client.js');
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'web', 'server.js')), 'the web worker server bundle');
  });

  it('activates only when a topology file opens, a command runs or a preview is restored', () => {
    // The language contribution and the commands imply onLanguage:ppnet and onCommand:*; anything that
    // starts at startup would cost every VS Code window.
    for (const event of manifest.activationEvents) assert.match(event, /^(onLanguage:ppnet|onCommand:ppnet\.|onWebviewPanel:ppnet\.)/);
  });

  it('contributes settings under ppnet. with a description and a default each', () => {
    const properties = Object.entries<{ default?: unknown; description?: string; markdownDescription?: string }>(contributes.configuration.properties);
    assert.ok(properties.length > 0);
    for (const [key, property] of properties) {
      assert.match(key, /^ppnet\./);
      assert.ok(property.description ?? property.markdownDescription, `${key} has no description`);
      assert.notEqual(property.default, undefined, `${key} has no default`);
    }
  });

  it('is documented: the README names every command and every setting', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const undocumented = ((contributes.commands ?? []) as Command[]).filter((c) => !readme.includes(`**${c.category}: ${c.title}**`));
    assert.deepEqual(undocumented.map((c) => c.command), []);
    for (const key of Object.keys(contributes.configuration.properties)) assert.ok(readme.includes(`| \`${key}\` |`), `${key} is not in the README's settings table`);
  });

  it('points README images at files of the repository (vsce turns them into repository links)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
    assert.deepEqual(images.filter((src) => !fs.existsSync(path.join(ROOT, src))), []);
    // The Marketplace rejects SVG images in a README.
    assert.deepEqual(images.filter((src) => src.endsWith('.svg')), []);
  });
});
