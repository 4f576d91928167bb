/**
 * Lints open documents: after a short debounce, has a document worker scan the document's current text
 * incrementally with the rules its rulebook and settings select, and publishes the findings for exactly the version
 * scanned. A change cancels the scan in flight (its result would be for a version that has moved on) and schedules
 * a new one. Scans of one document never overlap. A document the CLI would skip (too large, binary, minified), or
 * whose scan went over the time budget, gets one information diagnostic at the top saying why instead.
 */
import * as path from 'path';
import { ActiveRule, Finding, Locale, Rulebook, ScanLimits, SkipNote, minifiedNote, timeBudgetNote } from '../engine';
import { Diagnostic } from 'vscode-languageserver';
import { skippedDiagnostic } from './diagnostics';
import { DocumentWorkers } from './document-workers';
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
  readonly workers: DocumentWorkers;
  readonly log: Logger;
}

/** Control characters other than tab, newlines and form feed: many of them mean the text is binary data. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0e-\x1f]/g;

/** Why the CLI would skip this text (the same rules: size, binary content, minified), if it would. */
export function skipNoteFor(text: string, settings: Settings, limits: ScanLimits): SkipNote | undefined {
  const size = Buffer.byteLength(text, 'utf8');
  const limit = Math.min(settings.maxFileSize, limits.maxFileSize);
  if (size > limit) {
    const setting = limit === settings.maxFileSize ? 'secureCodingRulebook.maxFileSize' : 'settings.max_file_size';
    return { reason: 'too-large', detail: `${size} bytes is over the ${limit}-byte limit (${setting})` };
  }
  const head = text.slice(0, 8192);
  if (head.includes('\0') || (head.length > 0 && (head.match(CONTROL)?.length ?? 0) / head.length > 0.1)) return { reason: 'binary', detail: 'binary content' };
  return minifiedNote(text, limits);
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

  /** Scans a document after the debounce (a new call restarts it, and stops the scan in flight). */
  schedule(doc: OpenDocument, delay = LINT_DEBOUNCE_MS): void {
    this.env.workers.cancel(doc.uri);
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

  /** Waits for the document's current findings, but no longer than `ms`. */
  async settle(uri: string, ms: number): Promise<void> {
    if (!Number.isFinite(ms)) return this.flush(uri);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.flush(uri), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  /** Forgets a document (closed): no scan is pending for it any more, and its worker lets it go. */
  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.env.workers.cancel(uri);
    this.env.workers.close(uri);
  }

  /** Scans every open document again (the rulebook or settings changed): documents skipped for time get another go. */
  relint(docs: readonly OpenDocument[]): void {
    for (const doc of docs) {
      if (doc.skipped?.note.reason === 'time-budget') doc.skipped = undefined;
      this.schedule(doc, 0);
    }
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
    const edits = doc.takeEdits();
    const limits = state.rulebook.config.limits;
    // A document that went over the time budget is tried again only once it is much smaller (or the rulebook changes).
    if (doc.skipped?.note.reason === 'time-budget' && text.length > doc.skipped.length * 0.9) {
      this.skip(doc, version, doc.skipped.note, this.env.locale(settings));
      return;
    }
    const note = skipNoteFor(text, settings, limits);
    if (note) {
      doc.skipped = { note, length: text.length };
      this.skip(doc, version, note, this.env.locale(settings));
      return;
    }
    doc.skipped = undefined;
    const relativePath = relativeTo(state.rulebook.root, doc);
    doc.relativePath = relativePath;
    const rules = activeRules(state.rulebook, relativePath, doc, settings);
    const reply = await this.env.workers.scan({
      uri,
      version,
      path: relativePath,
      languageId: doc.languageId,
      text,
      edits,
      rulebook: state.source,
      ruleIds: rules.map((rule) => rule.compiled.rule.id),
      budgetMs: limits.maxScanSeconds * 1000,
    });
    if (reply.type === 'failed') {
      this.env.log.error(`scanning ${relativePath} failed: ${reply.message}`);
      return;
    }
    if (reply.type === 'stopped') {
      // Cancelled: a newer version is scheduled. Over the time budget: say so on the document.
      if (reply.reason === 'time-budget' && this.documents.get(uri) === doc) {
        const budget = timeBudgetNote(limits);
        doc.skipped = { note: budget, length: text.length };
        this.skip(doc, version, budget, this.env.locale(settings));
      }
      return;
    }
    for (const failure of reply.failures) {
      const key = `${failure.ruleId}\0${failure.message}`;
      if (this.reportedFailures.has(key)) continue;
      this.reportedFailures.add(key);
      this.env.log.error(`rule ${failure.ruleId} failed on ${relativePath} (its findings are missing; other rules ran): ${failure.message}`);
    }
    if (this.documents.get(uri) !== doc || doc.version !== version) return;
    const reviews = await this.env.reviews(state.rulebook, relativePath, reply.findings);
    if (this.documents.get(uri) !== doc || doc.version !== version) return;
    doc.scanned = { version, findings: reply.findings, reviews };
    const where = this.env.locale(settings);
    this.env.publish(doc, version, findingDiagnostics(reply.findings, reviews, state.rulebook, settings, where, doc.diagnostics));
    this.env.publishReviews(doc, reviewItems(reviews, where));
  }

  /** A document not scanned: one information diagnostic at the top says why; its worker lets it go. */
  private skip(doc: OpenDocument, version: number, note: SkipNote, where: Locale): void {
    const key = `${doc.uri}\0${note.reason}`;
    if (!this.reportedSkips.has(key)) {
      this.reportedSkips.add(key);
      this.env.log.info(`not scanning ${doc.uri}: ${note.detail}`);
    }
    this.env.workers.close(doc.uri);
    doc.scanned = { version, findings: [] };
    this.env.publish(doc, version, [skippedDiagnostic(note, where)]);
    this.env.publishReviews(doc, []);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
