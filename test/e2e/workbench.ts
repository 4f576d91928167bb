/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Reading and driving VS Code's workbench in the browser: what the editor underlines, the Problems panel, hovers,
 * quick fixes and the status bar. Every step waits for the workbench to show something, never for a fixed time.
 */
import type { Page } from 'playwright-core';

export interface Squiggle {
  /** `error`, `warning`, `info` or `hint`, from Monaco's `squiggly-*` class. */
  readonly severity: string;
  /** One-based line number as the gutter shows it. */
  readonly line: number;
  /** The characters of the line under the squiggle. */
  readonly text: string;
  /** Centre of the underlined text, in page coordinates. */
  readonly x: number;
  readonly y: number;
}

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  // The explorer lists the folder once the workbench has loaded the workspace.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
}

export async function openFile(page: Page, name: string): Promise<void> {
  // Quick Open searches the workbench's file index: a file written a moment ago may not be in it yet, and one search
  // does not look again. Ask anew until it is listed.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt === 4) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/** Brings an open editor back to the front by its tab. */
export async function activateTab(page: Page, name: string): Promise<void> {
  await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ state: 'visible' });
}

/** Every squiggle in the active editor, with the line it is on and the text it underlines. */
export function readSquiggles(page: Page): Promise<Squiggle[]> {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return [];
    // Monaco positions gutter rows, overlay rows and text rows of one line at the same `top`.
    const lineNumberAt = new Map<string, number>();
    for (const row of editor.querySelectorAll<HTMLElement>('.margin-view-overlays > div')) {
      const number = Number(row.querySelector('.line-numbers')?.textContent);
      if (number) lineNumberAt.set(row.style.top, number);
    }
    const textRowAt = new Map<string, HTMLElement>();
    for (const row of editor.querySelectorAll<HTMLElement>('.view-lines > .view-line')) textRowAt.set(row.style.top, row);

    const squiggles = [];
    for (const element of editor.querySelectorAll<HTMLElement>('.view-overlays [class*="squiggly-"]')) {
      const top = element.parentElement?.style.top ?? '';
      const box = element.getBoundingClientRect();
      const row = textRowAt.get(top);
      let text = '';
      if (row) {
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const content = node.textContent ?? '';
          for (let i = 0; i < content.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const r = range.getBoundingClientRect();
            const centre = r.left + r.width / 2;
            if (centre >= box.left && centre <= box.right) text += content[i];
          }
        }
      }
      const severity = /squiggly-(\w+)/.exec(element.className)?.[1] ?? 'unknown';
      squiggles.push({ severity, line: lineNumberAt.get(top) ?? 0, text: text.replace(/\u00a0/g, ' '), x: box.left + box.width / 2, y: box.top + box.height / 2 });
    }
    return squiggles;
  });
}

/** Polls a condition of the page (each poll is one DOM read) until it holds: waiting for the workbench, not for a clock. */
export async function waitUntil<T>(what: string, read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!holds(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${JSON.stringify(last).slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/** Rows of the Problems panel (file rows and marker rows), as their visible text. */
export async function openProblems(page: Page): Promise<void> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible' });
}

export function problemRows(page: Page): Promise<string[]> {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
}

/**
 * Moves the mouse onto a point of the editor and returns the text of the hover once it shows `expected`: the
 * hover opens with the diagnostic's own text and gains the server's part when its answer arrives.
 */
export async function hoverAt(page: Page, x: number, y: number, expected: RegExp): Promise<string> {
  await page.mouse.move(x, y);
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: expected }).first();
  await hover.waitFor({ state: 'visible' });
  return hover.innerText();
}

/**
 * Puts the cursor at a point, opens the quick-fix menu (Ctrl+.) and applies the first action whose title matches,
 * choosing it with the keyboard as a user would (the menu's pointer guard swallows synthetic clicks).
 */
export async function applyQuickFix(page: Page, x: number, y: number, title: RegExp): Promise<string> {
  await page.mouse.click(x, y);
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.first().waitFor({ state: 'visible' });
  const titles = (await rows.allInnerTexts()).map((text) => text.trim());
  const target = titles.findIndex((text) => title.test(text));
  if (target < 0) throw new Error(`no quick fix matching ${String(title)}; offered: ${JSON.stringify(titles)}`);
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  for (let step = 0; step <= titles.length && !title.test((await focused.innerText().catch(() => '')).trim()); step++) {
    await page.keyboard.press('ArrowDown');
  }
  const label = (await focused.innerText()).trim();
  if (!title.test(label)) throw new Error(`could not focus the quick fix ${String(title)}; offered: ${JSON.stringify(titles)}`);
  await page.keyboard.press('Enter');
  return label;
}

/** The text of the active editor's visible lines. */
export function editorText(page: Page): Promise<string> {
  return page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((lines) =>
    [...lines.querySelectorAll<HTMLElement>('.view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n'),
  );
}

/** The accessible label of the extension's status bar item (`Secure Coding Rulebook: 1 finding`). */
export async function statusBarLabel(page: Page): Promise<string> {
  const item = page.locator('.part.statusbar [aria-label^="Secure Coding Rulebook:"]').first();
  await item.waitFor({ state: 'attached' });
  return (await item.getAttribute('aria-label')) ?? '';
}

/** Texts of the error notifications on screen: a failing request or a crashed server shows up here. */
export function errorNotifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast:has(.codicon-error)').allInnerTexts();
}

/** Runs a command from the Command Palette by its title (`Secure Coding: Show Rule Documentation`). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** The text of every webview on the page (the Markdown preview is one), read through its nested frames. */
export async function webviewTexts(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (text.trim()) texts.push(text);
  }
  return texts;
}

/** The rows of a view in the side bar by its title (`Security Review`), expanding the view if it is collapsed. */
export async function viewRows(page: Page, title: string): Promise<string[]> {
  const pane = page.locator('.pane', { has: page.locator('.pane-header h3.title', { hasText: title }) }).first();
  await pane.waitFor({ state: 'visible' });
  const header = pane.locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return pane.locator('.pane-body .monaco-list-row').allInnerTexts();
}
