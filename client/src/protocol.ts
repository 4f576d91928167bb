/**
 * The names the extension and the language server agree on. Temporary copy of the contract until the server's
 * `server/src/lsp/protocol.ts` lands; then this module re-exports it.
 */
export const SETTINGS_SECTION = 'secureCodingRulebook';
export const DIAGNOSTIC_SOURCE = 'secure-coding';
export const RULEBOOK_DIAGNOSTIC_SOURCE = 'secure-coding rulebook';

export const Commands = {
  scanWorkspace: 'secureCodingRulebook.scanWorkspace',
  insertSuppression: 'secureCodingRulebook.insertSuppression',
} as const;

export const WORKSPACE_TRUST_CHANGED = 'secureCodingRulebook/workspaceTrustChanged';
export interface WorkspaceTrustChangedParams {
  readonly trusted: boolean;
}

export const RULE_DOCUMENTATION_REQUEST = 'secureCodingRulebook/ruleDocumentation';
export interface RuleDocumentationParams {
  readonly ruleId: string;
  readonly locale?: 'en' | 'ja';
  readonly uri?: string;
}
export interface RuleDocumentationResult {
  readonly markdown: string;
}

export interface InitializationOptions {
  readonly workspaceTrusted: boolean;
}
