// The UI smoke test: installs the packaged .vsix into code-server like a user would, opens a broken
// policy from the examples, and checks what a person sees: the squiggle, the Problems entry and the
// status bar kind. Screenshots of each step land in .vscode-test/artifacts/ui/.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_ARTIFACTS_DIR, installExtension, openWorkbench, startCodeServer, workbenchUrl, type CodeServer, type Workbench } from '../harness';
import { ensureTestVsCode } from '../setup';

const STEP_TIMEOUT_MS = 30_000;

export async function runUiSmoke(vsixPath: string, workspacePath: string): Promise<void> {
  const vscode = await ensureTestVsCode();
  const userDataRoot = mkdtempSync(join(tmpdir(), 'iam-e2e-ui-'));
  const artifacts = join(DEFAULT_ARTIFACTS_DIR, 'ui');
  rmSync(artifacts, { recursive: true, force: true }); // no stale screenshot may pass for this run's
  let server: CodeServer | undefined;
  let workbench: Workbench<Page> | undefined;
  try {
    await installExtension(vsixPath, userDataRoot, vscode);
    server = await startCodeServer({ userDataRoot, vscode });
    workbench = await openWorkbench<Page>(workbenchUrl(server, { folder: workspacePath }), artifacts, { vscode });
    const page = workbench.page;
    await workbench.screenshot('1-workbench');

    await openFile(page, 'ops-role-trust.json');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await workbench.screenshot('2-squiggles');

    const kind = page.locator('.statusbar-item', { hasText: 'IAM: Trust policy' });
    await kind.first().waitFor({ timeout: STEP_TIMEOUT_MS });

    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'is not allowed in a trust policy' });
    await problem.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    const rowText = await page.locator('.markers-panel').innerText();
    assert.match(rowText, /trust-has-resource/, 'the Problems entry names the rule');
    assert.match(rowText, /iam-policy/, 'the Problems entry names the source');
    const counts = await page.locator('.statusbar-item[id="status.problems"]').first().getAttribute('aria-label');
    assert.match(counts ?? '', /Errors?: [1-9]/i, `problems count: ${counts}`);
    await workbench.screenshot('3-problems');
    process.stdout.write('ui smoke: squiggle, Problems entry and status bar kind seen\nui: 1 passed, 0 failed\n');
  } catch (error) {
    await workbench?.screenshot('failure').catch(() => undefined);
    throw error;
  } finally {
    await workbench?.close();
    await server?.stop();
    rmSync(userDataRoot, { recursive: true, force: true });
  }
}

/** Quick Open (Ctrl+P), type the name, take the first match, and wait for its tab. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_TIMEOUT_MS });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: STEP_TIMEOUT_MS });
}
