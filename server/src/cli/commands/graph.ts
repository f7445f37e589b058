/** `ppnet graph`: the preview's diagram of one file, as SVG, Mermaid or the graph's JSON. */
import { THEME_KINDS, ThemeKind } from '../../../../diagram/theme';
import { Command, formatOption, noteStdinFromTerminal, OUTPUT_OPTION } from '../command';
import { escapeControl } from '../escape';
import { GRAPH_FORMATS, GraphFormat, graphOfInput, renderGraph, viewOfGraph } from '../graph';
import { deliver, refuseOverwrite, toFile } from '../output';

export const graphCommand: Command = {
  name: 'graph',
  usage: 'graph <file|-> [--format svg|mermaid|json] [--theme light|dark|high-contrast|high-contrast-light] [--focus <id>] [--collapse] [-o out]',
  summary: "draws the preview's diagram (default SVG) to standard output or to the -o file",
  details: `Errors in the file are marked in the drawing. Exit codes: 0 drawn, 2 bad usage, a file that
cannot be read, or a config that cannot be read (drawn with the default levels then).`,
  options: [
    formatOption(GRAPH_FORMATS, "svg: the preview's drawing with a legend; mermaid: a flowchart for Markdown; json: the graph."),
    { name: '--theme', value: 'a theme', choices: THEME_KINDS, default: 'light', help: 'The colours of the SVG.' },
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
    const view = viewOfGraph(graph, { focus: args.value('--focus'), collapse: args.flag('--collapse') });
    deliver(context, output, await renderGraph(view, args.value('--format') as GraphFormat, args.value('--theme') as ThemeKind), read);
    if (!warning) return 0;
    context.err(`ppnet: ${escapeControl(warning)}\n`);
    return 2;
  },
};
