/**
 * The contract between the language server and its clients (the VS Code extension first): the settings and their
 * defaults, the initialization options, custom requests and notifications, and command ids.
 *
 * Plain types and strings only: the extension imports this module without pulling in vscode-languageserver.
 */

/** The settings section, pulled per resource with `workspace/configuration` (`scopeUri` = the document). */
export const SETTINGS_SECTION = 'secureCodingRulebook';

export type SeverityOverride = 'error' | 'warning' | 'info' | 'hint' | 'off';
export const SEVERITY_OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off'];

export type LocaleSetting = 'auto' | 'en' | 'ja';
export const LOCALE_SETTINGS: readonly LocaleSetting[] = ['auto', 'en', 'ja'];

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
}

/** The one source of the defaults; the extension's `contributes.configuration` must match it. */
export const DEFAULT_SETTINGS: Settings = {
  rulebookPath: '.secure-coding/rulebook.yaml',
  maxFileSize: 2_000_000,
  disabledCategories: [],
  severityOverrides: {},
  locale: 'auto',
};

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
} as const;

/** Commands the server's code actions refer to that the client implements. */
export const CLIENT_COMMANDS = {
  /** Shows a rule's documentation (from `RULE_DOCUMENTATION_REQUEST`); args: `[ruleId: string]`. */
  showRuleDocumentation: 'secureCodingRulebook.showRuleDocumentation',
} as const;

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
    },
    problems,
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
