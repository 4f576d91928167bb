/**
 * Scans one document's text with a set of active rules: prefilter, parse only if a rule that passed needs the tree,
 * run matchers over shared lazily computed facts, apply inline suppressions, and turn matches into findings.
 * A matcher that throws is reported as a problem and never stops the others.
 */
import type { Tree } from './tree-api';
import { Finding, Fingerprints, InlineSuppression } from './findings';
import { CarryDecision, CarrySession } from './finding-carry';
import type { FindingMemo } from './finding-memo';
import { parserFor } from './grammars';
import type { Parser } from './tree-api';
import { ScanBudget, ScanStopped, checkBudget, shouldStop, stopReason, underBudget } from './budget';
import { PrefilterInput, RawMatch, ScanDocument, prefilterInput } from './kinds/kind';
import { LanguageId, hasGrammar, languageForFile } from './languages';
import { ActiveRule, CompiledRule } from './rulebook/rulebook';
import { Locale, LocalizedText, Severity, localize } from './rulebook/types';
import { Suppression, SuppressionIndex, isValidSuppression, parseSuppressions, SUPPRESSION_MARKER } from './suppressions';
import { RuleMatch, dropOutranked, dropYielding } from './overlap';
import { configFacts } from './syntax/config-facts';
import { ChangedRegion, FactSnapshot } from './syntax/fact-snapshot';
import { FactStore } from './syntax/fact-store';
import { CallFact, CommentFact, StringFact } from './syntax/facts';
import { TextIndex } from './text-index';
import { focusOf, isFocusable } from './focus';
import { Region } from './syntax/located-facts';
import { deleteTree } from './syntax/ancestry';
import { confidenceOf } from './confidence';
import type { DeclarationSource } from './syntax/c-declarations';

export interface ScanInput {
  /** Workspace-relative path with forward slashes (used for path globs and in findings). */
  readonly path: string;
  readonly text: string;
  readonly languageId?: LanguageId;
  /** A previous tree of this document, already `edit()`ed to match `text`, for incremental reparsing. */
  readonly previousTree?: Tree;
  /** The previous text's facts (a result's `facts`); with `previousTree` and `changed`, only the edit is read again. */
  readonly previousFacts?: FactSnapshot;
  /** Where the text differs from the one `previousTree` and `previousFacts` were made from. */
  readonly changed?: ChangedRegion;
  /** Prefilter results already known for some rules (kept up to date across edits through line prefilters). */
  readonly prefiltered?: ReadonlyMap<CompiledRule, boolean>;
  /** What a C file's headers declare, when the caller read them (`HeaderLibrary`). */
  readonly headers?: DeclarationSource;
}

export interface RuleFailure {
  readonly ruleId: string;
  readonly message: string;
}

export interface ScanResult {
  readonly findings: Finding[];
  /** The syntax tree when one was parsed (the caller owns it and must free it with `deleteTree` when done). */
  readonly tree?: Tree;
  /** True when the tree has ERROR or MISSING nodes: findings then come from the parts that parse. */
  readonly partialParse: boolean;
  /** Rules that threw; their findings are missing, the others' are not. */
  readonly failures: RuleFailure[];
  /** With `keepTree`: the facts read, for the next version's `previousFacts`. */
  readonly facts?: FactSnapshot;
  /**
   * With `ScanOptions.carry`: for each finding, the index in `from` (the last scan's findings) of the finding it is
   * but for its range, or -1 for a new or changed one.
   */
  readonly carried?: { readonly from: readonly Finding[]; readonly index: Int32Array };
}

/** A message template split once at its `{name}` placeholders: odd entries are names, even ones literal text. */
const TEMPLATE_PARTS = new Map<string, readonly string[]>();

function templateParts(text: string): readonly string[] {
  let parts = TEMPLATE_PARTS.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    TEMPLATE_PARTS.set(text, parts);
  }
  return parts;
}

function fill(template: LocalizedText, vars: RawMatch['vars'], locale: Locale): string {
  const parts = templateParts(localize(template, locale));
  if (parts.length === 1) return parts[0];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = vars?.[parts[i]];
    out += (value === undefined ? `{${parts[i]}}` : localize(value, locale)) + parts[i + 1];
  }
  return out;
}

/** The message, then the match's own sentences: the call's route, then why it does not gate. */
function withNotes(message: string, match: RawMatch, locale: Locale): string {
  const notes = [match.note, match.informational].filter((n): n is LocalizedText => n !== undefined).map((n) => localize(n, locale));
  return notes.length === 0 ? message : [message, ...notes].join(locale === 'ja' ? '' : ' ');
}

