/**
 * The workspace scan: every file of every workspace folder (.gitignore-aware, like the CLI), with work-done progress
 * and cancellation. Files open in the editor are left to the live linter; the others get their findings published
 * as diagnostics. Files are scanned in a worker thread of their own, one after another, so the editor is served
 * all along.
 */
import { Diagnostic } from 'vscode-languageserver';
import { FileScan, Finding, Locale, Rulebook, diskReader } from '../engine';
import { walkFiles } from '../cli/walk';
import { ReviewItem, ScanWorkspaceResult, Settings } from './protocol';
import { findingDiagnostics, reviewItems } from './review-presentation';
import { FindingReviews } from './reviews';
import { RulebookState } from './rulebooks';
import { ruleAllowed } from './rule-filter';

export interface ScanProgress {
  report(done: number, total: number): void;
  readonly cancelled: boolean;
}

export interface WorkspaceScanEnvironment {
  folders(): readonly string[];
  settingsFor(folder: string): Promise<Settings>;
  rulebookForFolder(folder: string, settings: Settings): Promise<RulebookState>;
  isOpen(file: string): boolean;
  locale(settings: Settings): Locale;
  /** Publishes a closed file's findings (an empty list clears them). */
  publish(file: string, diagnostics: Diagnostic[]): void;
  /** Files that had scan results before, so those now clean are cleared. */
  previouslyPublished(): readonly string[];
  reviews(rulebook: Rulebook, relativePath: string, findings: readonly Finding[]): Promise<FindingReviews | undefined>;
  /** Publishes a closed file's review items (an empty list clears them). */
  publishReviews(file: string, items: readonly ReviewItem[]): void;
  /** Files that had review items from a scan before. */
  previouslyReviewed(): readonly string[];
  /** Scans a closed file (in a worker thread: the editor is served meanwhile). */
  scanFile(file: string, state: RulebookState): Promise<FileScan>;
}

export type FileOutcome = { readonly skipped: true } | { readonly skipped: false; readonly shown: number };

/** Scans one closed file and publishes its diagnostics and review items (also used when the ledger changes). */
export async function scanClosedFile(env: WorkspaceScanEnvironment, file: string, settings: Settings, state: RulebookState): Promise<FileOutcome> {
  const size = await diskReader.size(file);
  const scan = size !== undefined && size > settings.maxFileSize ? undefined : await env.scanFile(file, state);
  if (!scan || scan.skipped) {
    env.publishReviews(file, []);
    return { skipped: true };
  }
  const allowed = scan.findings.filter((f) => ruleAllowed(settings, f.ruleId));
  const reviews = await env.reviews(state.rulebook, scan.path, allowed);
  const locale = env.locale(settings);
  const diagnostics = findingDiagnostics(allowed, reviews, state.rulebook, settings, locale);
  if (diagnostics.length > 0 || env.previouslyPublished().includes(file)) env.publish(file, diagnostics);
  env.publishReviews(file, reviewItems(reviews, locale));
  return { skipped: false, shown: diagnostics.length };
}

export async function scanWorkspace(env: WorkspaceScanEnvironment, progress: ScanProgress): Promise<ScanWorkspaceResult> {
  const jobs: { file: string; folder: string }[] = [];
  for (const folder of env.folders()) {
    for await (const file of walkFiles([folder], { gitignore: true })) {
      jobs.push({ file, folder });
      if (progress.cancelled) return { files: 0, findings: 0, skipped: 0, cancelled: true };
    }
  }
  const published = new Set<string>();
  let files = 0;
  let findings = 0;
  let skipped = 0;
  const perFolder = new Map<string, Promise<{ settings: Settings; state: RulebookState }>>();
  for (const { file, folder } of jobs) {
    if (progress.cancelled) return { files, findings, skipped, cancelled: true };
    progress.report(files + skipped, jobs.length);
    if (env.isOpen(file)) {
      files++;
      continue;
    }
    let context = perFolder.get(folder);
    if (!context) {
      context = env.settingsFor(folder).then(async (settings) => ({ settings, state: await env.rulebookForFolder(folder, settings) }));
      perFolder.set(folder, context);
    }
    const { settings, state } = await context;
    const outcome = await scanClosedFile(env, file, settings, state);
    if (outcome.skipped) {
      skipped++;
    } else {
      files++;
      findings += outcome.shown;
      published.add(file);
    }
  }
  // Files that had findings before and were not scanned again this time (deleted, now ignored) are cleared.
  for (const file of env.previouslyPublished()) if (!published.has(file)) env.publish(file, []);
  for (const file of env.previouslyReviewed()) if (!published.has(file)) env.publishReviews(file, []);
  progress.report(jobs.length, jobs.length);
  return { files, findings, skipped };
}
