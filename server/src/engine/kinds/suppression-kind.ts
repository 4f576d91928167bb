/**
 * `suppression`: reports inline suppressions that suppress nothing because they name no rule or give no reason.
 * (Applying the valid ones is the scanner's job; this kind only makes the broken ones visible.)
 */
import { SUPPRESSION_MARKER, isValidSuppression, parseSuppressions } from '../suppressions';
import { Matcher, RawMatch, RuleKind, ScanDocument } from './kind';

export const suppressionKind: RuleKind = {
  kind: 'suppression',
  compile(): Matcher {
    return {
      needsTree: true,
      prefilter: ({ text }) => text.includes(SUPPRESSION_MARKER),
      linePrefilter: { check: ({ text }) => text.includes(SUPPRESSION_MARKER), exact: true },
      match(doc: ScanDocument): RawMatch[] {
        return parseSuppressions(doc.comments(), doc.index)
          .filter((s) => !isValidSuppression(s))
          .map((s) => ({
            start: s.start,
            end: s.end,
            vars: {
              problem: s.ruleIds.length === 0
                ? { en: 'names no rule', ja: 'ルール ID がありません' }
                : { en: 'gives no reason', ja: '理由がありません' },
            },
          }));
      },
    };
  },
};
