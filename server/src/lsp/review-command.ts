/**
 * The `recordReview` command behind "Approve as reviewer…" and "Revoke approval": it finds the finding in the open
 * document (following its fingerprint if the text moved on), signs with the reviewer's key file or ssh-agent,
 * lets the engine's `prepareReview` decide (every refusal says why) and appends to the ledger with review-io's
 * safe append. Nothing here throws at the user: every outcome is a message.
 */
import * as os from 'os';
import * as path from 'path';
import { Finding, LEDGER_RELATIVE_PATH, Locale, ReviewSigner, Rulebook, localize, prepareReview, reviewerById } from '../engine';
import { agentAvailable, agentSigner } from '../review-io/agent-signer';
import { GitAuthorship } from '../review-io/git-authorship';
import { appendEntries, ledgerFile, readLedger } from '../review-io/ledger-file';
import { signerFromKeyFile } from '../review-io/signer-from-file';
import { OpenDocument } from './documents';
import { RecordReviewArgs, RecordReviewResult, Settings } from './protocol';
import { text } from './texts';

export interface ReviewCommandEnvironment {
  /** The open document with its current scan (scanning first if an edit is pending). */
  current(uri: string): Promise<{ doc: OpenDocument; settings: Settings; rulebook: Rulebook } | undefined>;
  locale(settings: Settings | undefined): Locale;
  /** Called after the ledger was written, so every document shows the new state. */
  ledgerWritten(file: string): void;
  /** Shows the outcome to the user. */
  show(result: RecordReviewResult): void;
}

/** `~/…` is the home folder; a relative path is taken from the workspace root. */
export function resolveKeyPath(keyPath: string, root: string): string {
  if (keyPath === '~' || keyPath.startsWith('~/')) return path.join(os.homedir(), keyPath.slice(1));
  return path.resolve(root, keyPath);
}

function isArgs(value: unknown): value is RecordReviewArgs {
  const a = value as Partial<RecordReviewArgs> | undefined;
  return !!a && (a.action === 'approve' || a.action === 'revoke') && typeof a.uri === 'string' && typeof a.ruleId === 'string' && typeof a.line === 'number' && typeof a.fingerprint === 'string';
}

/** The finding the action was computed for, where it is now: by fingerprint, else by rule on the same line. */
function locate(findings: readonly Finding[], args: RecordReviewArgs): Finding | undefined {
  return findings.find((f) => f.ruleId === args.ruleId && f.fingerprint === args.fingerprint) ?? findings.find((f) => f.ruleId === args.ruleId && f.range.start.line === args.line);
}

/** The key file of the settings, else ssh-agent with the reviewer's listed key; undefined when there is neither. */
async function signerFor(settings: Settings, rulebook: Rulebook): Promise<ReviewSigner | undefined> {
  if (settings.review.keyPath) return signerFromKeyFile(resolveKeyPath(settings.review.keyPath, rulebook.root), { interactive: false });
  if (!agentAvailable()) return undefined;
  const reviewer = reviewerById(rulebook.config.review, settings.review.reviewerId);
  // An unlisted reviewer is refused by prepareReview before the key is looked at; any listed key stands in.
  const key = reviewer?.key ?? rulebook.config.review.reviewers[0]?.key;
  return key ? agentSigner(key, { interactive: false }) : undefined;
}

export async function recordReview(raw: unknown, env: ReviewCommandEnvironment): Promise<RecordReviewResult> {
  if (!isArgs(raw)) return report(env, { ok: false, refusal: 'failed', message: 'recordReview: expected { action, uri, ruleId, line, fingerprint }' });
  const args = raw;
  const context = await env.current(args.uri);
  const locale = env.locale(context?.settings);
  const refused = (refusal: string, reason: string): RecordReviewResult => report(env, { ok: false, refusal, message: text('reviewRefused', locale, { reason }) });
  const where = (line: number, doc?: OpenDocument): string => `${doc?.relativePath ?? args.uri}:${line + 1}`;
  if (!context?.doc.current) return refused('no-finding', text('findingGone', locale, { rule: args.ruleId, where: where(args.line) }));
  const { doc, settings, rulebook } = context;
  const scanned = context.doc.current;
  if (!rulebook.config.review.configured) return refused('setup', text('noReviewSection', locale));
  if (!doc.file || path.relative(rulebook.root, doc.file).startsWith('..')) {
    return refused('setup', text('outsideWorkspace', locale, { file: doc.file ?? doc.uri, root: rulebook.root }));
  }
  const finding = locate(scanned.findings, args);
  if (!finding) return refused('no-finding', text('findingGone', locale, { rule: args.ruleId, where: where(args.line, doc) }));
  if (!settings.review.reviewerId) return refused('setup', text('noReviewerId', locale));

  try {
    const signer = await signerFor(settings, rulebook);
    if (!signer) return refused('setup', text('noKey', locale));
    const file = doc.file;
    const outcome = await prepareReview(
      { action: args.action, path: doc.relativePath, line: finding.range.start.line + 1, ruleId: finding.ruleId, reviewerId: settings.review.reviewerId, reason: args.reason },
      {
        rulebook,
        findings: scanned.findings,
        // Read now, not from the cache: whether there is anything to revoke must not rest on an old read.
        ledger: await readLedger(rulebook.root),
        signer,
        // The text on screen decides who wrote the line, without any cache: this decision is recorded.
        authorship: new GitAuthorship(rulebook.root, { contentsOf: (rel) => (path.join(rulebook.root, rel) === file ? doc.text.getText() : undefined) }),
        now: new Date(),
      },
    );
    if (!outcome.ok) return refused(outcome.refusal.code, localize(outcome.refusal.message, locale));
    await appendEntries(rulebook.root, outcome.entries);
    env.ledgerWritten(ledgerFile(rulebook.root));
    const entry = outcome.entries[0];
    const vars = { rule: entry.rule, where: `${entry.path}:${entry.line}`, reviewer: entry.reviewer, until: entry.expires.slice(0, 10), ledger: LEDGER_RELATIVE_PATH };
    return report(env, { ok: true, message: text(args.action === 'approve' ? 'approved' : 'revoked', locale, vars) });
  } catch (err) {
    return report(env, { ok: false, refusal: 'failed', message: text('reviewFailed', locale, { reason: err instanceof Error ? err.message : String(err) }) });
  }
}

function report(env: ReviewCommandEnvironment, result: RecordReviewResult): RecordReviewResult {
  env.show(result);
  return result;
}
