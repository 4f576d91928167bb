/**
 * `rulebook scan --staged` and `rulebook scan --diff-base REF [--all-findings]`: what a change adds. A staged scan
 * reads the index (what `git commit` would record), so a file staged and then edited is judged by its staged
 * content; a diff-base scan reads the working tree against the merge base of REF and HEAD. By default only findings
 * the change brings are reported (on lines it adds or modifies, and not already in the base); `--all-findings`
 * reports every finding of the tree with its baseline state (`new`, `updated`, `unchanged`, `absent`).
 */
import { ScanReport } from '../formats/report';
import { Output, progress } from '../output';
import { reviewsOf } from '../review-scan';
import { changeRulebookChoice, changesSinceBase, stagedChanges } from '../change-scope';
import { scanChange } from '../change-findings';
import { ScanCache } from '../scan-cache';
import { walkFiles } from '../walk';
import { toolVersion } from '../version';
import { UsageError, loadForCommand } from './load';
import { ScanOptions, finishScan, formatterFor, skippedOf, withoutOwnFiles } from './scan';

export async function changeScanCommand(paths: readonly string[], options: ScanOptions, output: Output): Promise<number> {
  const format = formatterFor(options.format);
  const changes = options.staged ? await stagedChanges(process.cwd(), paths) : await changesSinceBase(process.cwd(), options.diffBase!, paths);
  const choice = changeRulebookChoice(options.rulebook, changes);
  const { rulebook } = await loadForCommand(output, options.rulebook, { choice, checkExamples: 'own', checkBuiltin: false });
  if (rulebook.hasErrors) {
    output.err('rulebook: the rulebook has errors (above); fix them or run `rulebook check`\n');
    return 2;
  }
  const alsoScan: string[] = [];
  if (options.allFindings) {
    try {
      for await (const file of walkFiles(paths.length > 0 ? paths : [rulebook.root], { gitignore: options.gitignore })) alsoScan.push(file);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const cache = options.cache && !options.staged ? await ScanCache.open(rulebook, options.cacheLocation) : undefined;
  // Neither this scan's report nor its cache is part of the change, even when they lie untracked in the tree.
  const own = new Set([...alsoScan, ...changes.files.map((f) => f.file)]);
  const kept = new Set(withoutOwnFiles([...own], options, cache));
  const scoped = { ...changes, files: changes.files.filter((f) => kept.has(f.file)) };
  const bar = progress(options.quiet ? { ...output, isTTY: false } : output, 'scanning');
  const scan = await scanChange(scoped, {
    rulebook,
    setup: { load: { rulebookFile: choice.file, root: choice.root } },
    fromIndex: Boolean(options.staged),
    jobs: options.jobs,
    alsoScan: alsoScan.filter((f) => kept.has(f)),
    withAbsent: Boolean(options.allFindings),
    cache,
    onResult: (done, total) => bar.update(done, total),
  });
  bar.done();
  await cache?.save();
  const reported = options.allFindings ? scan.findings : scan.introduced;
  const skipped = skippedOf(scan.results);
  const report: ScanReport = {
    rulebook,
    findings: reported,
    skipped,
    filesScanned: scan.results.length - skipped.length,
    fromCache: scan.fromCache,
    locale: options.lang,
    toolVersion: toolVersion(),
    showSuppressed: options.showSuppressed,
    reviews: await reviewsOf(rulebook, reported),
    baseline: { description: changes.description, states: scan.states, absent: options.allFindings ? scan.absent : [], all: Boolean(options.allFindings) },
  };
  if (scan.outside > 0 && !options.quiet) output.err(`note: ${scan.outside} changed file${scan.outside === 1 ? ' lies' : 's lie'} outside the workspace ${rulebook.root} and ${scan.outside === 1 ? 'was' : 'were'} not scanned\n`);
  return finishScan(report, scan.results, options, output, format);
}
