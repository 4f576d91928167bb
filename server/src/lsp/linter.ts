/**
 * Lints open documents: after a short debounce, scans the document's current text incrementally with the rules its
 * rulebook and settings select, and publishes the findings for exactly the version scanned. A result for a version
 * that has moved on is dropped (the change that moved it scheduled a newer scan). Scans of one document never overlap.
 */
import * as path from 'path';
import { ActiveRule, Finding, Locale, Rulebook } from '../engine';
import { Diagnostic } from 'vscode-languageserver';
import { OpenDocument, OpenDocuments } from './documents';
import { ReviewItem, Settings } from './protocol';
import { findingDiagnostics, reviewItems } from './review-presentation';
import { FindingReviews } from './reviews';
import { ruleAllowed } from './rule-filter';
import { RulebookState } from './rulebooks';

/** Milliseconds between the last change and the scan: enough to fold a burst of changes into one scan. */
export const LINT_DEBOUNCE_MS = 5;

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export interface LintEnvironment {
  settings(uri: string): Promise<Settings>;
  rulebookFor(doc: OpenDocument, settings: Settings): Promise<RulebookState>;
  locale(settings: Settings): Locale;
  publish(doc: OpenDocument, version: number, diagnostics: Diagnostic[]): void;
  /** The review state of the findings (undefined when the rulebook asks for no reviews). */
  reviews(rulebook: Rulebook, relativePath: string, findings: readonly Finding[]): Promise<FindingReviews | undefined>;
  publishReviews(doc: OpenDocument, items: readonly ReviewItem[]): void;
  readonly log: Logger;
}

/** The rules a document gets: the rulebook's, minus disabled categories and rules the user turned off. */
export function activeRules(rulebook: Rulebook, relativePath: string, doc: OpenDocument, settings: Settings): ActiveRule[] {
  return rulebook.rulesFor(relativePath, doc.languageId).filter((rule) => ruleAllowed(settings, rule.compiled.rule.id));
}

/** The path rules see: relative to the rulebook's root; an unsaved document goes by its name. */
export function relativeTo(root: string, doc: OpenDocument): string {
  if (!doc.file) return doc.uri.replace(/^[a-z]+:/i, '').replace(/^\/+/, '') || 'untitled';
  const rel = path.relative(root, doc.file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(doc.file) : rel).split(path.sep).join('/');
}

export class Linter {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly reportedFailures = new Set<string>();
  private readonly reportedSkips = new Set<string>();

  constructor(
    private readonly documents: OpenDocuments,
    private readonly env: LintEnvironment,
  ) {}

  /** Scans a document after the debounce (a new call restarts it). */
  schedule(doc: OpenDocument, delay = LINT_DEBOUNCE_MS): void {
    clearTimeout(this.timers.get(doc.uri));
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        void this.run(doc.uri);
      }, delay),
    );
  }

  /** Scans now (cancelling a pending debounce) and waits; then `doc.current` is set unless the text moved on. */
  async flush(uri: string): Promise<void> {
    if (this.timers.has(uri)) {
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      await this.run(uri);
      return;
    }
    const doc = this.documents.get(uri);
    if (doc && !doc.current) await this.run(uri);
    else await this.running.get(uri);
  }

  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private run(uri: string): Promise<void> {
    const previous = this.running.get(uri) ?? Promise.resolve();
    const next = previous.then(() => this.lint(uri)).catch((err: unknown) => {
      this.env.log.error(`scanning ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    });
    this.running.set(uri, next);
    void next.then(() => {
      if (this.running.get(uri) === next) this.running.delete(uri);
    });
    return next;
  }

  private async lint(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const settings = await this.env.settings(uri);
    const state = await this.env.rulebookFor(doc, settings);
    if (this.documents.get(uri) !== doc) return;
    const version = doc.version;
    const text = doc.text.getText();
    const size = Buffer.byteLength(text, 'utf8');
    if (size > settings.maxFileSize) {
      this.skip(doc, version, `${size} bytes is over secureCodingRulebook.maxFileSize (${settings.maxFileSize})`);
      return;
    }
    const relativePath = relativeTo(state.rulebook.root, doc);
    doc.usePath(relativePath);
    const rules = activeRules(state.rulebook, relativePath, doc, settings);
    const result = await doc.incremental.scan(rules, text);
    this.documents.scanned(doc);
    for (const failure of result.failures) {
      const key = `${failure.ruleId}\0${failure.message}`;
      if (this.reportedFailures.has(key)) continue;
      this.reportedFailures.add(key);
      this.env.log.error(`rule ${failure.ruleId} failed on ${relativePath} (its findings are missing; other rules ran): ${failure.message}`);
    }
    if (this.documents.get(uri) !== doc || doc.version !== version) return;
    const reviews = await this.env.reviews(state.rulebook, relativePath, result.findings);
    if (this.documents.get(uri) !== doc || doc.version !== version) return;
    doc.scanned = { version, findings: result.findings, reviews };
    const locale = this.env.locale(settings);
    this.env.publish(doc, version, findingDiagnostics(result.findings, reviews, state.rulebook, settings, locale));
    this.env.publishReviews(doc, reviewItems(reviews, locale));
  }

  private skip(doc: OpenDocument, version: number, reason: string): void {
    if (!this.reportedSkips.has(doc.uri)) {
      this.reportedSkips.add(doc.uri);
      this.env.log.info(`not scanning ${doc.uri}: ${reason}`);
    }
    doc.incremental.reset();
    doc.scanned = { version, findings: [] };
    this.env.publish(doc, version, []);
    this.env.publishReviews(doc, []);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
