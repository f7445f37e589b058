/**
 * Drives the VS Code workbench in a browser page the way a user does: keyboard shortcuts, the quick
 * open box, the command palette, the Problems panel, hovers and the suggest widget. Every wait polls the
 * DOM (Playwright's auto-waiting or {@link Workbench.until}); nothing sleeps for a fixed time.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';

/** One row of the Problems panel. */
export interface Problem {
  code: string;
  message: string;
  /** One-based, as the panel shows it. */
  line: number;
  column: number;
}

const TIMEOUT_MS = 30_000;

/**
 * The few DOM members the functions run in the page use. The project compiles without the DOM
 * library (it is Node code), so they are declared here, for this module only.
 */
interface PageElement {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  getAttribute(name: string): string | null;
  readonly parentElement: PageElement | null;
  readonly textContent: string | null;
  readonly innerText: string;
  readonly style: { top: string };
}
declare const document: PageElement;
declare function getComputedStyle(element: unknown): { opacity: string; transform: string };
/** The page's global object, with the few members our timing notes use. */
declare const window: {
  addEventListener(type: 'keydown', listener: (event: { key: string }) => void, capture: boolean): void;
  ppnetE2eTypedKeyAt?: number;
  ppnetE2eNotingKeys?: boolean;
  ppnetE2eAppearedAt?: number;
};
declare class MutationObserver {
  constructor(callback: (records: unknown, observer: MutationObserver) => void);
  observe(target: PageElement, options: { childList: boolean; subtree: boolean }): void;
  disconnect(): void;
}

