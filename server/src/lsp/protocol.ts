/**
 * The contract between the language server and its clients (the VS Code extension first): the settings and their
 * defaults, the initialization options, custom requests and notifications, and command ids.
 *
 * Plain types and strings only: the extension imports this module without pulling in vscode-languageserver.
 */
import type { ReviewState } from '../engine/review/states';

/** The settings section, pulled per resource with `workspace/configuration` (`scopeUri` = the document). */
export const SETTINGS_SECTION = 'secureCodingRulebook';

export type SeverityOverride = 'error' | 'warning' | 'info' | 'hint' | 'off';
export const SEVERITY_OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off'];

export type LocaleSetting = 'auto' | 'en' | 'ja';
export const LOCALE_SETTINGS: readonly LocaleSetting[] = ['auto', 'en', 'ja'];

/** How findings with a holding approval show: as hints (dimmed, out of the Problems counts) or not at all. */
export type ApprovedFindingsSetting = 'hint' | 'hide';
export const APPROVED_FINDINGS_SETTINGS: readonly ApprovedFindingsSetting[] = ['hint', 'hide'];

/** `secureCodingRulebook.review.*`: how reviews show and who signs them in this editor. */
export interface ReviewSettings {
  readonly approvedFindings: ApprovedFindingsSetting;
  /** The reviewer's SSH private key (or `KEY.pub` with the key in ssh-agent); `~` is the home folder. Empty: ssh-agent. */
  readonly keyPath: string;
  /** The reviewer's id in the rulebook's `review.reviewers`. */
  readonly reviewerId: string;
}

export interface Settings {
  /** The workspace rulebook, relative to the workspace folder (or absolute). */
  readonly rulebookPath: string;
  /** Open documents and workspace files larger than this many bytes are not scanned. */
  readonly maxFileSize: number;
  /** Rule-id prefixes whose rules do not run: `secret` turns off `secret.*`, `c.risky` turns off `c.risky.*`. */
  readonly disabledCategories: readonly string[];
  /** Per rule id: the severity to show instead of the rulebook's, or `off`. */
  readonly severityOverrides: Readonly<Record<string, SeverityOverride>>;
  /** Language of messages, hovers and rule documentation; `auto` follows the editor (`initialize.locale`). */
  readonly locale: LocaleSetting;
  /** Also show low-confidence secret findings that do not gate (hidden by default). */
  readonly showLowConfidence: boolean;
  readonly review: ReviewSettings;
}

/** The one source of the defaults; the extension's `contributes.configuration` must match it. */
export const DEFAULT_SETTINGS: Settings = {
  rulebookPath: '.secure-coding/rulebook.yaml',
  maxFileSize: 2_000_000,
  disabledCategories: [],
  severityOverrides: {},
  locale: 'auto',
  showLowConfidence: false,
  review: { approvedFindings: 'hint', keyPath: '', reviewerId: '' },
};

/** Every setting under its dotted name (`review.keyPath`) with its default: what the manifest declares. */
export function flatSettingDefaults(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
    if (key === 'review') for (const [sub, v] of Object.entries(value as ReviewSettings)) out[`${key}.${sub}`] = v;
    else out[key] = value;
  }
  return out;
}

export interface InitializationOptions {
  /** VS Code's workspace trust. Untrusted: the workspace rulebook's own `pattern` rules do not run. Default true. */
  readonly workspaceTrusted?: boolean;
}

/** Notification, client → server, when the user grants (or revokes) workspace trust. */
export const WORKSPACE_TRUST_CHANGED = 'secureCodingRulebook/workspaceTrustChanged';
export interface WorkspaceTrustChangedParams {
  readonly trusted: boolean;
}

/** Notification, server → client, after every change of the published diagnostics. */
export const STATUS_NOTIFICATION = 'secureCodingRulebook/status';
export interface StatusParams {
  /** Findings currently published, over every file. */
  readonly findings: number;
  /** Errors in the rulebook files (each also published as a diagnostic in its file). */
  readonly rulebookErrors: number;
}

/** The review state words of the engine (`pending`, `approved`, `expired`, `stale`, …), as sent to clients. */
export type ReviewStateName = ReviewState;

