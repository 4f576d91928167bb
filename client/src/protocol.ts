/**
 * The names the extension and the language server agree on. Temporary copy of the contract until the server's
 * `server/src/lsp/protocol.ts` lands; then this module re-exports it.
 */
export const SETTINGS_SECTION = 'secureCodingRulebook';
export const DIAGNOSTIC_SOURCE = 'secure-coding';

export const Commands = {
  scanWorkspace: 'secureCodingRulebook.scanWorkspace',
  insertSuppression: 'secureCodingRulebook.insertSuppression',
} as const;

export const WORKSPACE_TRUST_CHANGED = 'secureCodingRulebook/workspaceTrustChanged';
export interface WorkspaceTrustChangedParams {
  readonly trusted: boolean;
}

export const RULE_DOCUMENTATION = 'secureCodingRulebook/ruleDocumentation';
export interface RuleDocumentationParams {
  readonly ruleId: string;
  readonly locale?: string;
}
export interface RuleDocumentationResult {
  readonly markdown: string;
}

export interface InitializationOptions {
  readonly workspaceTrusted: boolean;
}
