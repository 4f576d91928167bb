/** The review engine's public face: policy, ledger, signatures and the review state of findings. */
export { AuthorshipProvider, LineAuthor, sameEmail } from './authorship';
export { BATCH_ACTION, BatchEntry, BatchExclusion, BatchItem, BatchRef, BatchSelection, batchId, canonicalBatchMessage, expandBatch } from './batch-entry';
export { BatchContext, BatchOutcome, BatchRequest, ExcludedFinding, prepareBatch, selects } from './batch';
export { ReviewAction, ReviewEntry, ReviewFields, canonicalMessage, isoSeconds, ruleDefinitionHash } from './entry';
export { EntryCheck, checkEntry } from './entry-check';
export { BatchLine, EMPTY_LEDGER, LEDGER_RELATIVE_PATH, Ledger, LedgerLine, LedgerProblem, parseLedger, serializeBatch, serializeEntry } from './ledger';
export { DEFAULT_MAX_DAYS, DEFAULT_REQUIRE, ReviewPolicy, Reviewer, maxDaysFor, needsReview, reviewerById } from './policy';
export { Refusal, RefusalCode, ReviewContext, ReviewOutcome, ReviewRequest, prepareReview } from './request';
export { ReviewSigner, keySigner } from './signer';
export { EncryptedKeyError, SshPrivateKey, SshPublicKey, formatPublicKey, parsePrivateKey, parsePublicKey, sameKey } from './ssh-keys';
export { REVIEW_NAMESPACE, armor, signMessage, unarmor, verifyMessage } from './sshsig';
export { FindingReview, REVIEW_STATES, ReviewOverview, ReviewState, STATE_LABELS, reviewStates } from './states';
export { Level, ReviewReport, ReviewerActivity, RuleCount, Shortfall, buildReviewReport } from './report';
export { countByState, expiresWithin, reviewHover } from './presentation';
