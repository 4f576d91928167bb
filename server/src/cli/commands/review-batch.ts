/**
 * `rulebook review approve-batch --as ID --key KEY --reason TEXT [--rule R]… [--path GLOB]… [--severity S]…
 * [--days N] [--dry-run] [PATH…]`: a reviewer signs one approval for every finding the selection covers that still
 * needs a sign-off — the way to adopt the rulebook on a legacy codebase. Findings on lines the reviewer wrote (or
 * whose author git cannot tell) are left out and listed. Exit 0 when recorded (or described, with --dry-run), 1 on a
 * refusal, 2 for a usage or rulebook error.
 */
import * as path from 'path';
import { Locale, Severity, batchId, localize, prepareBatch, serializeBatch } from '../../engine';
import { GitAuthorship } from '../../review-io/git-authorship';
import { appendLines, ledgerFile } from '../../review-io/ledger-file';
import { KeyFileError, signerFromKeyFile } from '../../review-io/signer-from-file';
import { Output } from '../output';
import { scanForReview } from '../review-scan';
import { UsageError } from './load';

export interface BatchOptions {
  readonly as: string;
  readonly key?: string;
  readonly reason: string;
  readonly rule: string[];
  readonly path: string[];
  readonly severity: string[];
  readonly days?: number;
  readonly dryRun?: boolean;
  readonly rulebook?: string;
  readonly lang: Locale;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** Counts by key, largest first: "c.banned.strcpy 412, c.risky.memcpy 230". */
function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

export async function reviewBatchCommand(paths: readonly string[], options: BatchOptions, output: Output): Promise<number> {
  if (!options.dryRun && !options.key) throw new UsageError('--key is required to sign (or use --dry-run to see what the batch would hold)');
  let signer;
  if (!options.dryRun) {
    try {
      signer = await signerFromKeyFile(path.resolve(options.key!));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const scan = await scanForReview(paths, { rulebook: options.rulebook, quiet: true }, output);
  if (!scan) return 2;
  const { rulebook } = scan;
  let outcome;
  try {
    outcome = await prepareBatch(
      { reviewerId: options.as, reason: options.reason, selection: { rules: options.rule, paths: options.path, severities: options.severity as Severity[] }, days: options.days },
      { rulebook, findings: scan.findings, ledger: scan.ledger, signer, authorship: new GitAuthorship(rulebook.root), now: scan.now },
    );
  } catch (err) {
    if (err instanceof KeyFileError) throw new UsageError(err.message);
    throw err;
  }
  if (!outcome.ok) {
    output.err(`rulebook: refused: ${localize(outcome.refusal.message, options.lang)}\n`);
    return 1;
  }
  const ja = options.lang === 'ja';
  const count = outcome.findings.length;
  const rules = tally(outcome.findings.map((f) => f.ruleId));
  if (outcome.entry) {
    await appendLines(rulebook.root, [serializeBatch(outcome.entry)]);
    const id = outcome.id ?? batchId(outcome.entry);
    output.out(
      ja
        ? `${count} 件の指摘を一括承認しました（${options.as}、${day(outcome.expires)} まで、バッチ ${id}）: ${rules}\n`
        : `approved a batch of ${count} finding${count === 1 ? '' : 's'} as ${options.as}, until ${day(outcome.expires)} (batch ${id}): ${rules}\n`,
    );
  } else {
    output.out(ja ? `一括承認の対象（未署名）: ${count} 件、${day(outcome.expires)} まで: ${rules}\n` : `the batch would approve ${count} finding${count === 1 ? '' : 's'}, until ${day(outcome.expires)}: ${rules}\n`);
    for (const f of outcome.findings) output.out(`  ${f.path}:${f.range.start.line + 1} ${f.ruleId}\n`);
  }
  if (outcome.alreadyApproved > 0) output.out(ja ? `承認済みのため対象外: ${outcome.alreadyApproved} 件\n` : `already approved, not in the batch: ${outcome.alreadyApproved}\n`);
  if (outcome.excluded.length > 0) {
    output.out(
      ja
        ? `除外（別のレビュー担当者が個別に承認してください）: ${outcome.excluded.length} 件\n`
        : `left out of the batch (another reviewer must approve them one by one): ${outcome.excluded.length}\n`,
    );
    for (const e of outcome.excluded) {
      const where = `${e.finding.path}:${e.finding.range.start.line + 1} ${e.finding.ruleId}`;
      const why =
        e.why === 'self-review'
          ? ja
            ? `あなたが書いた行です（${e.author?.email ?? ''}）`
            : `you wrote this line (${e.author?.email ?? ''})`
          : ja
            ? '作成者を特定できません（未コミット、または git 管理外）'
            : 'git cannot tell who wrote it (not committed, or not in git)';
      output.out(`  ${where}: ${why}\n`);
    }
  }
  if (outcome.entry) {
    const ledgerRel = path.relative(process.cwd(), ledgerFile(rulebook.root)).split(path.sep).join('/');
    output.err(ja ? `${ledgerRel} に記録しました。コミットしてください。\n` : `recorded in ${ledgerRel}; commit it\n`);
  }
  return 0;
}
