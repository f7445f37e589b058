/**
 * The preview page: lays out and draws the graph the extension relays from the language server (the
 * same layout and SVG as `ppnet graph`), keeps zoom and pan across redraws and reloads, links nodes and
 * the file both ways, lists the flows, shows the route matrix, and produces the exports. Text from the
 * file only ever becomes DOM text or escaped SVG text.
 *
 * One state object (state.ts) and one path: a message (messages.ts) or the user's input (input.ts)
 * changes the state, then render.ts derives what is shown (shownGraph.ts: filters, focus, overview),
 * lays it out and draws it (draw.ts). This file finds the page's elements, makes its widgets and wires them.
 */
import type { FromWebview, ToWebview } from '../../protocol/protocol';
import { parsePreviewState, PreviewState } from '../../protocol/previewState';
import { Controls } from './controls';
import { applyRouteColors, renderLegend } from './flowsTable';
import { currentTheme, listen, onControl } from './input';
import { LayoutClient } from './layout/layoutClient';
import { layoutWorkerStarter } from './layout/layoutWorkerStart';
import { MatrixView } from './matrixView';
import { receive } from './messages';
import { KeptRows } from './rows';
import { Page, pageElements, revealNode } from './page';
import { createState } from './state';
import { DiagramPatcher } from './svgPatch';
import './preview.css';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const dom = pageElements(document);
const state = createState(parsePreviewState(vscode.getState()), currentTheme());
// Started now, while the first graph is on its way.
const layouts = new LayoutClient(layoutWorkerStarter());
layouts.warm();

const page: Page = {
  state,
  dom,
  controls: new Controls(dom.controls, (event) => onControl(page, event)),
  layouts,
  patcher: new DiagramPatcher(),
  matrixView: new MatrixView(dom.matrix, { reveal: (node) => revealNode(page, node) }, (node) => state.nodesById.get(node)?.range !== undefined),
  flowTable: new KeptRows(dom.flowRows),
  post: (message) => vscode.postMessage(message),
  save: () => {
    if (state.uri !== undefined) vscode.setState({ uri: state.uri, ...(state.view && { view: state.view }) });
  },
};

// VS Code delivers only the extension's messages to the page.
window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (typeof event.data === 'object' && event.data !== null) receive(page, event.data);
});
listen(page);
applyRouteColors(page);
renderLegend(page);
page.post({ type: 'ready' });
