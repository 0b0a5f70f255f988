// The trust relationships panel in the real workbench, as a user sees it: opened from the command
// palette on the examples, its labels inside the webview, a click on an edge and on a node that
// opens the statement, light and dark themes, a policy whose texts are markup shown as text, and
// the panel restored with its filter after a reload. Screenshots land in .vscode-test/artifacts/ui/.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { Workbench } from '../harness';

const STEP_TIMEOUT_MS = 30_000;
const MARKUP = '<img src=x onerror=alert(1)>';
/** A trust policy whose Sid and principal are markup: the OIDC provider's name becomes a node label. */
const XSS_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: MARKUP, Effect: 'Allow', Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${MARKUP}` }, Action: 'sts:AssumeRoleWithWebIdentity' }],
};

/** The page inside our webview: VS Code nests it in two iframes. */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Runs a command from the palette: the row with `row` in its text (and not `not`). */
async function runCommand(page: Page, filter: string, row: string, not?: string): Promise<void> {
  // Keys pressed inside the webview reach the workbench only by forwarding: take the focus out first.
  await page.evaluate(() => (document.activeElement as { blur?: () => void } | null)?.blur?.());
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_TIMEOUT_MS });
  await input.fill(filter);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row, ...(not ? { hasNotText: not } : {}) }).first().click({ timeout: STEP_TIMEOUT_MS });
}

async function colorTheme(page: Page, theme: string): Promise<void> {
  await runCommand(page, '>Preferences: Color Theme', 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** The editor tab that became active, and the cursor/selection the status bar shows. */
async function expectEditor(page: Page, file: string, position: RegExp): Promise<void> {
  await page.locator('.tabs-container .tab.active', { hasText: file }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const selection = page.locator('.statusbar-item[id="status.editor.selection"]');
  await selection.filter({ hasText: position }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

export async function walkTrustGraph(workbench: Workbench<Page>, workspacePath: string): Promise<void> {
  const page = workbench.page;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await colorTheme(page, 'Dark Modern');
  await runCommand(page, '>IAM Policy: Show Trust Relationships', 'Show Trust Relationships', 'for This File');
  await page.locator('.tabs-container .tab', { hasText: 'Trust Relationships' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const frame = webview(page);
  const node = (label: string) => frame.locator('[data-node] .label', { hasText: label }).first();
  await node('SecurityAuditRole').waitFor({ timeout: STEP_TIMEOUT_MS });
  // Room for the picture: no panel, toasts or side bar, and the panel's group maximized for the
  // screenshots (not for the clicks that open editors beside it).
  if (await page.locator('.part.panel').isVisible()) await runCommand(page, '>View: Hide Panel', 'View: Hide Panel');
  await runCommand(page, '>Notifications: Clear All Notifications', 'Clear All Notifications');
  await runCommand(page, '>View: Toggle Primary Side Bar Visibility', 'Toggle Primary Side Bar Visibility');
  await runCommand(page, '>View: Toggle Maximize Editor Group', 'Toggle Maximize Editor Group');
  for (const label of ['account 444455556666', 'auditors-group-policy', 'token.actions.githubusercontent.com', 'anyone (*)']) await node(label).waitFor();
  for (const subject of ['example-org/web-app:main', 'kube-system/external-dns', 'MFA']) await frame.locator('.edge-label text', { hasText: subject }).first().waitFor();
  const cluster = await frame.locator('.cluster text').allTextContents();
  assert.ok(cluster.some((t) => t.includes('Auditors') && t.includes('444455556666')), `the auditors' account box: ${cluster.join(' | ')}`);
  const highRisk = await frame.locator('.node.kind-role.risk-high .label').allTextContents();
  assert.ok(highRisk.includes('open-to-everyone-role'), `a public role drawn as high risk: ${highRisk.join(' | ')}`);
  await workbench.screenshot('11-trust-graph-dark');
  // The strict CSP holds, and everything is styled under it: our stylesheet, and the components' constructed ones.
  const csp = (await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  assert.match(csp, /default-src 'none'/);
  // No unsafe-inline/eval, and no whole scheme (`https:`): only VS Code's resource origin and the nonce.
  assert.doesNotMatch(csp, /unsafe-|\shttps?:(\s|;|$)/, csp);
  assert.equal(await frame.locator('.toolbar').evaluate((toolbar) => getComputedStyle(toolbar).display), 'flex');
  const sheets = await frame.locator('vscode-button').first().evaluate((button) => button.shadowRoot?.adoptedStyleSheets.length ?? 0);
  assert.ok(sheets > 0, 'the components are styled through adopted stylesheets');
  await colorTheme(page, 'Light Modern');
  await frame.locator('body.vscode-light').waitFor({ timeout: STEP_TIMEOUT_MS });
  await workbench.screenshot('12-trust-graph-light');
  await colorTheme(page, 'Dark Modern');
  await frame.locator('body.vscode-dark').waitFor({ timeout: STEP_TIMEOUT_MS });
  await runCommand(page, '>View: Toggle Maximize Editor Group', 'Toggle Maximize Editor Group');

  // An edge opens its statement, selected; a role opens its trust policy at the top.
  await frame.locator('[data-edge][aria-label^="account 444455556666 can assume SecurityAuditRole"] .edge-label').click();
  await expectEditor(page, 'security-audit-role-trust.json', /Ln 19, Col 6 \(\d+ selected\)/);
  await workbench.screenshot('13-trust-graph-reveal-edge');
  await frame.locator('[data-node][aria-label^="role open-to-everyone-role"]').click();
  await expectEditor(page, 'open-to-everyone-role-trust.json', /Ln 1, Col 1/);

  // A new policy with markup for names: the panel updates by itself and shows the markup as text.
  writeFileSync(join(workspacePath, 'xss-role-trust.json'), `${JSON.stringify(XSS_POLICY, null, 2)}\n`);
  const markupNode = frame.locator('[data-node] .label', { hasText: MARKUP }).first();
  await markupNode.waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await markupNode.textContent(), MARKUP);
  assert.equal(await frame.locator('img').count(), 0, 'no <img> element in the webview');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  await workbench.screenshot('14-trust-graph-escaping');

  // The account filter: only the auditors' side, then everything again.
  const account = frame.locator('vscode-single-select.account');
  await account.click();
  await account.locator('.option', { hasText: 'Auditors' }).first().click();
  await node('open-to-everyone-role').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await node('account 444455556666').waitFor();
  await account.click();
  await account.locator('.option', { hasText: 'All accounts' }).first().click();
  await node('open-to-everyone-role').waitFor({ timeout: STEP_TIMEOUT_MS });

  // Export as SVG through VS Code's save dialog (its simple dialog in the browser): markup stays text.
  await frame.locator('vscode-button', { hasText: 'Export SVG' }).click();
  // The dialog fills in the suggested path a moment after it opens.
  await page.waitForFunction("document.querySelector('.quick-input-widget input')?.value.endsWith('/trust-relationships.svg')", undefined, { timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.notifications-toasts', { hasText: 'Trust relationships saved to trust-relationships.svg' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const svg = readFileSync(join(workspacePath, 'trust-relationships.svg'), 'utf8');
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;') && !svg.includes('<img'), 'the exported SVG escapes the markup');
  await frame.locator('vscode-button', { hasText: 'Copy Mermaid' }).click();
  await page.locator('.notifications-toasts', { hasText: 'Trust relationships copied as a Mermaid flowchart.' }).waitFor({ timeout: STEP_TIMEOUT_MS });

  // The filter survives a reload: the serializer restores the panel with the page's saved state.
  await frame.locator('vscode-checkbox.risk-low').click();
  await node('SecurityAuditRole').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  await runCommand(page, '>Developer: Reload Window', 'Developer: Reload Window');
  await page.waitForEvent('load', { timeout: STEP_TIMEOUT_MS });
  await page.locator('.tabs-container .tab', { hasText: 'Trust Relationships' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.tabs-container .tab', { hasText: 'Trust Relationships' }).first().click();
  await node('open-to-everyone-role').waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await node('SecurityAuditRole').count(), 0, 'the low risk role stays filtered out after the reload');
  assert.equal(await frame.locator('vscode-checkbox.risk-low').evaluate((box) => (box as unknown as { checked: boolean }).checked), false);
  await workbench.screenshot('15-trust-graph-restored');
}
