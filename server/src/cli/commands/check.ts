/** `ppnet check`: the findings of every topology file of the inputs, for a terminal or for CI. */
import { checkFiles, collectFiles, exitCodeOf, FileResult } from '../check';
import { Command, formatOption, noteStdinFromTerminal, OUTPUT_OPTION } from '../command';
import { deliver, toFile } from '../output';
import { formatJson } from '../formats/json';
import { toSarif } from '../formats/sarif';
import { formatText } from '../formats/text';

const FORMATS = { text: formatText, json: formatJson, sarif: (results: FileResult[]) => JSON.stringify(toSarif(results), null, 2) + '\n' };

export const checkCommand: Command = {
  name: 'check',
  usage: 'check <file|folder|->... [--format text|json|sarif] [-o out]',
  summary: 'the findings of every topology file, with rule codes; exit 1 when one is an error',
  details: `A folder means every *.ppnet.yaml and *.ppnet.yml below it (hidden and node_modules folders
are skipped unless named); - reads standard input.
Exit codes: 0 no error found, 1 an error was found, 2 bad usage, or a file, folder or config that
could not be read or checked (the others are still checked and reported).`,
  options: [formatOption(Object.keys(FORMATS), 'text: a line per finding; json: an array of findings; sarif: SARIF 2.1.0 for code scanning.'), OUTPUT_OPTION],
  inputs: { min: 1, wrongCount: 'check needs at least one file or folder' },
  run(args, context) {
    const format = args.value('--format') as keyof typeof FORMATS;
    const output = args.value('--output');
    noteStdinFromTerminal(args.inputs, context);
    const { results, read } = checkFiles(collectFiles([...args.inputs]), context);
    const code = exitCodeOf(results);
    deliver(context, output, FORMATS[format](results), read);
    if (code === 2 && toFile(output)) context.err(`ppnet: some paths were not read or not checked; ${output} says which and why\n`);
    else if (code === 2 && format !== 'text') context.err('ppnet: some paths were not read or not checked; the report says which and why\n');
    return code;
  },
};
