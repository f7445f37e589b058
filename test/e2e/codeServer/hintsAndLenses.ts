/**
 * The inlay hints and code lenses scenario of the e2e suite (scenarios.e2e.ts runs it): none while the
 * settings are at their defaults; with them on, the hints after the values and the lenses above the
 * entities, as the editor draws them; a lens's click opens the preview focused on its circuit; and
 * none again once the settings are turned off. Its screenshot is the README's.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeServer, USER_SETTINGS } from './codeServer';
import type { Locator } from 'playwright-core';
import type { Workbench } from './workbench';

const FILE = 'contoso.ppnet.yaml';
const ALL_ON = {
  'ppnet.inlayHints.communities': true,
  'ppnet.inlayHints.environmentRegions': true,
  'ppnet.inlayHints.peeringLocations': true,
  'ppnet.inlayHints.subnetAddresses': true,
  'ppnet.codeLens.enabled': true,
};
/** What the server gives for contoso (test/service checks the same in process): lens titles, and values followed by their hints as the editor renders them. */
const LENSES = ['serves 2 environments · reaches Europe (standard)', 'serves 1 environment · reaches every region (premium)', 'used by 1 connector'];
const HINTS: [number, string][] = [
  [44, 'peeringLocation: AmsterdamEurope · Local: westeurope'],
  [52, '- West Europe12076:51002'],
  [66, 'routeFilter: [12076:51004East US, 12076:51006West US]'],
];

const withoutSpaces = (text: string) => text.replace(/\s/g, '');

export async function hintsAndLenses(workbench: Workbench, server: CodeServer): Promise<void> {
  const { page } = workbench;
  const editor = page.locator(`.monaco-editor[data-uri$="/${FILE}"]`);
  const lenses = editor.locator('.codelens-decoration a');
  /** Whether a rendered line of the editor reads `text` (spaces aside: the hints' padding is the editor's). */
  const shown = async (text: string) => {
    const lines = await editor.locator('.view-line').allTextContents();
    return lines.some((line) => withoutSpaces(line).includes(withoutSpaces(text)));
  };
  await workbench.openFile(FILE);
  await workbench.waitForServerStatus('is running');

  // Off by default: VS Code asks (on open, on scrolling, after each change) and gets nothing. Give it a few rounds.
  for (const [line, text] of HINTS) {
    await workbench.goTo(line, 1);
    for (let i = 0; i < 7; i++) {
      assert.equal(await lenses.count(), 0, 'no code lens by default');
      assert.equal(await shown(text), false, `no inlay hint by default: ${text}`);
      await page.waitForTimeout(100);
    }
  }

  await setUserSettings(workbench, server, { ...USER_SETTINGS, ...ALL_ON });
  // In the DOM once VS Code has them (a lens out of view is there, hidden).
  for (const title of LENSES) await lenses.filter({ hasText: title }).first().waitFor({ state: 'attached', timeout: 30_000 });
  for (const [line, text] of HINTS) {
    await workbench.goTo(line, 1);
    await workbench.until(() => shown(text), `the hint in "${text}"`);
  }
  await workbench.goTo(60, 1); // the circuits and gateways on screen
  await workbench.screenshot('hints-and-lenses');

  // The circuit's lens (above line 42) opens the preview focused on it. From the top, line 43 is out of
  // view, so going there centers it, its lens in view.
  await workbench.goTo(1, 1);
  await workbench.goTo(43, 1);
  const view = await workbench.webview();
  await view.locator('svg.ppnet-graph [data-node="circuit:er-sea"]').waitFor({ timeout: 60_000 }); // the preview beside shows the file
  const lens = lenses.filter({ hasText: LENSES[0] });
  await settled(workbench, lens);
  await lens.click();
  const chip = view.locator('#focus-chip .focus-label', { hasText: 'er-ams' });
  await chip.waitFor({ timeout: 60_000 }).catch(async (error: Error) => {
    // What a failure needs to be told apart: a click that missed the lens moved the cursor.
    const title = await view.locator('#title-text').textContent().catch(() => '(no page)');
    const focus = await view.locator('#focus-chip').textContent().catch(() => '');
    const cursor = await page.locator('#status\\.editor\\.selection').textContent().catch(() => '');
    throw new Error(`${error.message}\nthe preview shows "${title}", its focus "${focus}"; the cursor is at "${cursor}"`);
  });
  // The circuit drawn with its flows and what they reach: the environments it serves among them, not the other circuit.
  await view.locator('svg.ppnet-graph [data-node="circuit:er-ams"]').waitFor({ timeout: 60_000 });
  const drawn = await view.locator('svg.ppnet-graph [data-node]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node')!));
  assert.ok(drawn.includes('environment:contoso-prod') && drawn.includes('environment:contoso-dev') && !drawn.includes('circuit:er-sea'), drawn.join(', '));
  await workbench.screenshot('lens-preview-focus');

  await workbench.focusFirstEditor();
  // Turned off again: the server asks VS Code to refresh, and both are gone.
  await setUserSettings(workbench, server, USER_SETTINGS);
  await workbench.until(async () => (await lenses.count()) === 0, 'the code lenses to go away');
  for (const [line, text] of HINTS) {
    await workbench.goTo(line, 1);
    await workbench.until(async () => !(await shown(text)), `the hint in "${text}" to go away`);
  }
}

/**
 * Waits until `element` has kept its place for half a second: the editor places code lenses in zones
 * between the lines, and a zone that changes height moves what is below it between Playwright's check
 * that an element is still and its click.
 */
async function settled(workbench: Workbench, element: Locator): Promise<void> {
  let last = '';
  let still = 0;
  await workbench.until(async () => {
    const box = JSON.stringify(await element.boundingBox());
    still = box === last ? still + 1 : 0;
    last = box;
    return still >= 5;
  }, 'the code lens to keep its place');
}

/**
 * Replaces the user's settings as a user does: **Preferences: Open User Settings (JSON)**, the new text,
 * save, close (VS Code applies what it saves at once; a file written behind its back is not noticed
 * here). The text is typed on one line, so that the editor's auto-indent adds nothing and each closing
 * bracket or quote types over the one it closed automatically; the file saved must hold `settings` exactly.
 */
async function setUserSettings(workbench: Workbench, server: CodeServer, settings: Record<string, unknown>): Promise<void> {
  const { page } = workbench;
  await workbench.runCommand('Preferences: Open User Settings (JSON)');
  const editor = page.locator('.monaco-editor.focused[data-uri$="/settings.json"]');
  await editor.waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify(settings));
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active:not(.dirty)[aria-label^="settings.json"]').waitFor();
  await page.keyboard.press('Control+W');
  await editor.waitFor({ state: 'hidden' });
  const file = path.join(path.dirname(server.folder), 'user-data', 'User', 'settings.json');
  assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), settings, 'the settings saved');
}