export class Workbench {
  constructor(
    readonly page: Page,
    private readonly screenshots: string,
  ) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer lists the folder once the remote file system answers.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** Opens a file of the folder through quick open (Ctrl+P) and waits for its editor. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    // The list first shows what was opened recently; wait until the file itself is the selected entry.
    await this.page.locator(`.quick-input-list .monaco-list-row.focused[aria-label^="${name},"]`).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.monaco-editor.focused[data-uri$="/${name}"]`).waitFor();
  }

  /** Reloads the window ("Developer: Reload Window") and waits for the new workbench. */
  async reloadWindow(): Promise<void> {
    const loaded = this.page.waitForEvent('load', { timeout: 60_000 });
    await this.runCommand('Developer: Reload Window');
    await loaded;
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  /** Runs a command by its title in the command palette. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`).first().waitFor();
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /**
   * Focuses the text editor of the first editor group. Ctrl+1 pressed while the preview's webview holds
   * the focus can be lost on a loaded machine (the webview forwards keys to the workbench itself), so it
   * is pressed again, after a click into the editor's text, until the editor has the focus.
   */
  async focusFirstEditor(): Promise<void> {
    const focused = this.page.locator('.monaco-editor.focused');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+1');
      try {
        await focused.waitFor({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt === 4) throw error;
      }
      await this.page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    }
  }

  /** Focuses the text editor of the first editor group and moves its cursor (one-based, as Ctrl+G takes them). */
  async goTo(line: number, column: number): Promise<void> {
    await this.focusFirstEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    // Enter goes to the entry the box offers, which follows what was typed a moment later.
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`\\b${line}\\b.*\\b${column}\\b`) }).waitFor();
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await this.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  /** Waits until the line the cursor is on reads `pattern` (the editor renders an edit a moment later). */
  async waitForCurrentLine(pattern: RegExp): Promise<void> {
    let text = '';
    await this.until(async () => pattern.test((text = await this.currentLineText())), () => `the current line to match ${pattern} (it reads "${text}")`);
  }

  /** The text of the line the cursor is on, as the editor renders it. */
  async currentLineText(): Promise<string> {
    return this.page.evaluate(() => {
      const editor = document.querySelector('.monaco-editor.focused');
      const highlight = editor?.querySelector('.view-overlays .current-line')?.parentElement;
      const line = [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])].find((l: PageElement) => l.style.top === highlight?.style.top);
      // The editor renders spaces as non-breaking spaces.
      return (line?.textContent ?? '').replace(/\u00a0/g, ' ');
    });
  }

  /**
   * Every problem the Problems panel lists for the file, collected while moving down the list row by
   * row (it only renders the rows in view).
   */
  async problems(fileName: string, expectedCount: number): Promise<Problem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    // The list must take the keys below: scroll it to the top and click its first problem (which
    // shows that problem in the editor but leaves the focus in the list).
    await this.page.locator('.markers-panel .monaco-list').hover();
    await this.page.mouse.wheel(0, -100_000);
    await this.page.locator('.markers-panel .monaco-list-row[data-index="1"]').click();
    await this.page.locator(`.markers-panel .monaco-list-row[aria-label^="${expectedCount} problem"][aria-label*="${fileName}"]`).waitFor({ timeout: TIMEOUT_MS });
    const collected = new Map<number, Problem>();
    const focusedIndex = () => this.page.locator('.markers-panel .monaco-list-row.focused').getAttribute('data-index');
    const toTop = async () => {
      await this.page.keyboard.press('Home');
      await this.until(async () => (await focusedIndex()) === '0', 'the first row of the Problems panel to be selected');
    };
    await toTop();
    for (;;) {
      for (const [position, problem] of await this.renderedProblems()) collected.set(position, problem);
      if (collected.size >= expectedCount) break;
      const before = await focusedIndex();
      await this.page.keyboard.press('ArrowDown');
      await this.until(async () => (await focusedIndex()) !== before, `the Problems panel to list more than ${collected.size} of ${expectedCount} problems`);
    }
    await toTop();
    return [...collected.entries()].sort(([a], [b]) => a - b).map(([, problem]) => problem);
  }

  /** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text once it holds `expected`. */
  async hoverAtCursor(expected: string): Promise<string> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: expected });
    await hover.waitFor({ timeout: TIMEOUT_MS });
    return hover.innerText();
  }

  /** Opens the suggest widget (Ctrl+Space) and returns the labels it offers once `expected` is among them. */
  async suggestions(expected: string): Promise<string[]> {
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.suggest-widget.visible');
    await widget.locator('.monaco-list-row', { hasText: expected }).first().waitFor({ timeout: TIMEOUT_MS });
    return widget.locator('.monaco-list-row .label-name').allInnerTexts();
  }

  /** Moves the selection in the open suggest widget to `label` and accepts it. */
  async acceptSuggestion(label: string): Promise<void> {
    const focused = this.page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name');
    const labels = await this.page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts();
    const steps = labels.indexOf(label);
    if (steps < 0) throw new Error(`"${label}" is not among the suggestions: ${labels.join(', ')}`);
    for (let step = 0; step < steps; step++) await this.page.keyboard.press('ArrowDown');
    await this.until(async () => (await focused.innerText()) === label, `the suggestion "${label}" to be selected`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  }

  /** Waits for a notification toast that holds `text` to have slid in, and returns its whole text. */
  async waitForNotification(text: string): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
    await toast.waitFor({ timeout: TIMEOUT_MS });
    await this.until(() => toast.evaluate((element) => getComputedStyle(element).opacity === '1' && getComputedStyle(element).transform === 'none'), 'the notification to slide in');
    return toast.innerText();
  }

  /** Waits for the status bar item of our language server to say `tooltip` (its accessible label holds the tooltip). */
  async waitForServerStatus(tooltip: string): Promise<void> {
    await this.page.locator(`[id="ppnet.ppnet.ppnet.server"][aria-label*="${tooltip}"]`).waitFor({ timeout: TIMEOUT_MS });
  }

  /** The content of the webview on screen (a webview nests two iframes). */
  async webview(): Promise<FrameLocator> {
    await this.page.locator('iframe.webview.ready').waitFor({ timeout: TIMEOUT_MS });
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /**
   * From now on the page notes when the last key that types a character went down (read with
   * {@link lastTypedKeyAt}); keys such as Shift+Right or Escape do not count.
   */
  async noteTypedKeys(): Promise<void> {
    await this.page.evaluate(() => {
      if (window.ppnetE2eNotingKeys) return;
      window.ppnetE2eNotingKeys = true;
      window.addEventListener('keydown', (event) => event.key.length === 1 && (window.ppnetE2eTypedKeyAt = Date.now()), true);
    });
  }

  async lastTypedKeyAt(): Promise<number> {
    const at = await this.page.evaluate(() => window.ppnetE2eTypedKeyAt);
    if (at === undefined) throw new Error('no typed key was noted: call noteTypedKeys first');
    return at;
  }

  /**
   * From now on the webview notes when an element matching `selector` first appears in it (read with
   * {@link appearedAt}). The webview runs in the same browser, so its clock is the page's.
   */
  async noteAppearance(view: FrameLocator, selector: string): Promise<void> {
    await view.locator('body').evaluate((body: PageElement, wanted: string) => {
      window.ppnetE2eAppearedAt = undefined;
      new MutationObserver((_, observer) => {
        if (!body.querySelector(wanted)) return;
        window.ppnetE2eAppearedAt = Date.now();
        observer.disconnect();
      }).observe(body, { childList: true, subtree: true });
    }, selector);
  }

  async appearedAt(view: FrameLocator): Promise<number> {
    const at = await view.locator('body').evaluate(() => window.ppnetE2eAppearedAt);
    if (at === undefined) throw new Error('nothing was noted: call noteAppearance before the change');
    return at;
  }

  /** Shows or hides the side bar (Ctrl+B) and the panel (Ctrl+J), to give the editors room. */
  async toggleSideBarAndPanel(): Promise<void> {
    for (const [part, keys] of [['sidebar', 'Control+B'], ['panel', 'Control+J']]) {
      const element = this.page.locator(`[id="workbench.parts.${part}"]`);
      const wasVisible = await element.isVisible();
      await this.page.keyboard.press(keys);
      await element.waitFor({ state: wasVisible ? 'hidden' : 'visible' });
    }
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.screenshots, { recursive: true });
    const file = path.join(this.screenshots, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Polls `condition` every 100 ms until it holds. */
  async until(condition: () => Promise<boolean>, what: string | (() => string), timeoutMs = TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
      await this.page.waitForTimeout(100);
    }
  }

  private async renderedProblems(): Promise<[number, Problem][]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row[aria-level="2"]')].map((row): [number, Problem] => {
        const text = (selector: string) => row.querySelector(selector)?.innerText.trim() ?? '';
        const [, line, column] = /Ln (\d+), Col (\d+)/.exec(text('.marker-line')) ?? [];
        return [Number(row.getAttribute('aria-posinset')), { code: text('.marker-code'), message: text('.marker-message'), line: Number(line), column: Number(column) }];
      }),
    );
  }
}
