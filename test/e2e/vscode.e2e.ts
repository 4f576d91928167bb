/**
 * End to end in a real VS Code: code-server with the packaged .vsix installed, driven in headless Chromium.
 * Run by `npm run test:e2e` (not part of `npm test`); screenshots land in test/e2e/out/.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Browser, Page, chromium } from 'playwright-core';
import { REPO_ROOT } from '../helpers';
import { Profile, RunningCodeServer, createProfile, ensureCodeServer, installExtension, startCodeServer } from './code-server';
import { CALLS, LANGUAGE_SAMPLES, NOT_CALLS, SAMPLE_FILE, UNOPENED_FILE, writeSampleWorkspace } from './sample-workspace';
import { Squiggle, activateTab, applyQuickFix, editorText, errorNotifications, hoverAt, openFile, openProblems, openWorkbench, problemRows, readSquiggles, runCommand, statusBarLabel, viewRows, waitUntil, webviewTexts } from './workbench';

const OUT = path.join(REPO_ROOT, 'test/e2e/out');
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'client/package.json'), 'utf8')) as { name: string; version: string };
const VSIX = path.join(REPO_ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);

/** User settings that keep first-run dialogs, trust prompts and network features out of a scripted run. */
const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
};

const log = (line: string): void => console.log(`      ${line}`);

/** Log files of the extension host and of the extension's output channel: where a failure's cause usually is. */
function logTails(userDataDir: string): string {
  const logs = path.join(userDataDir, 'logs');
  if (!existsSync(logs)) return '';
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/exthost|Secure Coding|remoteagent/i.test(full)) found.push(full);
    }
  };
  walk(logs);
  return found
    .map((file) => `--- ${path.relative(logs, file)}\n${readFileSync(file, 'utf8').trimEnd().split('\n').slice(-30).join('\n')}`)
    .join('\n');
}

