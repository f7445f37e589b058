// Deletes what `tsc` compiled into out/ from a source that no longer exists. tsc never deletes an
// output, so a moved or removed file would otherwise stay: a stale module that `require` still finds
// (a moved `traffic.ts` left `out/.../traffic.js` beside the new `traffic/index.js`), or a removed test
// that `npm test` still runs. Run before every build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');

function walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full);
      if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
      continue;
    }
    const compiled = /^(.*)\.(js|js\.map|d\.ts)$/.exec(entry.name);
    if (!compiled) continue; // JSON copied by tsc, the build info
    const source = path.join(root, path.relative(out, dir), compiled[1]);
    if (!['.ts', '.tsx', '.mts', '.cts', '.js'].some((extension) => fs.existsSync(source + extension))) fs.rmSync(full);
  }
}

walk(out);
