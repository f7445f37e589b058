/** `ppnet graph`: the preview's diagram of one file, as SVG, PNG, draw.io, Mermaid or the graph's JSON. */
import { THEME_KINDS, ThemeKind } from '../../../../diagram/theme';
import { Command, formatOption, noteStdinFromTerminal, OUTPUT_OPTION } from '../command';
import { escapeControl } from '../escape';
import { drawGraph, GRAPH_FORMATS, GraphFormat, graphOfInput, viewOfGraph } from '../graph';
import { UsageError } from '../errors';
import { deliver, refuseOverwrite, toFile } from '../output';

export const graphCommand: Command = {
  name: 'graph',
  usage: 'graph <file|-> [--format svg|png|drawio|mermaid|json] [--theme light|dark|high-contrast|high-contrast-light] [--focus <id>] [--collapse] [-o out]',
  summary: "draws the preview's diagram (default SVG) to standard output or to the -o file",
  details: `Errors in the file are marked in the drawing. Exit codes: 0 drawn, 2 bad usage, a file that
cannot be read, or a config that cannot be read (drawn with the default levels then).`,
  options: [
    formatOption(GRAPH_FORMATS, "svg: the preview's drawing with a legend; png: the same drawing as an image, twice the size; drawio: the same layout as draw.io's file; mermaid: a flowchart for Markdown; json: the graph."),
    { name: '--theme', value: 'a theme', choices: THEME_KINDS, default: 'light', help: 'The colours of the SVG, PNG and draw.io drawings.' },
    { name: '--focus', value: 'a node id (site:hq) or an entity id (hq)', help: "Only this entity's flows and what they reach, as the preview's focus." },
    { name: '--collapse', help: "The preview's overview: each site, region and the Microsoft edge one node, edges bundled." },
    OUTPUT_OPTION,
  ],
  inputs: { min: 1, max: 1, wrongCount: 'graph needs exactly one file' },
  async run(args, context) {
    const [file] = args.inputs;
    const output = args.value('--output');
    noteStdinFromTerminal(args.inputs, context);
    const { graph, read, warning } = graphOfInput(file, context);
    // Refused before drawing, which takes the longest.
    if (toFile(output)) refuseOverwrite(output, read);
    const format = args.value('--format') as GraphFormat;
    if (format === 'png' && !toFile(output) && process.stdout.isTTY) throw new UsageError('--format png writes an image: name an -o file, or redirect standard output');
    const view = viewOfGraph(graph, { focus: args.value('--focus'), collapse: args.flag('--collapse') });
    const drawn = await drawGraph(view, format, args.value('--theme') as ThemeKind);
    deliver(context, output, drawn.content, read);
    // Missing fonts: the picture is there, its text may not look like the preview's.
    if (drawn.warning) context.err(`ppnet: ${drawn.warning}\n`);
    if (!warning) return 0;
    context.err(`ppnet: ${escapeControl(warning)}\n`);
    return 2;
  },
};
