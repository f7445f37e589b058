/** `ppnet check`: the findings of every topology file of the inputs, for a terminal or for CI. */
import { checkFiles, collectFiles, exitCodeOf } from '../check';
import { Command, CONFIG_OPTION, noteStdinFromTerminal, OUTPUT_OPTION } from '../command';
import { FINDINGS_FORMAT_NAMES, FINDINGS_FORMATS, reportContext } from '../formats';
import { toFile } from '../output';
import { deliverReports, reportRequests, whereReportsGo } from '../reports';

export const checkCommand: Command = {
  name: 'check',
  usage: `check <file|folder|->... [--format ${FINDINGS_FORMAT_NAMES.join('|')} [-o out]]... [--config <file>]`,
  summary: 'the findings of every topology file, with rule codes; exit 1 when one is an error',
  details: `A folder means every *.ppnet.yaml and *.ppnet.yml below it (hidden and node_modules folders
are skipped unless named); - reads standard input.
Several reports from one run: each --format takes the -o after it, e.g.
  ppnet check net/ --format sarif -o ppnet.sarif --format junit -o ppnet.xml --format github
Every format reports every finding, hints included, with its severity.
Exit codes: 0 no error found, 1 an error was found, 2 bad usage, or a file, folder or config that
could not be read or checked (the others are still checked and reported).`,
  options: [
    {
      name: '--format',
      alias: '-f',
      value: 'a format',
      choices: FINDINGS_FORMAT_NAMES,
      default: 'text',
      repeatable: true,
      help: FINDINGS_FORMAT_NAMES.map((name) => `${name}: ${FINDINGS_FORMATS[name].help}`).join('; ') + '.',
    },
    { ...OUTPUT_OPTION, repeatable: true, help: `${OUTPUT_OPTION.help} Given after a --format, it is that report's file.` },
    CONFIG_OPTION,
  ],
  inputs: { min: 1, wrongCount: 'check needs at least one file or folder' },
  run(args, context) {
    const requests = reportRequests(args, 'text');
    noteStdinFromTerminal(args.inputs, context);
    const { results, read } = checkFiles(collectFiles([...args.inputs]), context);
    const code = exitCodeOf(results);
    deliverReports(context, requests, FINDINGS_FORMATS, results, read, reportContext('check'));
    const printedText = requests.some((r) => r.format === 'text' && !toFile(r.output));
    if (code === 2 && !printedText) context.err(`ppnet: some paths were not read or not checked; ${whereReportsGo(requests)} says which and why\n`);
    return code;
  },
};
