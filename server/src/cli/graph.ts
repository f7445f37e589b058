/**
 * The preview's diagram without an editor (`ppnet graph`): the graph of a file with its config's levels,
 * the view asked for, and the drawing in a format. The SVG comes from the same layout and renderer as
 * the webview; `--focus` and `--collapse` are the overview's views (diagram/views.ts).
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigLoader } from '../files/configFiles';
import type { RunContext } from './command';
import { readDesign } from './design';
import { UsageError } from './errors';
import { escapeControl, escapeControlInJson } from './escape';
import { configAnchor } from './inputs';
import { layoutGraph } from '../../../diagram/layout';
import { toMermaid } from '../../../diagram/mermaid';
import { renderSvg } from '../../../diagram/svg';
import { toDrawio } from '../../../diagram/drawio';
import type { ThemeKind } from '../../../diagram/theme';
import { findNode, focusGraph, nodeNames } from '../../../diagram/views';
import { overviewOf } from '../../../diagram/overview';
import { closest, createLanguageService, didYouMean, Graph, LanguageService } from '../service';
import { svgToPng } from './png';


export const GRAPH_FORMATS = ['svg', 'png', 'drawio', 'mermaid', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The graph of one topology file, with the diagnostics its folder's ppnet.config.yaml sets. */
export function graphOfFile(file: string, text: string, configs = new ConfigLoader(), service: LanguageService = createLanguageService()): Graph {
  const config = configs.forFile(file);
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).toString(), 'ppnet', 1, text);
  const graph = service.getGraph(document, { ruleLevels: config?.config.ruleLevels });
  service.forget(document.uri);
  return graph;
}

/**
 * The graph of a file named on the command line (`-`: standard input), the files read for it, and a
 * warning when its config could not be read (it is drawn with the default levels then). A file that
 * cannot be read stops the run.
 */
export function graphOfInput(file: string, { service, configs }: Pick<RunContext, 'service' | 'configs'>): { graph: Graph; read: string[]; warning?: string } {
  const design = readDesign(file, { configs }, 'drawn with every rule at its default level');
  const graph = graphOfFile(configAnchor(design.input), design.document.getText(), configs, service);
  return { graph, read: design.read, warning: design.warning };
}

export interface GraphView {
  /** Only the flows of this node or group: an id as in the graph (`site:hq`) or a bare entity id (`hq`). */
  focus?: string;
  /** The preview's overview: every group one node (more than 24 of a kind one cluster), edges bundled; with `focus`, its group stays open. */
  collapse?: boolean;
}

/** The graph as `view` asks; a usage error names an unknown or ambiguous `focus` and what it may have meant. */
export function viewOfGraph(graph: Graph, view: GraphView): Graph {
  let shown = graph;
  let open: string | undefined;
  if (view.focus !== undefined) {
    const found = findNode(graph, view.focus);
    if (!found) throw new UsageError(`--focus: no node or entity "${view.focus}" in the graph.${didYouMean(closest(view.focus, nodeNames(graph)))}`);
    if ('ambiguous' in found) throw new UsageError(`--focus: "${view.focus}" names several nodes: ${found.ambiguous.join(', ')}; give one of them`);
    shown = focusGraph(graph, found.id);
    open = graph.nodes.find((n) => n.id === found.id)?.group ?? found.id;
  }
  return view.collapse ? overviewOf(shown, new Set(), new Set(open !== undefined ? [open] : [])).graph : shown;
}

/** The formats that are text; `png` is bytes. */
export type TextGraphFormat = Exclude<GraphFormat, 'png'>;

export async function renderGraph(graph: Graph, format: TextGraphFormat, theme: ThemeKind = 'light'): Promise<string> {
  // Names and messages come from the file: their control characters are escaped in every format.
  if (format === 'json') return JSON.stringify(graph, escapeControlInJson, 2) + '\n';
  if (format === 'mermaid') return escapeControl(toMermaid(graph));
  const laid = await layoutGraph(graph);
  if (format === 'drawio') return escapeControl(toDrawio(laid, { theme }));
  return escapeControl(renderSvg(laid, { theme, legend: true, title: graph.title })) + '\n';
}

/** The drawing in any format: the PNG is the SVG rendered, with a warning when its fonts are missing. */
export async function drawGraph(graph: Graph, format: GraphFormat, theme: ThemeKind = 'light'): Promise<{ content: string | Uint8Array; warning?: string }> {
  if (format !== 'png') return { content: await renderGraph(graph, format, theme) };
  const { png, warning } = svgToPng(await renderGraph(graph, 'svg', theme));
  return { content: png, ...(warning && { warning }) };
}
