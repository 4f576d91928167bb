/**
 * Preparing a batch approval (see `batch-entry.ts` for what a batch is): the findings a selection covers that still
 * need a sign-off, the per-finding author-is-not-reviewer rule, the policy's expiry, and the one signature.
 */
import { Finding } from '../findings';
import { idSelected, matchesGlob } from '../rulebook/effective-rule';
import { Rulebook } from '../rulebook/rulebook';
import { SEVERITIES } from '../rulebook/types';
import { AuthorshipProvider, LineAuthor, sameEmail } from './authorship';
import { BATCH_ACTION, BatchEntry, BatchExclusion, BatchFields, BatchItem, BatchSelection, batchId, canonicalBatchMessage, sortedItems } from './batch-entry';
import { addDays, isoSeconds, ruleDefinitionHash } from './entry';
import { Ledger } from './ledger';
import { maxDaysFor, reviewerById } from './policy';
import { Refusal, RefusalCode } from './request';
import { ReviewSigner } from './signer';
import { sameKey } from './ssh-keys';
import { reviewStates } from './states';

export interface BatchRequest {
  readonly reviewerId: string;
  readonly reason: string;
  readonly selection: BatchSelection;
  /** How long the batch holds; default (and upper bound) the policy's `max_days` for the rules selected. */
  readonly days?: number;
}

export interface BatchContext {
  readonly rulebook: Rulebook;
  /** The findings of the whole workspace, as scanned now. */
  readonly findings: readonly Finding[];
  readonly ledger: Ledger;
  /** Undefined for a dry run: the batch is described but not signed. */
  readonly signer?: ReviewSigner;
  readonly authorship?: AuthorshipProvider;
  readonly now: Date;
}

export interface ExcludedFinding {
  readonly finding: Finding;
  readonly why: 'self-review' | 'unknown-author';
  readonly author?: LineAuthor;
}

export type BatchOutcome =
  | {
      readonly ok: true;
      /** The signed entry; undefined for a dry run. */
      readonly entry?: BatchEntry;
      readonly id?: string;
      readonly findings: readonly Finding[];
      readonly excluded: readonly ExcludedFinding[];
      /** Findings the selection matched that already hold an approval (left out: nothing to do). */
      readonly alreadyApproved: number;
      readonly expires: Date;
    }
  | { readonly ok: false; readonly refusal: Refusal };

const refuse = (code: RefusalCode, en: string, ja: string): BatchOutcome => ({ ok: false, refusal: { code, message: { en, ja } } });

export function selects(selection: BatchSelection, finding: Finding): boolean {
  return (
    (selection.rules.length === 0 || selection.rules.some((s) => idSelected(s, finding.ruleId))) &&
    (selection.paths.length === 0 || selection.paths.some((g) => matchesGlob(finding.path, g))) &&
    (selection.severities.length === 0 || selection.severities.includes(finding.severity))
  );
}

