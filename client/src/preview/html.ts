/**
 * The preview page's shell: the Content-Security-Policy, the stylesheet and the one script with its
 * nonce, around the page's own markup (webview/src/markup.ts, fixed text the page owns, put here when the
 * extension is built so that the toolbar paints before the script has loaded). Nothing from the topology
 * file is in either: the script fills the page with DOM text nodes. The policy allows only the
 * extension's own files, that script and the layout worker it starts from a blob.
 */
import { PAGE_MARKUP } from '../../../webview/src/markup';

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
${PAGE_MARKUP}<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
