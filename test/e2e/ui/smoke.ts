// The UI smoke test: installs the packaged .vsix into code-server like a user would, opens a broken
// policy from the examples, and checks what a person sees: the squiggle, the Problems entry and the
// status bar kind. Screenshots of each step land in .vscode-test/artifacts/ui/.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_ARTIFACTS_DIR, installExtension, openWorkbench, startCodeServer, workbenchUrl, type CodeServer, type Workbench } from '../harness';
import { ensureTestVsCode } from '../setup';
import { walkRoleWizard } from './roleWizard';
import { walkTrustGraph } from './trustGraph';

const STEP_TIMEOUT_MS = 30_000;

/** A policy with an empty Action (line 6, between the quotes at column 18), to type into. */
const TYPING_FILE = 'ui-typing-policy.json';
const TYPING_LINES = ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    {', '      "Effect": "Allow",', '      "Action": "",', '      "Resource": "*"', '    }', '  ]', '}', ''];

/** A Terraform data source with an empty actions list (line 3, between the brackets at column 16), to type into. */
const TYPING_TF_FILE = 'ui-typing-policy.tf';
const TYPING_TF_LINES = ['data "aws_iam_policy_document" "typing" {', '  statement {', '    actions   = []', '    resources = ["*"]', '  }', '}', ''];

export async function runUiSmoke(vsixPath: string, workspacePath: string): Promise<void> {
  const vscode = await ensureTestVsCode();
  const userDataRoot = mkdtempSync(join(tmpdir(), 'iam-e2e-ui-'));
  const artifacts = join(DEFAULT_ARTIFACTS_DIR, 'ui');
  rmSync(artifacts, { recursive: true, force: true }); // no stale screenshot may pass for this run's
  let server: CodeServer | undefined;
  let workbench: Workbench<Page> | undefined;
  try {
    // Written before the workbench starts, so that Quick Open's file index has it.
    writeFileSync(join(workspacePath, TYPING_FILE), TYPING_LINES.join('\n'));
    writeFileSync(join(workspacePath, TYPING_TF_FILE), TYPING_TF_LINES.join('\n'));
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

    await typeActionInString(workbench);
    await workbench.screenshot('5-accepted');
    await terraformSteps(workbench);
    await walkRoleWizard(workbench, workspacePath);
    await walkTrustGraph(workbench, workspacePath);
    process.stdout.write('ui smoke: squiggle, Problems entry, status bar kind, completion while typing in a string, Terraform squiggles and completion, the role wizard and the trust relationships panel seen\nui: 1 passed, 0 failed\n');
  } catch (error) {
    await workbench?.screenshot('failure').catch(() => undefined);
    throw error;
  } finally {
    await workbench?.close();
    await server?.stop();
    rmSync(userDataRoot, { recursive: true, force: true });
  }
}

/**
 * What a user does: type an action inside an empty JSON string. The suggestion list must open by
 * itself (quick suggestions inside strings, as VS Code's JSON defaults set them), show our action
 * with its access level, and Enter must write it between the quotes.
 */
async function typeActionInString(workbench: Workbench<Page>): Promise<void> {
  const page = workbench.page;
  await openFile(page, TYPING_FILE);
  // Go to line 6, column 18: between the quotes of "Action": "".
  await goToLine(page, 6, 18);
  await page.keyboard.type('s3:GetObj', { delay: 80 });
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 's3:GetObject' }).first();
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  const rowText = await page.locator('.suggest-widget').innerText();
  assert.match(rowText, /Read/, `the access level shows beside the action: ${rowText}`);
  await workbench.screenshot('4-suggestions');
  await page.keyboard.press('Enter');
  await page.locator('.view-lines', { hasText: '"Action": "s3:GetObject",' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

/**
 * Terraform as a user meets it: the broken module's squiggles and the status bar's policy count,
 * then typing an action into a data source's list, from its opening quote, and accepting it.
 */
async function terraformSteps(workbench: Workbench<Page>): Promise<void> {
  const page = workbench.page;
  await openFile(page, 'main.tf');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.statusbar-item', { hasText: 'IAM: 5 policies in Terraform' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await workbench.screenshot('5a-terraform-squiggles');
  await openFile(page, TYPING_TF_FILE);
  await goToLine(page, 3, 18);
  // The editor closes the quote itself; the quote and the colon ask for suggestions.
  await page.keyboard.type('"s3:GetObj', { delay: 80 });
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 's3:GetObject' }).first();
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  await workbench.screenshot('5b-terraform-suggestions');
  await page.keyboard.press('Enter');
  await page.locator('.view-lines', { hasText: 'actions   = ["s3:GetObject"]' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await workbench.screenshot('5c-terraform-accepted');
}

/**
 * Go to Line (Ctrl+G) and wait until the caret is there. The widget opens with ":" already typed, and
 * sometimes only after a keystroke has landed, so its whole value is set rather than typed onto, and
 * the status bar's caret position, not the keypress, says the step is done.
 */
async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction("document.querySelector('.quick-input-widget input')?.value.startsWith(':')", undefined, { timeout: STEP_TIMEOUT_MS });
  await input.fill(`:${line}:${column}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: `Go to line ${line} and character ${column}` }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
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