class LazyDocument implements ScanDocument {
  readonly index: TextIndex;
  /** Facts of a parsed document (undefined for config files, which are read as key/value text). */
  readonly factStore?: FactStore;
  private stringCache?: StringFact[];
  private commentCache?: CommentFact[];
  private callCache?: CallFact[];
  private focusedCache?: readonly StringFact[];
  private lowerCache?: string;

  constructor(
    readonly path: string,
    readonly languageId: LanguageId,
    readonly text: string,
    readonly tree: Tree | undefined,
    previous?: Pick<ScanInput, 'previousTree' | 'previousFacts' | 'changed'>,
    readonly headers?: DeclarationSource,
  ) {
    this.index = new TextIndex(text);
    if (tree && hasGrammar(languageId)) {
      const { previousTree, previousFacts, changed } = previous ?? {};
      const incremental = previousTree && previousFacts && changed ? { tree: previousTree, facts: previousFacts, changed } : undefined;
      this.factStore = new FactStore(languageId, tree, this.index, incremental);
    }
  }

  get lower(): string {
    this.lowerCache ??= this.text.toLowerCase();
    return this.lowerCache;
  }

  shareLower(lower: string): void {
    this.lowerCache ??= lower;
  }

  private config(): void {
    if (this.stringCache && this.commentCache) return;
    const facts = configFacts(hasGrammar(this.languageId) ? 'text' : this.languageId, this.text);
    this.stringCache = facts.strings;
    this.commentCache = facts.comments;
  }

  strings(): readonly StringFact[] {
    if (!this.stringCache) {
      if (this.factStore) this.stringCache = this.factStore.get('strings').map((l) => l.fact);
      else this.config();
    }
    return this.stringCache!;
  }

  comments(): readonly CommentFact[] {
    if (!this.commentCache) {
      if (this.factStore) this.commentCache = this.factStore.get('comments').map((l) => l.fact);
      else this.config();
    }
    return this.commentCache!;
  }

  calls(): readonly CallFact[] {
    if (!this.callCache) {
      this.callCache = this.factStore ? this.factStore.get('calls').map((l) => l.fact) : [];
    }
    return this.callCache;
  }

  /** The strings overlapping `focus` (always the same focus within one scan). */
  stringsIn(focus: readonly Region[]): readonly StringFact[] {
    // The store filters what it has already read for the whole tree, or reads the focus alone.
    this.focusedCache ??= this.factStore ? this.factStore.getIn('strings', focus).map((l) => l.fact) : this.strings();
    return this.focusedCache;
  }
}

/** The document as the rules that find only near their passing lines see it: strings read around those lines. */
class FocusedDocument implements ScanDocument {
  constructor(
    private readonly base: LazyDocument,
    readonly focus: readonly Region[],
  ) {}

  get path(): string {
    return this.base.path;
  }
  get languageId(): LanguageId {
    return this.base.languageId;
  }
  get text(): string {
    return this.base.text;
  }
  get index(): TextIndex {
    return this.base.index;
  }
  get tree(): Tree | undefined {
    return this.base.tree;
  }
  get lower(): string {
    return this.base.lower;
  }
  get headers(): DeclarationSource | undefined {
    return this.base.headers;
  }
  strings(): readonly StringFact[] {
    return this.base.stringsIn(this.focus);
  }
  comments(): readonly CommentFact[] {
    return this.base.comments();
  }
  calls(): readonly CallFact[] {
    return this.base.calls();
  }
}

export interface ScanOptions {
  /** Keep the parsed tree in the result (the language server does, for incremental reparsing). */
  readonly keepTree?: boolean;
  /**
   * With `keepTree`: also read every fact and keep them for the next version (default true). Without, facts are read
   * only around the lines that can hold a finding, as in a one-off scan.
   */
  readonly keepFacts?: boolean;
  /** A time limit and cancellation: past it the scan throws `ScanStopped` (see `budget.ts`). */
  readonly budget?: ScanBudget;
  /** Fingerprints and hashes of the same document's last scan, reused where its findings did not change. */
  readonly memo?: FindingMemo;
  /** The same document's last findings, carried over where the edit (`ScanInput.changed`) left them as they were. */
  readonly carry?: CarrySession;
}

/** The `parsed` flag prefilters get: whether quote-based checks apply to the language. */
export function prefilterParsed(languageId: LanguageId): boolean {
  // Shell assigns unquoted values (PASSWORD=x), so quote-based prefilters must not skip it.
  return hasGrammar(languageId) && languageId !== 'shell';
}

/**
 * Scans one text. Everything after loading the grammar is synchronous, under the budget of `options.budget`: a scan
 * over it throws `ScanStopped` (and frees the tree it made).
 */
export async function scanWithRules(rules: readonly ActiveRule[], input: ScanInput, options: ScanOptions = {}): Promise<ScanResult> {
  const languageId = input.languageId ?? languageForFile(input.path, input.text);
  const parser = hasGrammar(languageId) ? await parserFor(languageId) : undefined;
  return underBudget(options.budget, () => scanNow(rules, input, languageId, parser, options));
}

