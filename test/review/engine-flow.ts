/** Drives the review engine the way the CLI and the language server do, against a real repository on disk. */
import * as path from 'path';
import { readFileSync } from 'fs';
import { Finding, ReviewOverview, ReviewOutcome, Rulebook, compareFindings, keySigner, loadRulebook, parsePrivateKey, prepareReview, reviewStates, scanFile } from '@secure-coding/server';
import { GitAuthorship } from '@secure-coding/server/out/review-io/git-authorship';
import { appendEntries, readLedger } from '@secure-coding/server/out/review-io/ledger-file';
import { KeyPair, Person } from './fixtures';

export const DAY = 86_400_000;
export const T0 = new Date('2026-03-02T09:00:00Z');

export async function load(root: string): Promise<Rulebook> {
  return loadRulebook({ rulebookFile: path.join(root, '.secure-coding/rulebook.yaml'), root, checkExamples: false });
}

export async function findingsOf(rulebook: Rulebook, files: readonly string[]): Promise<Finding[]> {
  const all: Finding[] = [];
  for (const rel of files) all.push(...(await scanFile(rulebook, path.join(rulebook.root, rel))).findings);
  return all.sort(compareFindings);
}

export async function states(root: string, files: readonly string[], now: Date): Promise<ReviewOverview> {
  const rulebook = await load(root);
  const findings = await findingsOf(rulebook, files);
  return reviewStates(findings, await readLedger(root), rulebook, { now, authorship: new GitAuthorship(root) });
}

/** The state of the finding on a one-based line (and rule, when given). */
export function stateAt(overview: ReviewOverview, file: string, line: number, rule?: string): string {
  const found = overview.reviews.filter((r) => r.finding.path === file && r.finding.range.start.line + 1 === line && (!rule || r.finding.ruleId === rule));
  if (found.length !== 1) return `${found.length} findings at ${file}:${line}`;
  return found[0].state;
}

export interface Act {
  readonly action?: 'approve' | 'revoke';
  readonly file: string;
  readonly line: number;
  readonly as: Person;
  readonly key: KeyPair;
  readonly now: Date;
  readonly reason?: string;
  readonly rule?: string;
}

/** Prepares, signs and (when allowed) appends an approval or revocation; returns the outcome. */
export async function act(root: string, a: Act): Promise<ReviewOutcome> {
  const rulebook = await load(root);
  const findings = await findingsOf(rulebook, [a.file]);
  const signer = keySigner(parsePrivateKey(readFileSync(a.key.privatePath, 'utf8')));
  const action = a.action ?? 'approve';
  const outcome = await prepareReview(
    { action, path: a.file, line: a.line, ruleId: a.rule, reviewerId: a.as.id, reason: a.reason ?? (action === 'approve' ? 'bounded by the caller' : undefined) },
    { rulebook, findings, ledger: await readLedger(root), signer, authorship: new GitAuthorship(root), now: a.now },
  );
  if (outcome.ok) await appendEntries(root, outcome.entries);
  return outcome;
}
