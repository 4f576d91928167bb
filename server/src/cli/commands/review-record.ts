/**
 * `rulebook review approve FILE:LINE [--rule RULE_ID] --as REVIEWER_ID --key PRIVATE_KEY_PATH --reason "TEXT"` and
 * `rulebook review revoke FILE:LINE [--rule RULE_ID] --as REVIEWER_ID --key PRIVATE_KEY_PATH`: sign and append to
 * the ledger. Exit 0 when recorded, 1 on a refusal (with exactly why), 2 for a usage or rulebook error.
 */
import * as path from 'path';
import { Locale, localize, prepareReview, relativePath, scanFile } from '../../engine';
import { ReviewAction } from '../../engine/review/entry';
import { GitAuthorship } from '../../review-io/git-authorship';
import { appendEntries, ledgerFile, readLedger } from '../../review-io/ledger-file';
import { KeyFileError, signerFromKeyFile } from '../../review-io/signer-from-file';
import { Output } from '../output';
import { loadRulebookForReview, parseFileLine, printLedgerProblems } from '../review-scan';
import { UsageError } from './load';

export interface RecordOptions {
  readonly rule?: string;
  readonly as: string;
  readonly key: string;
  readonly reason?: string;
  readonly rulebook?: string;
  readonly lang: Locale;
}

export async function recordReviewCommand(action: ReviewAction, spec: string, options: RecordOptions, output: Output): Promise<number> {
  const { file, line } = parseFileLine(spec);
  const loaded = await loadRulebookForReview(output, options.rulebook);
  if (!loaded) return 2;
  const { rulebook } = loaded;
  const rel = relativePath(rulebook.root, file);
  if (rel.startsWith('../')) throw new UsageError(`${spec} is outside the workspace ${rulebook.root}`);
  let signer;
  try {
    signer = await signerFromKeyFile(path.resolve(options.key));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const scan = await scanFile(rulebook, file);
  if (scan.skipped) {
    output.err(`rulebook: refused: finding not found at that line: ${rel} was not scanned (${scan.skipped.detail})\n`);
    return 1;
  }
  const ledger = await readLedger(rulebook.root);
  printLedgerProblems(output, rulebook.root, { ledgerProblems: ledger.problems });
  let outcome;
  try {
    outcome = await prepareReview(
      { action, path: rel, line, ruleId: options.rule, reviewerId: options.as, reason: options.reason },
      { rulebook, findings: scan.findings, ledger, signer, authorship: new GitAuthorship(rulebook.root), now: new Date() },
    );
  } catch (err) {
    // ssh-keygen could not sign (no passphrase given, key not in the agent): a usage problem, not a refusal.
    if (err instanceof KeyFileError) throw new UsageError(err.message);
    throw err;
  }
  if (!outcome.ok) {
    output.err(`rulebook: refused: ${localize(outcome.refusal.message, options.lang)}\n`);
    return 1;
  }
  await appendEntries(rulebook.root, outcome.entries);
  const ledgerRel = path.relative(process.cwd(), ledgerFile(rulebook.root)).split(path.sep).join('/');
  for (const entry of outcome.entries) {
    const what = `${entry.path}:${entry.line} ${entry.rule}`;
    if (options.lang === 'ja') {
      output.out(action === 'approve' ? `承認しました: ${what}（${entry.reviewer}、${entry.expires.slice(0, 10)} まで）\n` : `承認を取り消しました: ${what}（${entry.reviewer}）\n`);
    } else {
      output.out(action === 'approve' ? `approved ${what} as ${entry.reviewer}, until ${entry.expires.slice(0, 10)}\n` : `revoked the approval of ${what} as ${entry.reviewer}\n`);
    }
  }
  output.err(options.lang === 'ja' ? `${ledgerRel} に記録しました。コミットしてください。\n` : `recorded in ${ledgerRel}; commit it with the change\n`);
  return 0;
}