/** One finding in the review view: one that needs a sign-off, or that has an approval on record. */
export interface ReviewItem {
  readonly ruleId: string;
  /** The finding's fingerprint: what an approval from the view is recorded for. */
  readonly fingerprint: string;
  readonly state: ReviewStateName;
  /** The state in the server's language (`approved`, `期限切れ`…). */
  readonly stateLabel: string;
  /** Whether the rulebook's `review.require` covers the finding's severity (the gate counts it). */
  readonly required: boolean;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly range: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
  readonly message: string;
  /** The review line of the hover: "Approved by Bob Sato on …, until …: …", or why an approval does not hold. */
  readonly detail?: string;
  /** The reviewer's name, for approvals. */
  readonly reviewer?: string;
  /** ISO 8601: when the approval lapses. */
  readonly expires?: string;
  /** An approval that holds now but lapses within 30 days. */
  readonly expiringSoon: boolean;
  /** Suppressed inline: hidden from the editor, still needing a sign-off. */
  readonly suppressed: boolean;
}

/** Notification, server → client, whenever the review items of a file change (an empty list clears the file). */
export const REVIEWS_NOTIFICATION = 'secureCodingRulebook/reviews';
export interface ReviewsParams {
  readonly uri: string;
  readonly items: readonly ReviewItem[];
}

/** Request, client → server: the documentation of one rule as Markdown. */
export const RULE_DOCUMENTATION_REQUEST = 'secureCodingRulebook/ruleDocumentation';
export interface RuleDocumentationParams {
  readonly ruleId: string;
  /** `en` or `ja`; default: the server's locale. */
  readonly locale?: 'en' | 'ja';
  /** A file the rule applies to, to pick its workspace's rulebook; default: the first workspace folder. */
  readonly uri?: string;
}
export interface RuleDocumentationResult {
  /** Rationale, CWE links, guide item, how to fix, examples. Empty when no rule has that id. */
  readonly markdown: string;
}

/** Commands the server executes (`workspace/executeCommand`). */
export const SERVER_COMMANDS = {
  /** Scans every workspace folder with progress (cancellable); returns a `ScanWorkspaceResult`. */
  scanWorkspace: 'secureCodingRulebook.scanWorkspace',
  /** Inserts a suppression comment above a finding (the "suppress with reason" code action); args: `InsertSuppressionArgs`. */
  insertSuppression: 'secureCodingRulebook.insertSuppression',
  /** Signs and records an approval or revocation in the ledger; args: `RecordReviewArgs`; returns `RecordReviewResult`. */
  recordReview: 'secureCodingRulebook.recordReview',
} as const;

/** Commands the server's code actions refer to that the client implements. */
export const CLIENT_COMMANDS = {
  /** Shows a rule's documentation (from `RULE_DOCUMENTATION_REQUEST`); args: `[ruleId: string]`. */
  showRuleDocumentation: 'secureCodingRulebook.showRuleDocumentation',
  /** Asks for the justification, then runs `recordReview` to approve; args: `[ReviewTarget]`. */
  approveFinding: 'secureCodingRulebook.approveFinding',
  /** Asks for an optional reason, then runs `recordReview` to revoke; args: `[ReviewTarget]`. */
  revokeApproval: 'secureCodingRulebook.revokeApproval',
} as const;

/** The finding a review code action is about. */
export interface ReviewTarget {
  readonly uri: string;
  /** The document version the action was computed for; the server follows the fingerprint if the text moved on. */
  readonly version?: number;
  readonly ruleId: string;
  /** Zero-based line of the finding. */
  readonly line: number;
  readonly fingerprint: string;
}

export interface RecordReviewArgs extends ReviewTarget {
  readonly action: 'approve' | 'revoke';
  /** The justification: required to approve, optional to revoke. */
  readonly reason?: string;
}

export interface RecordReviewResult {
  readonly ok: boolean;
  /** What happened, or exactly why not; the server also shows it (`window/showMessage`). */
  readonly message: string;
  /** Why it was refused: the engine's refusal code, or `setup` (no reviewer id or key) or `failed` (signing failed). */
  readonly refusal?: string;
}

export interface ScanWorkspaceResult {
  readonly files: number;
  readonly findings: number;
  /** Files not scanned: too large, binary, minified or unreadable. */
  readonly skipped: number;
  /** True when the user cancelled; the counts cover the files scanned until then. */
  readonly cancelled?: boolean;
}

export interface InsertSuppressionArgs {
  readonly uri: string;
  /** The document version the diagnostic was for; the command does nothing if the document changed since. */
  readonly version?: number;
  readonly ruleId: string;
  /** Zero-based line of the finding; the comment goes on the line above. */
  readonly line: number;
}

