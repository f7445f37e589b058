/**
 * The inlay hints and code lenses scenario of the e2e suite (scenarios.e2e.ts runs it): none while the
 * settings are at their defaults; with them on, the hints after the values and the lenses above the
 * entities, as the editor draws them; a lens's click opens the preview focused on its circuit; and
 * none again once the settings are turned off. Its screenshot is the README's.
 */
import assert from 'node:assert/strict';
import { USER_SETTINGS } from './codeServer';
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
const HINTED_LINES = [
  'peeringLocation: AmsterdamEurope · Local: westeurope',
  '- West Europe12076:51002',
  'routeFilter: [12076:51004East US, 12076:51006West US]',
];

const withoutSpaces = (text: string) => text.replace(/\s/g, '');

export async function hintsAndLenses(workbench: Workbench): Promise<void> {
  const { page } = workbench;
  const editor = page.locator(`.monaco-editor[data-uri$="/${FILE}"]`);
  const lenses = editor.locator('.codelens-decoration a');
  /** The text of the editor's rendered lines (inlay hints are part of it), spaces as the editor shows them. */
  const lineTexts = () => editor.locator('.view-line').allTextContents().then((texts) => texts.map(withoutSpaces));
  /** The hinted texts the editor shows (spaces aside: the hints' padding is the editor's). */
  const hinted = async () => {
    const texts = await lineTexts();
    return HINTED_LINES.filter((line) => texts.some((text) => text.includes(withoutSpaces(line))));
  };
  await workbench.openFile(FILE);
  await workbench.waitForServerStatus('is running');
  await workbench.goTo(60, 1); // the circuits and gateways on screen

  // Off by default: VS Code asks (on open and after each change) and gets nothing. Give it a few rounds.
  for (let i = 0; i < 20; i++) {
    assert.equal(await lenses.count(), 0, 'no code lens by default');
    assert.deepEqual(await hinted(), [], 'no inlay hint by default');
    await page.waitForTimeout(100);
  }

  await setUserSettings(workbench, { ...USER_SETTINGS, ...ALL_ON });
  for (const title of LENSES) await lenses.filter({ hasText: title }).first().waitFor({ timeout: 30_000 });
  await workbench.until(async () => (await hinted()).length === HINTED_LINES.length, `the hinted lines ${JSON.stringify(HINTED_LINES)}`);
  await workbench.screenshot('hints-and-lenses');

  // The circuit's lens opens the preview focused on it.
  await lenses.filter({ hasText: LENSES[0] }).click();
  const view = await workbench.webview();
  await view.locator('#focus-chip .focus-label', { hasText: 'er-ams' }).waitFor({ timeout: 60_000 });
  // The circuit drawn with its flows and what they reach: the environments it serves among them, not the other circuit.
  await view.locator('svg.ppnet-graph [data-node="circuit:er-ams"]').waitFor({ timeout: 60_000 });
  const drawn = await view.locator('svg.ppnet-graph [data-node]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-node')!));
  assert.ok(drawn.includes('environment:contoso-prod') && drawn.includes('environment:contoso-dev') && !drawn.includes('circuit:er-sea'), drawn.join(', '));
  await workbench.screenshot('lens-preview-focus');

  await workbench.focusFirstEditor();
  // Turned off again: the server asks VS Code to refresh, and both are gone.
  await setUserSettings(workbench, USER_SETTINGS);
  await workbench.until(async () => (await lenses.count()) === 0, 'the code lenses to go away');
  await workbench.until(async () => (await hinted()).length === 0, 'the inlay hints to go away');
}

/**
 * Replaces the user's settings as a user does: **Preferences: Open User Settings (JSON)**, the new text,
 * save, close (VS Code applies what it saves at once; a file written behind its back is not noticed here).
 */
async function setUserSettings(workbench: Workbench, settings: Record<string, unknown>): Promise<void> {
  const { page } = workbench;
  await workbench.runCommand('Preferences: Open User Settings (JSON)');
  const editor = page.locator('.monaco-editor.focused[data-uri$="/settings.json"]');
  await editor.waitFor();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(JSON.stringify(settings, null, 2)); // one input: no brackets closed automatically
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active:not(.dirty)[aria-label^="settings.json"]').waitFor();
  await page.keyboard.press('Control+W');
  await editor.waitFor({ state: 'hidden' });
}
