/**
 * The review state of every finding, from the findings of a scan, the ledger and the rulebook's review policy.
 * An approval holds while its finding's fingerprint (and path and rule) match: it survives unrelated edits and
 * moved lines, and lapses when the flagged code or the rule's definition changes, when it expires, when its
 * reviewer leaves the rulebook, or when it is revoked. Inline suppressions play no part here.
 */
import { Finding } from '../findings';
import { Rulebook } from '../rulebook/rulebook';
import { LocalizedText } from '../rulebook/types';
import { AuthorshipProvider, LineAuthor, sameEmail } from './authorship';
import { addDays, ruleDefinitionHash } from './entry';
import { EntryCheck, checkEntry } from './entry-check';
import { Ledger, LedgerLine, LedgerProblem } from './ledger';
import { ReviewPolicy, Reviewer, maxDaysFor, needsReview } from './policy';

export type ReviewState = 'pending' | 'approved' | 'expired' | 'stale' | 'bad-signature' | 'self-approved' | 'unknown-reviewer';

export const REVIEW_STATES: readonly ReviewState[] = ['pending', 'approved', 'expired', 'stale', 'bad-signature', 'self-approved', 'unknown-reviewer'];

/** The words `rulebook review verify` prints (CI scripts match them). */
export const STATE_LABELS: Record<ReviewState, LocalizedText> = {
  pending: { en: 'pending', ja: '未レビュー' },
  approved: { en: 'approved', ja: '承認済み' },
  expired: { en: 'expired', ja: '期限切れ' },
  stale: { en: 'stale', ja: '無効（変更あり）' },
  'bad-signature': { en: 'bad signature', ja: '署名不正' },
  'self-approved': { en: 'self-approved', ja: '自己承認' },
  'unknown-reviewer': { en: 'unknown reviewer', ja: '未登録のレビュー担当者' },
};

export interface FindingReview {
  readonly finding: Finding;
  /** Whether the finding's severity is one the policy requires a sign-off for. */
  readonly required: boolean;
  readonly state: ReviewState;
  /** The entry the state rests on: the holding approval, or the latest one that does not hold. */
  readonly entry?: LedgerLine;
  readonly reviewer?: Reviewer;
  /** When an approval lapses: the earlier of its recorded expiry and the rule's current `max_days`. */
  readonly expires?: Date;
  /** Why the state is what it is, for people ("the flagged code changed since Bob Sato approved it on …"). */
  readonly detail?: LocalizedText;
}

export interface ReviewOverview {
  readonly reviews: readonly FindingReview[];
  /** Ledger lines that are corrupt, or whose signature does not verify: reported and ignored. */
  readonly ledgerProblems: readonly LedgerProblem[];
  /** Entries whose finding no longer exists among the findings given (what `prune` drops). */
  readonly unmatched: readonly LedgerLine[];
}

export interface ReviewStateOptions {
  readonly now: Date;
  /** Who wrote the flagged lines, to refuse self-approvals; without it authorship is not checked. */
  readonly authorship?: AuthorshipProvider;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);
/** How far ahead of this machine's clock a reviewer's clock may be. */
const CLOCK_SKEW_MS = 86_400_000;
const keyOf = (path: string, rule: string, fingerprint: string): string => `${path}\0${rule}\0${fingerprint}`;
const timeOf = (line: LedgerLine): number => Date.parse(line.entry.time);
const later = (a: LedgerLine, b: LedgerLine): boolean => timeOf(a) > timeOf(b) || (timeOf(a) === timeOf(b) && a.line > b.line);

interface Candidate {
  readonly line: LedgerLine;
  readonly check: EntryCheck;
}

/** Why an approval that verifies does not hold (before authorship, which needs git). */
interface Evaluated {
  readonly state: ReviewState;
  readonly detail?: LocalizedText;
  readonly expires?: Date;
}

function who(candidate: Candidate): string {
  return candidate.check.status === 'unknown-reviewer' ? candidate.line.entry.reviewer : candidate.check.reviewer.name;
}

