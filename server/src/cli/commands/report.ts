/**
 * `rulebook report [--format md|html] [--lang en|ja] [-o FILE] [PATH...]`: the item-7 level the repository meets
 * (see `engine/review/report.ts`) with its evidence. Exit 0 whatever the level; 2 for a broken rulebook.
 */
import { Locale, buildReviewReport } from '../../engine';
import { GitAuthorship } from '../../review-io/git-authorship';
import { reviewReportDocument } from '../formats/review-report';
import { renderHtml, renderMarkdown } from '../formats/report-render';
import { Output, writeResult } from '../output';
import { scanForReview } from '../review-scan';
import { UsageError } from './load';

export interface ReportOptions {
  readonly format: string;
  readonly output?: string;
  readonly rulebook?: string;
  readonly lang: Locale;
}

export async function reportCommand(paths: readonly string[], options: ReportOptions, output: Output): Promise<number> {
  if (options.format !== 'md' && options.format !== 'html') throw new UsageError(`unknown format "${options.format}" (use md or html)`);
  const scan = await scanForReview(paths, { rulebook: options.rulebook, quiet: true }, output);
  if (!scan) return 2;
  const report = await buildReviewReport({
    rulebook: scan.rulebook,
    hasOwnRulebook: scan.choice.file !== undefined,
    overview: scan.overview,
    ledgerEntries: scan.ledger.entries,
    batches: scan.ledger.batches,
    filesScanned: scan.results.filter((r) => !r.skipped).length,
    now: scan.now,
    authorship: new GitAuthorship(scan.rulebook.root),
  });
  const doc = reviewReportDocument(report, options.lang);
  await writeResult(output, options.format === 'html' ? renderHtml(doc) : renderMarkdown(doc), options.output);
  return 0;
}
