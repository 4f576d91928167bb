/**
 * Settling overlapping findings and fingerprinting them are done with indexes (sorted intervals, lines hashed once),
 * not by comparing every finding with every other. These tests hold the indexed versions to the plain definitions:
 * random matches against a brute-force reading of the rules, and fingerprints against `fingerprintOf`.
 */
import * as assert from 'assert';
import { Fingerprints, fingerprintOf } from '@secure-coding/server/out/engine/findings';
import { RuleMatch, dropOutranked, dropYielding } from '@secure-coding/server/out/engine/overlap';
import { ActiveRule } from '@secure-coding/server/out/engine/rulebook/rulebook';
import { TextIndex } from '@secure-coding/server/out/engine/text-index';
import { RawMatch } from '@secure-coding/server/out/engine/kinds/kind';

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function rule(id: string, confidence: 'high' | 'medium' | 'low', yieldsTo?: string[]): ActiveRule {
  return { compiled: { rule: { id, confidence, yields_to: yieldsTo } }, severity: 'error' } as unknown as ActiveRule;
}

const overlaps = (a: RawMatch, b: RawMatch): boolean => a.start < b.end && b.start < a.end;
const rank = (r: ActiveRule): number => ({ high: 3, medium: 2, low: 1 })[r.compiled.rule.confidence ?? 'medium'];

/** The definition, one pair at a time. */
function outrankedByDefinition(raw: readonly RuleMatch[]): RuleMatch[] {
  return raw.filter(({ rule: r, match }) => {
    if (!match.overlap) return true;
    return !raw.some(({ rule: o, match: other }) => {
      if (!other.overlap || other.overlap.group !== match.overlap!.group || !overlaps(match, other)) return false;
      if (other.overlap.level !== match.overlap!.level) return other.overlap.level > match.overlap!.level;
      if (other.start !== match.start || other.end !== match.end) return false;
      const byConfidence = rank(o) - rank(r);
      return byConfidence !== 0 ? byConfidence > 0 : o.compiled.rule.id < r.compiled.rule.id;
    });
  });
}

function yieldingByDefinition(raw: readonly RuleMatch[], index: TextIndex): RuleMatch[] {
  const line = (offset: number): number => index.positionAt(offset).line;
  return raw.filter(({ rule: r, match }) => {
    const selectors = r.compiled.rule.yields_to ?? [];
    if (selectors.length === 0) return true;
    return !raw.some(
      (o) =>
        o.rule !== r &&
        selectors.some((s) => s === o.rule.compiled.rule.id || (s.endsWith('*') && o.rule.compiled.rule.id.startsWith(s.slice(0, -1)))) &&
        (overlaps(match, o.match) || line(o.match.start) === line(match.start)),
    );
  });
}

describe('many findings', () => {
  const rules = [
    rule('secret.provider', 'high'),
    rule('secret.generic', 'medium', ['account.*']),
    rule('secret.other', 'medium'),
    rule('account.test', 'low'),
    rule('account.default', 'high', ['secret.provider']),
  ];

  it('keep the findings the pairwise definition keeps, for random overlapping matches', () => {
    const next = random(7);
    const text = Array.from({ length: 40 }, (_, i) => 'x'.repeat(10 + (i % 7))).join('\n');
    const index = new TextIndex(text);
    for (let round = 0; round < 200; round++) {
      const raw: RuleMatch[] = [];
      const count = 1 + Math.floor(next() * 30);
      for (let i = 0; i < count; i++) {
        const start = Math.floor(next() * (text.length - 20));
        const end = start + Math.floor(next() * 12);
        const r = rules[Math.floor(next() * rules.length)];
        const grouped = next() < 0.8;
        raw.push({ rule: r, match: { start, end, overlap: grouped ? { group: next() < 0.9 ? 'secret' : 'other', level: Math.floor(next() * 3) } : undefined } });
      }
      // Same spans with different rules happen in real files (two rules on one literal): make some.
      if (raw.length > 2) raw.push({ rule: rules[2], match: { ...raw[0].match } });
      const show = (list: RuleMatch[]): string[] => list.map((r) => `${r.rule.compiled.rule.id} ${r.match.start}-${r.match.end} ${r.match.overlap?.group ?? ""}${r.match.overlap?.level ?? ""}`);
      assert.deepStrictEqual(show(dropOutranked(raw)), show(outrankedByDefinition(raw)), `round ${round}`);
      assert.deepStrictEqual(show(dropYielding(raw, index)), show(yieldingByDefinition(raw, index)), `round ${round}`);
    }
  });

  it('fingerprint each finding as fingerprintOf does, counting identical lines', () => {
    const lines = ['  a = "x1"; b = "x1"', 'other', '  a = "x1"; b = "x1"', '\tpassword   =  "p"  '];
    const index = new TextIndex(lines.join('\n'));
    const fingerprints = new Fingerprints((line) => index.lineText(line));
    const occurrences = new Map<string, number>();
    for (const [ruleId, line, token] of [
      ['r1', 0, '"x1"'],
      ['r1', 0, '"x1"'],
      ['r2', 0, '"x1"'],
      ['r1', 2, '"x1"'],
      ['r1', 3, '"p"'],
    ] as const) {
      const key = `${ruleId}\0${index.lineText(line).trim()}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      assert.strictEqual(fingerprints.next(ruleId, line, token), fingerprintOf(ruleId, index.lineText(line), token, occurrence));
    }
  });
});
