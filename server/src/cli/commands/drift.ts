/** `ppnet drift`: where a design and what is deployed differ, as findings on the design's nodes. */
import { exitCodeOf } from '../check';
import { Command, CONFIG_OPTION, noteStdinFromTerminal, OUTPUT_OPTION } from '../command';
import { driftRun } from '../drift';
import { FINDINGS_FORMATS, reportContext } from '../formats';
import { formatMarkdown } from '../formats/markdown';
import { toFile } from '../output';
import { deliverReports, reportRequests, whereReportsGo } from '../reports';

const DRIFT_FORMATS = { ...FINDINGS_FORMATS, markdown: { render: formatMarkdown, help: 'a count and a table, for a pull-request comment or a job summary' } };
const DRIFT_FORMAT_NAMES = Object.keys(DRIFT_FORMATS);

export const driftCommand: Command = {
  name: 'drift',
  usage: `drift <design> <deployed file|folder|->... [--format ${DRIFT_FORMAT_NAMES.join('|')} [-o out]]... [--config <file>]`,
  summary: 'where the design and what is deployed differ, as findings on the design; exit 1 when one is an error',
  details: `The design is one topology file (or - for standard input). The deployed inputs are JSON exports
of Azure and Power Platform (az, Resource Graph, REST, PowerShell's ConvertTo-Json): files, folders (every
*.json below them, hidden and node_modules folders skipped) or - for standard input.
Design entities are matched by azureId, else by id, else by name as ppnet import makes ids of names.
Findings: drift-route-filter, drift-value, drift-capacity, drift-missing, drift-undesigned and what only a
deployment shows (circuit-not-provisioned, peering-disabled, prefix-validation-pending,
route-filter-no-allow, provider-managed-peering); an input that cannot be read is a finding on it.
Disable comments and ppnet.config.yaml levels apply, as for ppnet check.
Exit codes: 0 no error found, 1 an error was found, 2 bad usage, or a file that could not be read (the
others are still compared and reported).`,
  options: [
    {
      name: '--format',
      alias: '-f',
      value: 'a format',
      choices: DRIFT_FORMAT_NAMES,
      default: 'text',
      repeatable: true,
      help: DRIFT_FORMAT_NAMES.map((name) => `${name}: ${DRIFT_FORMATS[name as keyof typeof DRIFT_FORMATS].help}`).join('; ') + '.',
    },
    { ...OUTPUT_OPTION, repeatable: true, help: `${OUTPUT_OPTION.help} Given after a --format, it is that report's file.` },
    CONFIG_OPTION,
  ],
  inputs: { min: 2, wrongCount: 'drift needs a design file and at least one deployed file or folder' },
  run(args, context) {
    const requests = reportRequests(args, 'text');
    const [design, ...deployed] = args.inputs;
    noteStdinFromTerminal(args.inputs, context);
    const { results, read } = driftRun(design, deployed, context);
    const code = exitCodeOf(results);
    deliverReports(context, requests, DRIFT_FORMATS, results, read, reportContext('drift'));
    const printedText = requests.some((r) => r.format === 'text' && !toFile(r.output));
    if (code === 2 && !printedText) context.err(`ppnet: some paths were not read or not compared; ${whereReportsGo(requests)} says which and why\n`);
    return code;
  },
};