function evaluate(candidate: Candidate, policy: ReviewPolicy, ruleHash: string | undefined, now: Date): Evaluated {
  const { entry } = candidate.line;
  const on = day(new Date(entry.time));
  if (candidate.check.status === 'unknown-reviewer') {
    return {
      state: 'unknown-reviewer',
      detail: {
        en: `approved on ${on} by \`${entry.reviewer}\`, who is not a listed reviewer (removed from the rulebook?)`,
        ja: `${on} に \`${entry.reviewer}\` が承認しましたが、ルールブックのレビュー担当者に登録されていません（削除された可能性があります）`,
      },
    };
  }
  if (candidate.check.status === 'bad-signature') {
    return {
      state: 'bad-signature',
      detail: {
        en: `the approval by ${who(candidate)} (ledger line ${candidate.line.line}) does not verify: ${candidate.check.reason}`,
        ja: `${who(candidate)} の承認（台帳 ${candidate.line.line} 行目）の署名を検証できません: ${candidate.check.reason}`,
      },
    };
  }
  // The signer's clock sets `time`, and expiry counts from it: an entry dated ahead would hold too long.
  if (Date.parse(entry.time) > now.getTime() + CLOCK_SKEW_MS) {
    return {
      state: 'bad-signature',
      detail: {
        en: `the approval by ${who(candidate)} is dated ${on}, in the future; it does not count`,
        ja: `${who(candidate)} の承認の日付 ${on} は未来のため、無効です`,
      },
    };
  }
  if (ruleHash !== undefined && entry.ruleHash !== ruleHash) {
    return {
      state: 'stale',
      detail: {
        en: `the rule's definition changed since ${who(candidate)} approved it on ${on}`,
        ja: `${on} に ${who(candidate)} が承認した後、ルールの定義が変更されました`,
      },
    };
  }
  const recorded = new Date(entry.expires);
  const byPolicy = addDays(new Date(entry.time), maxDaysFor(policy, entry.rule));
  const expires = recorded.getTime() < byPolicy.getTime() ? recorded : byPolicy;
  if (now.getTime() >= expires.getTime()) {
    return {
      state: 'expired',
      expires,
      detail: {
        en: `the approval by ${who(candidate)} on ${on} expired on ${day(expires)}`,
        ja: `${on} の ${who(candidate)} による承認は ${day(expires)} に期限が切れました`,
      },
    };
  }
  return { state: 'approved', expires, detail: { en: entry.reason, ja: entry.reason } };
}

/**
 * Computes the review state of each finding. Findings of every severity get a state (an info finding may be
 * approved too); `required` tells which ones the gate counts.
 */
export async function reviewStates(findings: readonly Finding[], ledger: Ledger, rulebook: Rulebook, options: ReviewStateOptions): Promise<ReviewOverview> {
  const policy = rulebook.config.review;
  const ledgerProblems: LedgerProblem[] = [...ledger.problems];
  const checks = new Map<LedgerLine, EntryCheck>();
  const reportedBatches = new Set<unknown>();
  for (const line of ledger.entries) {
    const check = checkEntry(line.entry, policy);
    checks.set(line, check);
    if (check.status === 'bad-signature') {
      const batch = line.entry.batch;
      // A batch's items share its one signature: one problem per batch, not one per item.
      if (batch && reportedBatches.has(batch.entry)) continue;
      reportedBatches.add(batch?.entry);
      const what = batch ? `batch approval ${batch.id} (${batch.size} findings)` : `${line.entry.action} of ${line.entry.path}:${line.entry.line}`;
      ledgerProblems.push({ line: line.line, message: `the signature of ${line.entry.reviewer}'s ${what} does not verify (${check.reason}); ignored` });
    }
  }

  const byKey = new Map<string, LedgerLine[]>();
  for (const line of ledger.entries) {
    const key = keyOf(line.entry.path, line.entry.rule, line.entry.fingerprint);
    const list = byKey.get(key) ?? [];
    list.push(line);
    byKey.set(key, list);
  }
  const findingKeys = new Set(findings.map((f) => keyOf(f.path, f.ruleId, f.fingerprint)));
  const unmatched = ledger.entries.filter((l) => !findingKeys.has(keyOf(l.entry.path, l.entry.rule, l.entry.fingerprint)));
  // Approvals whose finding is gone may belong to a finding whose code changed: matched by rule, path and line or token.
  const isRevoked = (line: LedgerLine): boolean =>
    (byKey.get(keyOf(line.entry.path, line.entry.rule, line.entry.fingerprint)) ?? []).some((r) => r.entry.action === 'revoke' && checks.get(r)?.status === 'valid' && later(r, line));
  const orphans = unmatched.filter((l) => l.entry.action === 'approve' && checks.get(l)?.status === 'valid' && !isRevoked(l));
  const usedOrphans = new Set<LedgerLine>();

  const ruleHashes = new Map<string, string | undefined>();
  const ruleHashOf = (id: string): string | undefined => {
    if (!ruleHashes.has(id)) {
      const rule = rulebook.rule(id);
      ruleHashes.set(id, rule ? ruleDefinitionHash(rule.rule) : undefined);
    }
    return ruleHashes.get(id);
  };

  const drafts: { finding: Finding; candidate?: Candidate; evaluated: Evaluated }[] = [];
  for (const finding of findings) {
    const lines = byKey.get(keyOf(finding.path, finding.ruleId, finding.fingerprint)) ?? [];
    const revokes = lines.filter((l) => l.entry.action === 'revoke' && checks.get(l)?.status === 'valid');
    const approvals = lines.filter((l) => l.entry.action === 'approve');
    const live = approvals.filter((a) => !revokes.some((r) => later(r, a)));
    const candidates: Candidate[] = live.map((line) => ({ line, check: checks.get(line)! }));
    const evaluated = candidates.map((c) => ({ candidate: c, result: evaluate(c, policy, ruleHashOf(finding.ruleId), options.now) }));
    const holding = evaluated.filter((e) => e.result.state === 'approved').sort((a, b) => (later(a.candidate.line, b.candidate.line) ? -1 : 1));
    if (holding.length > 0) {
      drafts.push({ finding, candidate: holding[0].candidate, evaluated: holding[0].result });
      continue;
    }
    const latest = evaluated.sort((a, b) => (later(a.candidate.line, b.candidate.line) ? -1 : 1))[0];
    if (latest) {
      drafts.push({ finding, candidate: latest.candidate, evaluated: latest.result });
      continue;
    }
    const revoked = revokes.sort((a, b) => (later(a, b) ? -1 : 1))[0];
    if (revoked) {
      const by = checks.get(revoked);
      const name = by && by.status !== 'unknown-reviewer' ? by.reviewer.name : revoked.entry.reviewer;
      drafts.push({ finding, evaluated: { state: 'pending', detail: { en: `approval revoked by ${name} on ${day(new Date(revoked.entry.time))}`, ja: `${day(new Date(revoked.entry.time))} に ${name} が承認を取り消しました` } } });
      continue;
    }
    const orphan = orphans.find(
      (o) => !usedOrphans.has(o) && o.entry.path === finding.path && o.entry.rule === finding.ruleId && (o.entry.line === finding.range.start.line + 1 || o.entry.snippetHash === finding.snippetHash),
    );
    if (orphan) {
      usedOrphans.add(orphan);
      const candidate: Candidate = { line: orphan, check: checks.get(orphan)! };
      const on = day(new Date(orphan.entry.time));
      drafts.push({
        finding,
        candidate,
        evaluated: {
          state: 'stale',
          detail: { en: `the flagged code changed since ${who(candidate)} approved it on ${on}`, ja: `${on} に ${who(candidate)} が承認した後、指摘箇所のコードが変更されました` },
        },
      });
      continue;
    }
    drafts.push({ finding, evaluated: { state: 'pending' } });
  }

  const selfChecked = await checkAuthors(drafts, policy, options.authorship);
  const reviews = drafts.map((d, i): FindingReview => {
    const evaluated = selfChecked[i] ?? d.evaluated;
    const check = d.candidate?.check;
    return {
      finding: d.finding,
      required: needsReview(policy, d.finding.severity, d.finding.confidence),
      state: evaluated.state,
      entry: d.candidate?.line,
      reviewer: check && check.status !== 'unknown-reviewer' ? check.reviewer : undefined,
      expires: evaluated.expires,
      detail: evaluated.detail,
    };
  });
  return { reviews, ledgerProblems: ledgerProblems.sort((a, b) => a.line - b.line), unmatched };
}