export async function prepareBatch(request: BatchRequest, context: BatchContext): Promise<BatchOutcome> {
  const { rulebook, now, signer } = context;
  const policy = rulebook.config.review;
  const reason = request.reason.trim();
  if (reason === '') return refuse('no-reason', 'a batch approval needs a justification (--reason "…")', '一括承認には理由が必要です（--reason "…"）');
  const { selection } = request;
  if (selection.rules.length + selection.paths.length + selection.severities.length === 0) {
    return refuse('no-finding', 'choose the findings: --rule, --path and/or --severity (a batch never covers everything by default)', '対象を指定してください: --rule、--path、--severity（既定で全件を対象にすることはありません）');
  }
  const badSeverity = selection.severities.find((s) => !SEVERITIES.includes(s));
  if (badSeverity) return refuse('no-finding', `unknown severity "${badSeverity}" (use ${SEVERITIES.join(', ')})`, `不明な重大度 "${badSeverity}"（${SEVERITIES.join(', ')}）`);
  const reviewer = reviewerById(policy, request.reviewerId);
  if (!reviewer) {
    return refuse('not-a-reviewer', `not a reviewer: \`${request.reviewerId}\` is not listed in the rulebook's review section`, `レビュー担当者ではありません: \`${request.reviewerId}\` はルールブックの review に登録されていません`);
  }
  if (signer && !sameKey(signer.publicKey, reviewer.key)) {
    return refuse('key-mismatch', `key does not match: the key given is ${signer.publicKey.fingerprint}, but ${reviewer.name} (${reviewer.id}) is listed with ${reviewer.key.fingerprint}`, `鍵が一致しません: 指定された鍵は ${signer.publicKey.fingerprint} ですが、${reviewer.name}（${reviewer.id}）の登録鍵は ${reviewer.key.fingerprint} です`);
  }

  const overview = await reviewStates(context.findings, context.ledger, rulebook, { now });
  const matched = overview.reviews.filter((r) => r.required && selects(selection, r.finding));
  const open = matched.filter((r) => r.state !== 'approved').map((r) => r.finding);
  const alreadyApproved = matched.length - open.length;
  if (open.length === 0) {
    const why = alreadyApproved > 0 ? `all ${alreadyApproved} findings it selects are approved already` : 'it selects no finding that needs a sign-off';
    return refuse('no-finding', `nothing to approve: ${why}`, `承認するものがありません: ${alreadyApproved > 0 ? `対象の ${alreadyApproved} 件はすべて承認済みです` : 'レビューが必要な指摘が選択されていません'}`);
  }

  // Per finding, the author-is-not-reviewer rule: lines the reviewer wrote, or whose author git cannot tell, stay out.
  const excluded: ExcludedFinding[] = [];
  let items = open;
  if (!policy.allowSelfReview) {
    const authors = await authorsOf(open, context.authorship);
    items = [];
    for (const finding of open) {
      const author = authors.get(finding)?.author;
      if (!author) excluded.push({ finding, why: 'unknown-author' });
      else if (sameEmail(author.email, reviewer.email)) excluded.push({ finding, why: 'self-review', author });
      else items.push(finding);
    }
  }
  if (items.length === 0) {
    return refuse('self-review', `nothing to approve: you wrote every line the batch selects, or git cannot tell who did (${excluded.length} left out)`, `承認するものがありません: 選択された行はすべてあなたが書いたか、作成者を特定できません（${excluded.length} 件を除外）`);
  }
  const rules = [...new Set(items.map((f) => f.ruleId))].sort();
  const longest = Math.max(...rules.map((r) => maxDaysFor(policy, r)));
  const days = request.days !== undefined ? Math.min(request.days, longest) : longest;
  const expires = addDays(now, days);
  const ruleHashes: Record<string, string> = {};
  for (const id of rules) {
    const compiled = rulebook.rule(id);
    if (compiled) ruleHashes[id] = ruleDefinitionHash(compiled.rule);
  }
  const fields: BatchFields = {
    action: BATCH_ACTION,
    reviewer: reviewer.id,
    time: isoSeconds(now),
    expires: isoSeconds(expires),
    reason,
    selection: { rules: [...selection.rules], paths: [...selection.paths], severities: [...selection.severities] },
    ruleHashes,
    items: sortedItems(items.map((f): BatchItem => [f.path, f.range.start.line + 1, f.ruleId, f.fingerprint, f.snippetHash])),
    excluded: excluded.map((e): BatchExclusion => [e.finding.path, e.finding.range.start.line + 1, e.finding.ruleId, e.why]),
  };
  const base = { ok: true as const, findings: items, excluded, alreadyApproved, expires };
  if (!signer) return base;
  const sig = (await signer.sign(canonicalBatchMessage(fields))).toString('base64');
  return { ...base, entry: { ...fields, sig }, id: batchId(fields) };
}

/** Who wrote each finding's line: one git call per file, a few files at a time. */
async function authorsOf(findings: readonly Finding[], authorship: AuthorshipProvider | undefined): Promise<Map<Finding, { author?: LineAuthor }>> {
  const out = new Map<Finding, { author?: LineAuthor }>();
  if (!authorship) {
    for (const f of findings) out.set(f, {});
    return out;
  }
  const byPath = new Map<string, Finding[]>();
  for (const f of findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
  const files = [...byPath];
  const worker = async (): Promise<void> => {
    for (let next = files.shift(); next; next = files.shift()) {
      const [path, list] = next;
      const authors = await authorship.authorsOf(path, list.map((f) => f.range.start.line + 1));
      for (const f of list) out.set(f, { author: authors.get(f.range.start.line + 1) });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return out;
}
