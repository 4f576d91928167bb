/**
 * Masking of secret values. Every message, log line, report and ledger entry that mentions a secret goes through
 * here: the value is never printed whole. Short values keep nothing but their length class.
 */

/** `ghp_1234…abcd` becomes `ghp_****…cd`: a recognisable prefix (up to the first separator, at most 4 chars) and 2 trailing chars. */
export function maskSecret(value: string): string {
  if (value.length < 12) return '*'.repeat(Math.min(Math.max(value.length, 3), 8));
  const prefixMatch = /^[A-Za-z]{2,5}[_-]/.exec(value);
  const prefix = prefixMatch ? prefixMatch[0] : value.slice(0, 2);
  return `${prefix}****…${value.slice(-2)}`;
}
