/**
 * The workspace scan: every file of every workspace folder (.gitignore-aware, like the CLI), with work-done progress
 * and cancellation. Files open in the editor are left to the live linter; the others get their findings published
 * as diagnostics. The scan yields to the event loop between files so the editor stays responsive.
 */
import { Diagnostic } from 'vscode-languageserver';
import { Locale, diskReader, scanFile } from '../engine';
import { walkFiles } from '../cli/walk';
import { findingDiagnostic } from './diagnostics';
import { ScanWorkspaceResult, Settings } from './protocol';
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
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
    const size = await diskReader.size(file);
    const scan = size !== undefined && size > settings.maxFileSize ? undefined : await scanFile(state.rulebook, file);
    if (!scan || scan.skipped) {
      skipped++;
    } else {
      files++;
      const shown = scan.findings.filter((f) => !f.suppression && ruleAllowed(settings, f.ruleId));
      findings += shown.length;
      if (shown.length > 0 || env.previouslyPublished().includes(file)) {
        const locale = env.locale(settings);
        env.publish(file, shown.map((f) => findingDiagnostic(f, state.rulebook.rule(f.ruleId), settings.severityOverrides[f.ruleId], locale)));
        published.add(file);
      }
    }
    await yieldToEvents();
  }
  // Files that had findings before and were not scanned again this time (deleted, now ignored) are cleared.
  for (const file of env.previouslyPublished()) if (!published.has(file)) env.publish(file, []);
  progress.report(jobs.length, jobs.length);
  return { files, findings, skipped };
}
