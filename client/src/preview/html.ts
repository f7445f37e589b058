/**
 * The preview page. Nothing from the topology file is in it: the script fills it with DOM text nodes.
 * The Content-Security-Policy allows only the extension's own files, the one script with the nonce and
 * the layout worker it starts from a blob.
 */
export interface PreviewPageOptions {
  /** The webview's resource origin (`webview.cspSource`). */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

export function previewHtml({ cspSource, nonce, scriptUri, styleUri }: PreviewPageOptions): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    // The PNG export draws the SVG through an image.
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    // The layout worker, started from a blob of the script's own text (webview/src/layout/layoutWorkerStart.ts).
    'worker-src blob:',
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri}">
<title>ppnet preview</title>
</head>
<body>
<header id="toolbar" role="toolbar" aria-label="Preview">
  <div id="title"><span id="title-text">ppnet preview</span><span id="counts"></span></div>
  <div class="buttons">
    <button type="button" data-action="mode-diagram" title="The diagram" aria-pressed="true">Diagram</button>
    <button type="button" data-action="mode-matrix" title="The route matrix: sites, machines and gateways against environments and services" aria-pressed="false">Matrix</button>
    <span class="separator"></span>
    <button type="button" data-action="zoom-out" title="Zoom out (-)" aria-label="Zoom out">&#x2212;</button>
    <button type="button" data-action="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
    <button type="button" data-action="fit" title="Fit the diagram (0)">Fit</button>
    <button type="button" data-action="flows" title="Show or hide the flows table" aria-pressed="true">Flows</button>
    <span class="separator"></span>
    <button type="button" data-action="export-svg" title="Export as SVG">SVG</button>
    <button type="button" data-action="export-png" title="Export as PNG">PNG</button>
    <button type="button" data-action="export-mermaid" title="Export as Mermaid">Mermaid</button>
  </div>
</header>
<div id="controls" role="group" aria-label="Search, filters and focus"></div>
<main id="main">
  <div id="diagram" tabindex="0" aria-label="Topology diagram"></div>
  <div id="matrix" hidden></div>
  <div id="message" hidden></div>
  <aside id="legend" aria-label="Routes"></aside>
</main>
<section id="flows" aria-label="Flows">
  <table>
    <thead><tr><th>Flow</th><th>From</th><th>To</th><th>Route</th><th>Why</th></tr></thead>
    <tbody></tbody>
  </table>
</section>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