describe('VS Code end to end (code-server, packaged extension)', function () {
  this.timeout(180_000);
  const started = Date.now();
  let runRoot: string;
  let profile: Profile;
  let workspace: string;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let failed = false;

  /** The squiggle on a line, once the server's findings have arrived there. */
  const squiggleOn = async (line: number, what: string): Promise<Squiggle> => {
    const squiggles = await waitUntil(`a squiggle on ${what}`, () => readSquiggles(page), (all) => all.some((s) => s.line === line));
    return squiggles.find((s) => s.line === line) as Squiggle;
  };
  const getsSquiggle = (): Promise<Squiggle> => squiggleOn(CALLS.gets.line, 'the gets call');
  const statusBarShows = (label: string): Promise<string> =>
    waitUntil(`the status bar to show "${label}"`, () => statusBarLabel(page), (text) => text === `Secure Coding Rulebook: ${label}`);

  before(async function () {
    this.timeout(600_000);
    mkdirSync(OUT, { recursive: true });
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set E2E_CHROMIUM)`);
    const launcher = ensureCodeServer(log);
    runRoot = mkdtempSync(path.join(tmpdir(), 'scr-e2e-'));
    workspace = writeSampleWorkspace(path.join(runRoot, 'workspace'));
    profile = createProfile(runRoot, SETTINGS);
    installExtension(launcher, profile, VSIX);
    server = await startCodeServer(launcher, profile);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, server.url, workspace);
    await openFile(page, SAMPLE_FILE);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    const name = (this.currentTest.title || 'hook').replace(/[^\w]+/g, '-');
    if (page) await page.screenshot({ path: path.join(OUT, `failed-${name}.png`) }).catch(() => undefined);
  });

  after(async function () {
    this.timeout(30_000);
    // A failing `before` hook does not reach afterEach.
    if (failed || !page) {
      if (page) await page.screenshot({ path: path.join(OUT, 'failed.png') }).catch(() => undefined);
      if (server) log(`code-server output:\n${server.output().trimEnd().split('\n').slice(-30).join('\n')}`);
      if (profile) log(logTails(profile.userDataDir));
      if (runRoot) log(`run directory kept for inspection: ${runRoot}`);
    }
    await browser?.close();
    await server?.stop();
    if (!failed && page && runRoot) rmSync(runRoot, { recursive: true, force: true });
    log(`end-to-end run: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('underlines the unsafe calls, and neither the comment nor the string with the same names', async () => {
    for (const call of Object.values(CALLS)) {
      const squiggle = await squiggleOn(call.line, `the ${call.name} call`);
      assert.strictEqual(squiggle.severity, 'error', call.name);
      assert.strictEqual(squiggle.text, call.name);
    }
    const all = await readSquiggles(page);
    assert.deepStrictEqual(all.filter((s) => s.line === NOT_CALLS.comment || s.line === NOT_CALLS.string), []);
  });

  it('lists the calls in the Problems panel, and nothing for the comment or the string', async () => {
    await openProblems(page);
    const rows = await waitUntil('both findings in the Problems panel', () => problemRows(page), (all) =>
      Object.values(CALLS).every((call) => all.some((row) => row.includes(call.ruleId))),
    );
    const findings = rows.filter((row) => row.includes('secure-coding'));
    assert.strictEqual(findings.length, 2, findings.join('\n'));
    for (const call of Object.values(CALLS)) {
      const row = findings.find((r) => r.includes(call.ruleId)) ?? '';
      assert.match(row, new RegExp(`\`?${call.name}\`? is banned`));
      assert.ok(row.includes(`[Ln ${call.line}, Col ${call.column}]`), row);
    }
    for (const line of Object.values(NOT_CALLS)) assert.ok(!findings.some((row) => row.includes(`[Ln ${line},`)), `finding on line ${line}`);
  });

  it('counts the findings in the status bar', async () => {
    await statusBarShows('2 findings');
  });

  it('explains the finding on hover', async () => {
    const squiggle = await getsSquiggle();
    const hover = await hoverAt(page, squiggle.x, squiggle.y, /CWE-242/);
    assert.match(hover, /is banned/);
    assert.match(hover, /fgets/);
    await page.screenshot({ path: path.join(OUT, 'diagnostics-and-hover.png') });
    await page.keyboard.press('Escape');
  });

  it('shows the documentation of the rule under the cursor', async () => {
    const squiggle = await getsSquiggle();
    await page.mouse.click(squiggle.x, squiggle.y);
    await runCommand(page, 'Secure Coding: Show Rule Documentation');
    await page.locator('.tabs-container .tab[aria-label*="c.banned.gets"]').waitFor({ state: 'visible' });
    const texts = await waitUntil('the rule documentation in the preview', () => webviewTexts(page), (all) => all.some((text) => /CWE-242/.test(text)));
    const documentation = texts.find((text) => /CWE-242/.test(text)) ?? '';
    assert.match(documentation, /c\.banned\.gets/);
    assert.match(documentation, /fgets/);
    await page.screenshot({ path: path.join(OUT, 'rule-documentation.png') });
  });

  it('fixes the gets call with the quick fix, and its finding goes away', async () => {
    await activateTab(page, SAMPLE_FILE);
    const squiggle = await getsSquiggle();
    const title = await applyQuickFix(page, squiggle.x, squiggle.y, /fgets/);
    log(`applied quick fix: ${title}`);
    await waitUntil('the fixed call in the editor', () => editorText(page), (text) => text.includes('fgets(line, sizeof line, stdin);'));
    await page.keyboard.press('Control+S');
    const file = path.join(workspace, SAMPLE_FILE);
    await waitUntil('the fix saved to disk', () => Promise.resolve(readFileSync(file, 'utf8')), (text) => text.includes('fgets(line, sizeof line, stdin);'));
    await waitUntil('the squiggle to go away', () => readSquiggles(page), (all) => all.every((s) => s.line !== CALLS.gets.line));
    await statusBarShows('1 finding');
    await page.screenshot({ path: path.join(OUT, 'after-quick-fix.png') });
  });

  it('reports files that are not open after Scan Workspace', async () => {
    await openProblems(page);
    assert.ok(!(await problemRows(page)).some((row) => row.includes(UNOPENED_FILE)), 'reported before the scan');
    await runCommand(page, 'Secure Coding: Scan Workspace');
    const rows = await waitUntil('the unopened file in the Problems panel', () => problemRows(page), (all) => all.some((row) => row.includes(UNOPENED_FILE)));
    assert.ok(rows.some((row) => row.includes('c.banned.gets')), rows.join('\n'));
    await statusBarShows('2 findings');
    await page.screenshot({ path: path.join(OUT, 'after-workspace-scan.png') });
  });

  it('restarts the server, which then flags a call as it is typed', async () => {
    await runCommand(page, 'Secure Coding: Restart Server');
    // Stopping the client clears what the old server published, the scan's findings included; the new server
    // reports the open file again.
    await statusBarShows('1 finding');
    await activateTab(page, SAMPLE_FILE);
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'fgets(line' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('gets(line);');
    const typed = await squiggleOn(CALLS.gets.line + 1, 'the typed call');
    assert.strictEqual(typed.text, 'gets');
  });

  it('opens the rulebook, writing the starter rulebook first', async () => {
    await runCommand(page, 'Secure Coding: Open Rulebook');
    await page.locator('.tabs-container .tab.active[aria-label^="rulebook.yaml"]').waitFor({ state: 'visible' });
    const file = path.join(workspace, '.secure-coding/rulebook.yaml');
    assert.match(readFileSync(file, 'utf8'), /builtin:default/);
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Created a starter rulebook at .secure-coding/rulebook.yaml' }).waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(OUT, 'starter-rulebook.png') });
  });

  it('lists the findings awaiting a sign-off in the Security Review view once the rulebook asks for reviews', async () => {
    const key = path.join(runRoot, 'reviewer');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bob@example.com', '-f', key]);
    const publicKey = readFileSync(`${key}.pub`, 'utf8').trim();
    // The open, unmodified rulebook follows the file on disk, and the server rescans with its review section.
    appendFileSync(path.join(workspace, '.secure-coding/rulebook.yaml'), `\nreview:\n  reviewers:\n    - { id: bob, name: Bob Sato, email: bob@example.com, key: "${publicKey}" }\n`);
    await waitUntil('the status bar to count findings awaiting review', () => statusBarLabel(page), (text) => /, 2 awaiting review$/.test(text));
    await page.keyboard.press('Control+Shift+E');
    const rows = await waitUntil('the findings in the Security Review view', () => viewRows(page, 'Security Review'), (all) => all.some((row) => row.includes('c.banned.strcpy')));
    assert.ok(rows.some((row) => /Awaiting sign-off \(2\)/.test(row)), rows.join('\n'));
    assert.ok(rows.some((row) => row.includes(SAMPLE_FILE)), rows.join('\n'));
    await page.screenshot({ path: path.join(OUT, 'security-review-view.png') });
  });

  it('shows a diagnostic in a Kotlin file and in a Terraform file', async () => {
    // Written together, before the first is opened: Quick Open lists a new file only once the workbench's file index
    // has seen it.
    for (const sample of LANGUAGE_SAMPLES) writeFileSync(path.join(workspace, sample.file), sample.source);
    for (const sample of LANGUAGE_SAMPLES) {
      await openFile(page, sample.file);
      const squiggle = await squiggleOn(sample.line, `the ${sample.ruleId} finding in ${sample.file}`);
      assert.strictEqual(squiggle.severity, 'error', sample.file);
      assert.strictEqual(squiggle.text, sample.flagged, sample.file);
      await page.screenshot({ path: path.join(OUT, `language-${path.extname(sample.file).slice(1)}.png`) });
    }
    await openProblems(page);
    const rows = await waitUntil('both findings in the Problems panel', () => problemRows(page), (all) =>
      LANGUAGE_SAMPLES.every((sample) => all.some((row) => row.includes(sample.ruleId) && row.includes(`[Ln ${sample.line},`))),
    );
    assert.ok(rows.some((row) => row.includes('Settings.kt')) && rows.some((row) => row.includes('bastion.tf')), rows.join('\n'));
  });

  it('showed no error notification along the way', async () => {
    assert.deepStrictEqual(await errorNotifications(page), []);
  });
});
