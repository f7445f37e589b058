/**
 * The preview page's markup: the toolbar, the bar of search, filters and focus, the diagram and matrix
 * areas, the legend and the flows table; page.ts finds its elements. The extension's HTML shell
 * (client/src/preview/html.ts: the Content-Security-Policy, the script and the stylesheet) puts it in
 * its body when it is built, so that the toolbar is painted before the script has loaded (built by the
 * script, it came about 100 ms later). Fixed text only, no DOM here: what comes from the topology file is
 * added as DOM text later. No inline style or handler: the policy would refuse them.
 */
export const PAGE_MARKUP = `<header id="toolbar" role="toolbar" aria-label="Preview">
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
`;
