/** `ppnet routes`: the route matrix of the inputs ("which flows cross the public internet?"). */
import { Command, formatOption } from '../command';
import { escapeControl } from '../escape';
import { formatRoutes, ROUTES_FORMATS, RoutesFormat, routesOf } from '../routes';

export const routesCommand: Command = {
  name: 'routes',
  usage: 'routes <file|folder>... [--format text|json|csv|markdown]',
  summary: 'the route of every pair of site, machine or gateway and environment or service',
  details: `A folder means every topology file below it, each row prefixed by its file.
Exit codes: 0 printed, 2 bad usage or a file that cannot be read.`,
  options: [formatOption(ROUTES_FORMATS, 'text: an aligned table; json: the matrix; csv: a record per cell; markdown: for a job summary.')],
  inputs: { min: 1, wrongCount: 'routes needs a file or folder' },
  run(args, context) {
    const table = formatRoutes(routesOf([...args.inputs], context), args.value('--format') as RoutesFormat);
    // Names come from the file: control characters are shown escaped, never sent to the terminal.
    context.out(table.split('\r\n').map(escapeControl).join('\r\n'));
    return 0;
  },
};