function scanNow(rules: readonly ActiveRule[], input: ScanInput, languageId: LanguageId, parser: Parser | undefined, options: ScanOptions): ScanResult {
  const fileInput = prefilterInput(input.text, prefilterParsed(languageId));
  const failures: RuleFailure[] = [];
  const candidates = rules.filter((rule) => {
    const known = input.prefiltered?.get(rule.compiled);
    if (known !== undefined) return known;
    try {
      return rule.compiled.matcher.prefilter(fileInput);
    } catch (err) {
      failures.push({ ruleId: rule.compiled.rule.id, message: (err as Error).message });
      return false;
    }
  });
  if (candidates.length === 0 && !options.keepTree) return { findings: [], partialParse: false, failures };

  let tree: Tree | undefined;
  if (parser && (options.keepTree || candidates.some((rule) => rule.compiled.matcher.needsTree))) {
    tree = parser.parse(input.text, input.previousTree, { progressCallback: shouldStop }) ?? undefined;
    const stopped = stopReason();
    if (stopped) {
      if (tree) deleteTree(tree);
      // A parser stopped midway would resume that parse on its next call: it must start the next file afresh.
      parser.reset();
      throw new ScanStopped(stopped);
    }
  }
  try {
    return matchAll(candidates, input, languageId, tree, fileInput, failures, options);
  } catch (err) {
    if (tree) deleteTree(tree);
    throw err;
  }
}

function matchAll(candidates: readonly ActiveRule[], input: ScanInput, languageId: LanguageId, parsed: Tree | undefined, fileInput: PrefilterInput, failures: RuleFailure[], options: ScanOptions): ScanResult {
  let tree = parsed;
  const needsSuppressions = input.text.includes(SUPPRESSION_MARKER);
  const keepFacts = options.keepTree === true && options.keepFacts !== false;
  const doc = new LazyDocument(input.path, languageId, input.text, tree, keepFacts ? input : undefined, input.headers);
  // The prefilters' lower case is the same text: one string, so the keyword pass's cache knows it at a glance.
  doc.shareLower(fileInput.lower);
  // A one-off scan of a parsed file reads strings only where the rules that say so can find; an editor's scan
  // keeps every fact for the next edit, and then reads them all.
  const focusable = tree && !keepFacts ? candidates.filter(isFocusable) : [];
  const focused = focusable.length > 0 ? new FocusedDocument(doc, focusOf(focusable, doc.index, fileInput.parsed)) : undefined;
  const raw: { rule: ActiveRule; match: RawMatch }[] = [];
  // Rules that read every string run first: the focused view then filters those strings instead of reading its
  // part again. Findings do not depend on the order (overlaps are settled pairwise, then findings are sorted).
  const order = focused ? [...candidates.filter((rule) => !isFocusable(rule)), ...focusable] : candidates;
  for (const rule of order) {
    checkBudget();
    try {
      const view = focused && isFocusable(rule) ? focused : doc;
      for (const match of rule.compiled.matcher.match(view)) raw.push({ rule, match });
    } catch (err) {
      if (err instanceof ScanStopped) throw err;
      failures.push({ ruleId: rule.compiled.rule.id, message: (err as Error).message });
    }
  }
  const suppressions: Suppression[] = needsSuppressions && raw.length > 0 ? parseSuppressions(doc.comments(), doc.index).filter(isValidSuppression) : [];
  options.carry?.start(doc.index);
  const findings = toFindings(raw, doc, suppressions, options.memo, options.carry);
  const partialParse = tree?.rootNode.hasError ?? false;
  const facts = keepFacts ? doc.factStore?.snapshot() : undefined;
  if (tree && !options.keepTree) {
    deleteTree(tree);
    tree = undefined;
  }
  return { findings, tree, partialParse, failures, facts, carried: options.carry?.carried() };
}

/** One step down: a match its kind doubts (a failed checksum) stays visible but weighs less. */
function lowerSeverity(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : 'info';
}

/** A match that survived overlaps, deduplication and `allow` lists, on its way to a finding. */
interface Pending {
  readonly rule: ActiveRule;
  readonly match: RawMatch;
  readonly startLine: number;
  readonly carry: CarryDecision;
  /** The rule and the trimmed line: the group of identical lines its fingerprint counts in (see `Fingerprints`). */
  readonly group: string;
}

