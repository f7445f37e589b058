// Bundles the extension with esbuild: the client (loaded by VS Code), the language server (a separate
// Node process), the same two for the browser (dist/web/: vscode.dev, github.dev) and the preview's
// webview script and style (run in the browser). One file each, so
// the .vsix carries no node_modules and VS Code loads one module on activation.
//
//   node scripts/build.mjs               development: readable, with source maps
//   node scripts/build.mjs --production  for the package: minified, no source maps
//   node scripts/build.mjs --watch       development, rebuilt on every change
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * The server reads its version with `require('../../../package.json')`, a path that is right from the
 * compiled `out/server/src/*.js` (which the `bin` entries run) but not from the sources esbuild reads.
 * Every `package.json` the sources ask for is the extension's own.
 */
const ownPackageJson = {
  name: 'own-package-json',
  setup(build) {
    build.onResolve({ filter: /(^|\/)package\.json$/ }, (args) =>
      args.importer.startsWith(path.join(root, 'server', 'src')) ? { path: path.join(root, 'package.json') } : undefined,
    );
  },
};

/**
 * The browser bundles (vscode.dev, github.dev) must hold no Node built-in: esbuild would leave the
 * import in, and it would fail only when the code runs in the browser. Fail the build instead, naming
 * the file that imports it.
 */
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0]]));
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || NODE_BUILTINS.has(args.path) || NODE_BUILTINS.has(args.path.split('/')[0])) {
        return { errors: [{ text: `Node built-in "${args.path}" imported by ${path.relative(root, args.importer)}: the browser bundles cannot use it` }] };
      }
      return undefined;
    });
  },
};

/**
 * `import source from 'ppnet:layout-worker/grid'` (or `/elk`): a layout worker of the preview, bundled
 * on its own and handed to the preview's bundle as text, from which the page starts it as a blob
 * worker. VS Code serves a webview's files from another origin than the page, and a worker must come
 * from the page's origin; a blob does. Two workers, so that the grid's starts without loading ELK.
 * Rebuilt in watch mode whenever one of their files changes.
 */
const WORKER_ENTRIES = { grid: 'webview/src/layout/gridWorker.ts', elk: 'webview/src/layout/elkWorker.ts' };
const layoutWorkerSource = {
  name: 'layout-worker-source',
  setup(build) {
    build.onResolve({ filter: /^ppnet:layout-worker\/(grid|elk)$/ }, (args) => ({ path: args.path.split('/')[1], namespace: 'ppnet-layout-worker' }));
    build.onLoad({ filter: /.*/, namespace: 'ppnet-layout-worker' }, async (args) => {
      const result = await esbuild.build({
        ...common,
        sourcemap: false,
        write: false,
        platform: 'browser',
        format: 'iife',
        target: 'es2020',
        entryPoints: [WORKER_ENTRIES[args.path]],
        outfile: `dist/webview/layout-worker-${args.path}.js`,
        plugins: [noNodeBuiltins],
      });
      const code = result.outputFiles.find((file) => file.path.endsWith('.js')).text;
      return { contents: `export default ${JSON.stringify(code)};`, loader: 'js', watchFiles: Object.keys(result.metafile.inputs).map((file) => path.join(root, file)) };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
  metafile: true,
};

const nodeTarget = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

const builds = [
  { ...nodeTarget, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...nodeTarget, entryPoints: ['server/src/lsp/node.ts'], outfile: 'dist/server.js', plugins: [ownPackageJson] },
  // The extension in the browser (package.json `browser`): VS Code loads it as CommonJS in its web
  // worker extension host; its language server runs in a web worker of its own.
  { ...common, platform: 'browser', format: 'cjs', target: 'es2020', entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/web/client.js', external: ['vscode'], plugins: [noNodeBuiltins] },
  { ...common, platform: 'browser', format: 'iife', target: 'es2020', entryPoints: ['server/src/lsp/browser.ts'], outfile: 'dist/web/server.js', plugins: [ownPackageJson, noNodeBuiltins] },
  // The preview's script and its stylesheet (imported by the script), loaded by the webview. The
  // layout runs in a worker whose bundle the script carries (see layoutWorkerSource).
  { ...common, platform: 'browser', format: 'iife', target: 'es2020', entryPoints: { preview: 'webview/src/main.ts' }, outdir: 'dist/webview', plugins: [layoutWorkerSource] },
];

function report(result) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.map')) console.log(`${file.padEnd(26)} ${(output.bytes / 1024).toFixed(0).padStart(6)} KiB`);
  }
}

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context({ ...options, plugins: [...(options.plugins ?? []), { name: 'report', setup: (b) => b.onEnd(report) }] });
    await context.watch();
  }
  console.log('watching for changes');
} else {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  results.forEach(report);
}
