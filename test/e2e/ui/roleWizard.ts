// Steps through IAM Policy: Create Role... in the real workbench as a user does, with the keyboard
// and clicks only: inline validation, the step counter, Back, a multi-select pick, and the files
// written and opened at the end. A screenshot of each step lands in .vscode-test/artifacts/ui/.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Workbench } from '../harness';

const STEP_TIMEOUT_MS = 30_000;

/** Waits for the quick input to show a step, by its counter ("3/6") and prompt or placeholder text. */
async function waitForStep(page: Page, step: number, text: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: `${step}/` }).waitFor({ timeout: STEP_TIMEOUT_MS });
  // The question is the prompt (input boxes) or the placeholder (picks).
  const prompt = widget.locator('.quick-input-message, .quick-input-description', { hasText: text });
  const placeholder = widget.locator(`input[placeholder*=${JSON.stringify(text)}]`);
  await prompt.or(placeholder).first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

async function typeAndEnter(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-widget input').first().fill(text);
  await page.keyboard.press('Enter');
}

/** Filters a single-select pick and takes the row with this text. */
async function pick(page: Page, filter: string, row: string): Promise<void> {
  await page.locator('.quick-input-widget input').first().fill(filter);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

export async function walkRoleWizard(workbench: Workbench<Page>, workspacePath: string): Promise<void> {
  const page = workbench.page;
  await page.keyboard.press('Control+Shift+P');
  await pick(page, '>IAM Policy: Create Role', 'Create Role'); // fill() replaces the palette's '>'

  await waitForStep(page, 1, 'The name of the role');
  await page.locator('.quick-input-widget input').first().fill('GitHub Deploy');
  const message = page.locator('.quick-input-widget .quick-input-message', { hasText: 'may only contain' });
  await message.waitFor({ timeout: STEP_TIMEOUT_MS });
  await workbench.screenshot('6-wizard-name-invalid');
  await typeAndEnter(page, 'GitHubDeploy');

  await waitForStep(page, 2, 'account the role is created in');
  await typeAndEnter(page, '111122223333');
  await waitForStep(page, 3, 'Who can assume the role?');
  await workbench.screenshot('7-wizard-entities');
  await pick(page, 'AWS account', 'AWS account');
  await waitForStep(page, 4, 'trusted account ids');
  // Back, and choose GitHub Actions instead: the flow follows the new answer.
  await page.locator('.quick-input-widget .codicon-quick-input-back, .quick-input-widget [aria-label="Back"]').first().click();
  await waitForStep(page, 3, 'Who can assume the role?');
  await pick(page, 'GitHub', 'GitHub Actions');
  await waitForStep(page, 4, 'GitHub repository');
  await typeAndEnter(page, 'my-org/my-repo');
  await waitForStep(page, 5, 'Which runs of my-org/my-repo?');
  await pick(page, 'branch', 'A branch');
  await waitForStep(page, 6, 'The branch');
  await page.keyboard.press('Enter'); // the default, main
  await waitForStep(page, 7, 'maximum session duration');
  await pick(page, '1 hour', '1 hour');

  await waitForStep(page, 8, 'AWS managed policies to attach');
  await page.locator('.quick-input-widget input').first().fill('AmazonS3ReadOnlyAccess');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'AmazonS3ReadOnlyAccess' }).first();
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  await row.click(); // in a multi-select pick a click toggles the row's checkbox
  await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await workbench.screenshot('8-wizard-managed-policies');
  await page.locator('.quick-input-widget input').first().press('Enter');

  await waitForStep(page, 9, 'Actions of an inline permissions policy');
  await pick(page, 'No inline', 'No inline policy');
  await waitForStep(page, 10, 'folder to write the files into');
  await workbench.screenshot('9-wizard-folder');
  await page.keyboard.press('Enter'); // roles/GitHubDeploy

  await page.locator('.tabs-container .tab', { hasText: 'trust-policy.json' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  await workbench.screenshot('10-wizard-done');
  const folder = join(workspacePath, 'roles', 'GitHubDeploy');
  for (const name of ['trust-policy.json', 'README.md']) assert.ok(existsSync(join(folder, name)), `${name} written`);
  const trust = JSON.parse(readFileSync(join(folder, 'trust-policy.json'), 'utf8')) as { Statement: { Condition: Record<string, Record<string, string>> }[] };
  assert.equal(trust.Statement[0].Condition.StringEquals['token.actions.githubusercontent.com:sub'], 'repo:my-org/my-repo:ref:refs/heads/main');
  assert.match(readFileSync(join(folder, 'README.md'), 'utf8'), /attach-role-policy[\s\\]+--role-name GitHubDeploy[\s\\]+--policy-arn arn:aws:iam::aws:policy\/AmazonS3ReadOnlyAccess/);
}