/** `Diagnostic.source` of every finding. */
export const DIAGNOSTIC_SOURCE = 'secure-coding';
/** `Diagnostic.source` of problems in the rulebook file itself. */
export const RULEBOOK_DIAGNOSTIC_SOURCE = 'secure-coding rulebook';

/** `Diagnostic.data` of a finding. Never the flagged text: a secret must not travel. */
export interface FindingData {
  /** Stable across unrelated edits; the key for reviews and baselines. */
  readonly fingerprint: string;
  /** The finding's review state, when the rulebook has a review section. */
  readonly review?: ReviewStateName;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings as received, checked field by field: a wrong value falls back to its default and is reported. */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const input = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) problems.push(`${SETTINGS_SECTION} should be an object`);
  const pick = <K extends keyof Settings>(key: K, valid: (value: unknown) => boolean): Settings[K] => {
    const value = input[key];
    if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
    if (valid(value)) return value as Settings[K];
    problems.push(`${SETTINGS_SECTION}.${key}: ${JSON.stringify(value)} is not valid; using ${JSON.stringify(DEFAULT_SETTINGS[key])}`);
    return DEFAULT_SETTINGS[key];
  };
  const overrides: Record<string, SeverityOverride> = {};
  for (const [id, value] of Object.entries(isRecord(input.severityOverrides) ? input.severityOverrides : {})) {
    if (SEVERITY_OVERRIDES.includes(value as SeverityOverride)) overrides[id] = value as SeverityOverride;
    else problems.push(`${SETTINGS_SECTION}.severityOverrides.${id}: ${JSON.stringify(value)} is not one of ${SEVERITY_OVERRIDES.join(', ')}`);
  }
  if (input.severityOverrides !== undefined && !isRecord(input.severityOverrides)) problems.push(`${SETTINGS_SECTION}.severityOverrides should be an object`);
  return {
    settings: {
      rulebookPath: pick('rulebookPath', (v) => typeof v === 'string' && v.trim() !== ''),
      maxFileSize: pick('maxFileSize', (v) => typeof v === 'number' && Number.isFinite(v) && v > 0),
      disabledCategories: pick('disabledCategories', (v) => Array.isArray(v) && v.every((c) => typeof c === 'string')),
      severityOverrides: overrides,
      locale: pick('locale', (v) => LOCALE_SETTINGS.includes(v as LocaleSetting)),
      showLowConfidence: pick('showLowConfidence', (v) => typeof v === 'boolean'),
      review: normalizeReviewSettings(input.review, problems),
    },
    problems,
  };
}

function normalizeReviewSettings(raw: unknown, problems: string[]): ReviewSettings {
  const defaults = DEFAULT_SETTINGS.review;
  if (raw === undefined || raw === null) return defaults;
  if (!isRecord(raw)) {
    problems.push(`${SETTINGS_SECTION}.review should be an object`);
    return defaults;
  }
  const pick = <K extends keyof ReviewSettings>(key: K, valid: (value: unknown) => boolean): ReviewSettings[K] => {
    const value = raw[key];
    if (value === undefined || value === null) return defaults[key];
    if (valid(value)) return value as ReviewSettings[K];
    problems.push(`${SETTINGS_SECTION}.review.${key}: ${JSON.stringify(value)} is not valid; using ${JSON.stringify(defaults[key])}`);
    return defaults[key];
  };
  return {
    approvedFindings: pick('approvedFindings', (v) => APPROVED_FINDINGS_SETTINGS.includes(v as ApprovedFindingsSetting)),
    keyPath: (pick('keyPath', (v) => typeof v === 'string')).trim(),
    reviewerId: (pick('reviewerId', (v) => typeof v === 'string')).trim(),
  };
}

/** `secret` selects `secret` and `secret.*`; `c.risky` selects `c.risky.*` (not `c.riskyness`). */
export function categorySelects(category: string, ruleId: string): boolean {
  const prefix = category.endsWith('.*') ? category.slice(0, -2) : category.endsWith('*') ? category.slice(0, -1) : category;
  return ruleId === prefix || ruleId.startsWith(prefix.endsWith('.') ? prefix : `${prefix}.`);
}

/** The language of texts for a locale setting and the editor's locale (`ja`, `ja-JP` → Japanese; else English). */
export function resolveLocale(setting: LocaleSetting, clientLocale: string | undefined): 'en' | 'ja' {
  if (setting !== 'auto') return setting;
  return clientLocale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
