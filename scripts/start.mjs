// `npm start`: runs `ppnet check examples`, as a newcomer would. The examples hold a file of mistakes,
// so ppnet check exits with 1 on them; that is the expected result. Anything else (0: the mistakes
// were not found; 2: ppnet could not run) fails.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = ['bin/ppnet.js', 'check', 'examples'];
console.log(`> ppnet ${args.slice(1).join(' ')}`);
const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (result.status === 1) {
  console.log('\nppnet check exited with 1, as expected: examples/mistakes.ppnet.yaml holds the mistakes listed above.');
} else {
  console.error(`\nppnet check exited with ${result.status ?? result.signal}, not 1: the examples did not check as expected.`);
  process.exitCode = 1;
}
