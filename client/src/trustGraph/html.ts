import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The page of the trust relationships panel: a strict Content Security Policy, our stylesheet and
 * our bundled script from media/, nothing else. No data goes into this HTML: the page gets the graph
 * by message and builds its DOM with createElementNS and textContent.
 *
 * The CSP needs no 'unsafe-inline' for the @vscode-elements components: Lit gives each shadow root
 * constructed stylesheets (adoptedStyleSheets), which style-src does not govern, and the components
 * and the viewport set styles through the CSSOM (`element.style`), which style-src does not govern
 * either. No images, fonts, forms or base URL: none of them is allowed.
 */
export function trustGraphHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const media = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...path)).toString();
  // base-uri and form-action do not fall back to default-src: say 'none' for them too.
  const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, "base-uri 'none'", "form-action 'none'"].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${media('trustGraph.css')}">
  <title>Trust Relationships</title>
</head>
<body>
  <main id="app" aria-busy="true"><p class="message">Loading the trust relationships…</p></main>
  <script nonce="${nonce}" src="${media('dist', 'trustGraph.js')}"></script>
</body>
</html>`;
}
