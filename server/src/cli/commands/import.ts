/** `ppnet import`: a topology file from what Azure and Power Platform export, with a map for what they do not hold. */
import { exitCodeOf } from '../check';
import { Command, formatOption, OUTPUT_OPTION } from '../command';
import { formatJson } from '../formats/json';
import { formatText } from '../formats/text';
import { runImport } from '../importRun';
import { STDIN } from '../inputs';
import { deliver, refuseOverwrite, toFile } from '../output';

export const importCommand: Command = {
  name: 'import',
  usage: 'import <file|folder|->... [--map <file>] [-o out] [--format text|json]',
  summary: 'writes a topology from Azure and Power Platform JSON exports (az, Resource Graph, PowerShell, the admin API)',
  details: `Each input is a JSON export: ExpressRoute circuits and their peerings, route filters, connections,
virtual network gateways, virtual networks, Power Platform environments, enterprise policies and gateway
clusters, as az, az graph query, the REST API or PowerShell's ConvertTo-Json writes them (UTF-8 or UTF-16).
A folder means every *.json below it; - reads standard input. The inputs may come in any order: the
topology is the same. --map names a YAML file (schemas/ppnet-map.schema.json) with what no export holds:
circuits' sites, regions and environments, gateways' sites, and the sites, connectors, desktop flows and
Azure services to write as they are. What it does not give is a "# TODO" line in the topology.
The topology goes to standard output or the -o file; the findings go to standard error.
Exit codes: 0 written, 1 a finding is an error (a circuit not provisioned, a disabled peering, no route
filter allowing anything), 2 bad usage, or an input or the map that could not be read (the others are
still imported and the topology written).`,
  options: [
    { name: '--map', value: 'a YAML file', help: 'What the exports do not hold, by the id the import gives or the Azure name: sites, environments of circuits, connectors...' },
    OUTPUT_OPTION,
    formatOption(['text', 'json'], 'How the findings are printed on standard error: text, a line each as ppnet check prints them; json, the same array as ppnet check --format json.'),
  ],
  inputs: { min: 1, wrongCount: 'import needs at least one file or folder' },
  run(args, context) {
    const output = args.value('--output');
    if (args.inputs.includes(STDIN) && process.stdin.isTTY) context.err('ppnet: reading an export from standard input; end it with Ctrl-D\n');
    const run = runImport([...args.inputs], args.value('--map'), toFile(output) ? output : '<stdout>');
    if (toFile(output)) refuseOverwrite(output, run.read);
    deliver(context, output, run.text, run.read);
    if (args.value('--format') === 'json') context.err(formatJson(run.results));
    else if (run.results.length) context.err(formatText(run.results));
    return exitCodeOf(run.results);
  },
};