const AUTHORSHIP_CONCURRENCY = 4;

/** Turns approvals by the line's own author into `self-approved`, one git call per file. */
async function checkAuthors(
  drafts: readonly { finding: Finding; candidate?: Candidate; evaluated: Evaluated }[],
  policy: ReviewPolicy,
  authorship: AuthorshipProvider | undefined,
): Promise<(Evaluated | undefined)[]> {
  const out: (Evaluated | undefined)[] = drafts.map(() => undefined);
  if (policy.allowSelfReview || !authorship) return out;
  const byPath = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (d.evaluated.state !== 'approved') return;
    const list = byPath.get(d.finding.path) ?? [];
    list.push(i);
    byPath.set(d.finding.path, list);
  });
  // A few files at a time: each asks git, and git processes overlap well even on two cores.
  const files = [...byPath];
  const blamed = new Map<string, ReadonlyMap<number, LineAuthor>>();
  const worker = async (): Promise<void> => {
    for (let next = files.shift(); next; next = files.shift()) {
      const [path, indexes] = next;
      blamed.set(path, await authorship.authorsOf(path, indexes.map((i) => drafts[i].finding.range.start.line + 1)));
    }
  };
  await Promise.all(Array.from({ length: AUTHORSHIP_CONCURRENCY }, worker));
  for (const [path, indexes] of byPath) {
    const authors = blamed.get(path)!;
    for (const i of indexes) {
      const d = drafts[i];
      const check = d.candidate?.check;
      const author = authors.get(d.finding.range.start.line + 1);
      if (!author || !check || check.status === 'unknown-reviewer' || !sameEmail(author.email, check.reviewer.email)) continue;
      out[i] = {
        state: 'self-approved',
        detail: {
          en: `${check.reviewer.name} approved a line they wrote (${author.email}); the rulebook does not allow self-review`,
          ja: `${check.reviewer.name} が自分で書いた行（${author.email}）を承認しています。ルールブックは自己レビューを認めていません`,
        },
      };
    }
  }
  return out;
}
