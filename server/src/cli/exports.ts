/**
 * The deployed estate of the command line's export arguments, read one way for `ppnet import` and
 * `ppnet drift`: files as named, folders walked for `*.json` (as `ppnet check` walks for topology
 * files), `-` for standard input, each export decoded as it was written; a path that cannot be read
 * becomes an `import-unreadable` finding on it and every other input is still read.
 */
import { DeployedEstate, DeployedInput, InputFinding, readDeployed } from '../service';
import { readExport } from '../files/deployedFiles';
import { UsageError } from './errors';
import { collectInputs, STDIN, STDIN_NAME } from './inputs';

const EXPORT_FILE = /\.json$/i;

export function readEstate(args: readonly string[]): { estate: DeployedEstate; read: string[] } {
  const { inputs: collected, skipped } = collectInputs([...args], EXPORT_FILE);
  if (collected.length === 0) {
    const hint = skipped.length ? ` (not searched: ${skipped.join(', ')}; name a hidden or node_modules folder to read it)` : '';
    throw new UsageError(`no *.json file in ${args.join(', ')}${hint}`);
  }
  const inputs: DeployedInput[] = [];
  const findings: InputFinding[] = [];
  const read: string[] = [];
  for (const entry of collected) {
    if (entry.kind === 'problem') {
      findings.push({ code: 'import-unreadable', severity: 'error', file: entry.problem.file, message: `${entry.problem.file} is not read: ${entry.problem.diagnostic.message}` });
      continue;
    }
    const { file, real } = entry.input;
    read.push(real === STDIN ? STDIN : file);
    const export_ = readExport(real === STDIN ? STDIN : file, real === STDIN ? STDIN_NAME : file);
    if ('finding' in export_) findings.push(export_.finding);
    else inputs.push(export_.input);
  }
  const estate = readDeployed(inputs);
  estate.findings.push(...findings);
  return { estate, read };
}