function toFindings(all: { rule: ActiveRule; match: RawMatch }[], doc: LazyDocument, suppressions: Suppression[], memo?: FindingMemo, session?: CarrySession): Finding[] {
  const raw = dropYielding(dropOutranked(all), doc.index);
  raw.sort((a, b) => a.match.start - b.match.start || a.rule.compiled.rule.id.localeCompare(b.rule.compiled.rule.id));
  const fingerprints = new Fingerprints((line) => doc.index.lineText(line), memo);
  const suppressed = new SuppressionIndex(suppressions);
  const index = doc.index;
  // First the matches that are findings, each with the last scan's finding it carries, if any.
  const pending: Pending[] = [];
  /** Groups with a finding that came or went: their fingerprints are counted again, every finding of the group. */
  const changedGroups = new Set<string>();
  // Sorted by start: a duplicate (same rule and extent) has the same start as the match it repeats.
  const sameStart: RuleMatch[] = [];
  for (const entry of raw) {
    checkBudget();
    const { rule, match } = entry;
    const id = rule.compiled.rule.id;
    if (sameStart.length > 0 && sameStart[0].match.start !== match.start) sameStart.length = 0;
    if (sameStart.some((seen) => seen.rule.compiled.rule.id === id && seen.match.end === match.end)) continue;
    sameStart.push(entry);
    const startLine = index.lineAt(match.start);
    const carry = session ? session.find(rule, match, startLine, index.lineAt(match.end)) : NOT_CARRIED;
    if (carry.from) {
      pending.push({ rule, match, startLine, carry, group: carry.from.group });
      continue;
    }
    // An override's `allow` list names flagged texts (or, for IP rules, ranges) that are fine here.
    if (rule.allows?.some((allows) => allows(doc.text.slice(match.start, match.end)))) continue;
    const group = `${id}\0${index.lineText(startLine).trim()}`;
    changedGroups.add(group);
    pending.push({ rule, match, startLine, carry, group });
  }
  if (session) for (const group of session.droppedGroups()) changedGroups.add(group);
  const findings: Finding[] = [];
  for (const { rule, match, startLine, carry, group } of pending) {
    checkBudget();
    const r = rule.compiled.rule;
    const covering = suppressed.covering(r.id, startLine);
    const suppression = covering ? { reason: covering.reason, line: covering.line } : undefined;
    const from = carry.from;
    // A finding of an unchanged group keeps its fingerprint; in a changed group every finding counts again.
    const recount = !from || changedGroups.has(group);
    const token = recount ? doc.text.slice(match.start, match.end) : '';
    const fingerprint = recount ? fingerprints.next(r.id, startLine, token) : from.finding.fingerprint;
    if (from && fingerprint === from.finding.fingerprint && sameSuppression(from.finding.suppression, suppression, carry.lines)) {
      const finding = CarrySession.moved(from.finding, carry.lines, carry.lines === 0 ? from.finding.suppression : suppression);
      findings.push(finding);
      // Carried "but for its range" only when its suppression (if any) did not move with it.
      session?.record(rule, match, finding, group, finding.suppression === from.finding.suppression ? from : undefined);
      continue;
    }
    const finding = newFinding(rule, match, doc, fingerprint, suppression, fingerprints.snippetHash(token || doc.text.slice(match.start, match.end)));
    findings.push(finding);
    session?.record(rule, match, finding, group, undefined);
  }
  session?.finish(findings);
  return findings;
}

const NOT_CARRIED: CarryDecision = { lines: 0 };

/** Whether a carried finding's suppression is the one now covering it, moved with it by `lines`. */
function sameSuppression(before: InlineSuppression | undefined, now: InlineSuppression | undefined, lines: number): boolean {
  if (!before || !now) return before === now;
  return before.reason === now.reason && before.line + lines === now.line;
}

function newFinding(rule: ActiveRule, match: RawMatch, doc: LazyDocument, fingerprint: string, suppression: InlineSuppression | undefined, snippetHash: string): Finding {
  const r = rule.compiled.rule;
  const message = rule.message ?? r.message;
  const cwe = match.cwe !== undefined ? [match.cwe, ...(r.cwe ?? []).filter((c) => c !== match.cwe)] : [...(r.cwe ?? [])];
  return {
    ruleId: r.id,
    severity: match.informational ? 'info' : match.lowered ? lowerSeverity(rule.severity) : rule.severity,
    message: withNotes(fill(message, match.vars, 'en'), match, 'en'),
    messageJa: typeof message === 'object' && message.ja ? withNotes(fill(message, match.vars, 'ja'), match, 'ja') : undefined,
    path: doc.path,
    range: doc.index.rangeOf(match.start, match.end),
    fingerprint,
    snippetHash,
    cwe,
    guide: r.guide,
    suppression,
    ...(rule.pathClass && rule.pathClass !== 'product' ? { pathClass: rule.pathClass } : {}),
    ...(match.evidence ? { evidence: match.evidence, confidence: confidenceOf(match.evidence, rule.pathClass) } : {}),
  };
}
