/**
 * How sure a secret finding is, in words a reviewer can check. A matcher records what a match rests on as evidence
 * features (`provider-format`, `checksum:valid`, `name:strong`, `value:random`, …); this module weighs them, adds
 * where the file lives (its path class), and says `high`, `medium` or `low` with the reasons. No model is trained:
 * every feature has a fixed weight, listed below, so the same evidence always gives the same answer and the hover,
 * `rulebook explain`, JSON and SARIF can say why.
 *
 * What the rulebook does with it is in `gating.ts`: by default `high` and `medium` gate (`review.require_confidence`),
 * and a `low` finding that does not gate is hidden unless asked for (`--show-low-confidence`, the editor's
 * `showLowConfidence`). Findings of rules that record no evidence (C calls, addresses, item-8 rules) carry none.
 */
import type { PathClass } from './path-classes';
import { Locale } from './rulebook/types';
import { shannonEntropy } from './kinds/secret-values';

export type Confidence = 'high' | 'medium' | 'low';
export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

/** The features a matcher may record, with their weight and how a reviewer reads them. */
interface Feature {
  readonly weight: number;
  readonly en: string;
  readonly ja: string;
}

export const FEATURES: Readonly<Record<string, Feature>> = {
  'provider-format': { weight: 4, en: "the value has its provider's own token format", ja: 'プロバイダー固有のトークン形式' },
  'provider-context': { weight: -1, en: "the format is only a random string: its provider's name stands nearby", ja: '形式はランダムな文字列のみで、近くにプロバイダー名がある' },
  'checksum:valid': { weight: 2, en: 'the checksum the format carries is valid', ja: '形式に含まれるチェックサムが正しい' },
  'checksum:failed': { weight: -2, en: 'the checksum the format carries fails (test data or a placeholder?)', ja: '形式に含まれるチェックサムが合わない（テストデータかプレースホルダー？）' },
  'name:strong': { weight: 2, en: 'bound to a name that says what it is (password, secret, API key…)', ja: '何であるかを示す名前（password、secret、API key など）に束縛されている' },
  'name:argument': { weight: 2, en: 'passed where a function takes a credential', ja: '認証情報を受け取る関数の引数として渡されている' },
  'name:weak': { weight: 1, en: 'the name is a short or ambiguous form (pass, pw, token…)', ja: '名前が短いか曖昧な形（pass、pw、token など）' },
  'name:model': { weight: 1, en: 'the name reads as a credential word misspelled or abbreviated', ja: '名前が認証情報の語のつづり違いや略語に見える' },
  'value:random': { weight: 2, en: 'the value looks generated (long, mixed characters, high entropy)', ja: '値が生成されたもののように見える（長く、文字種が混在し、エントロピーが高い）' },
  'value:mixed': { weight: 1, en: 'the value mixes letters with digits or symbols', ja: '値が英字と数字・記号を混ぜている' },
  'value:word': { weight: 0, en: 'the value reads like a word', ja: '値が単語のように読める' },
  'value:placeholder-like': { weight: -2, en: 'the value reads like test or example data', ja: '値がテストや例のデータのように読める' },
  'shape:prose': { weight: -1, en: 'written in prose (a comment, a log, a document)', ja: '文章の中に書かれている（コメント、ログ、文書）' },
  'shape:command-line': { weight: 0, en: 'given on a command line', ja: 'コマンドラインで渡されている' },
  'shape:patch': { weight: 0, en: 'on a line a patch adds', ja: 'パッチが追加する行にある' },
  'shape:escaped': { weight: 0, en: 'inside escaped text (markup entities or string escapes)', ja: 'エスケープされたテキストの中にある（実体参照や文字列エスケープ）' },
  'shape:key-container': { weight: 0, en: 'a private member of a key container', ja: '鍵コンテナーの秘密の要素' },
  'shape:crypto-constant': { weight: 0, en: 'a cryptographic key, IV or salt fixed in the code', ja: 'コードに固定された暗号鍵・IV・ソルト' },
};

const PATH_WEIGHTS: Readonly<Record<PathClass, Feature>> = {
  product: { weight: 0, en: 'in product code', ja: '製品コードにある' },
  test: { weight: -2, en: 'in test code', ja: 'テストコードにある' },
  docs: { weight: -1, en: 'in documentation or examples', ja: 'ドキュメント・サンプルにある' },
  vendored: { weight: -1, en: 'in vendored third-party code', ja: '同梱された外部のコードにある' },
};

/** At or above: high. */
const HIGH = 4;
/** At or above (and below `HIGH`): medium; below: low. */
const MEDIUM = 2;

export function confidenceScore(evidence: readonly string[], pathClass: PathClass = 'product'): number {
  let score = PATH_WEIGHTS[pathClass].weight;
  for (const feature of evidence) score += FEATURES[feature]?.weight ?? 0;
  return score;
}

export function confidenceOf(evidence: readonly string[], pathClass: PathClass = 'product'): Confidence {
  const score = confidenceScore(evidence, pathClass);
  return score >= HIGH ? 'high' : score >= MEDIUM ? 'medium' : 'low';
}

/** The reasons, strongest first, each with the sign of its weight: `+ bound to a name that says what it is …`. */
export function confidenceReasons(evidence: readonly string[], pathClass: PathClass = 'product', locale: Locale = 'en'): string[] {
  const features = evidence.map((f) => FEATURES[f]).filter((f): f is Feature => f !== undefined);
  if (pathClass !== 'product') features.push(PATH_WEIGHTS[pathClass]);
  return features
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .map((f) => `${f.weight > 0 ? '+' : f.weight < 0 ? '−' : '·'} ${locale === 'ja' ? f.ja : f.en}`);
}

/** "medium: + bound to a name …; + the value mixes …" — one line, for text reports and hovers. */
export function confidenceSummary(confidence: Confidence, evidence: readonly string[], pathClass: PathClass = 'product', locale: Locale = 'en'): string {
  const reasons = confidenceReasons(evidence, pathClass, locale);
  const level = locale === 'ja' ? CONFIDENCE_NAMES[confidence].ja : confidence;
  return reasons.length > 0 ? `${level} (${reasons.join('; ')})` : level;
}

export const CONFIDENCE_NAMES: Readonly<Record<Confidence, { readonly en: string; readonly ja: string }>> = {
  high: { en: 'high', ja: '高' },
  medium: { en: 'medium', ja: '中' },
  low: { en: 'low', ja: '低' },
};

/**
 * Values people write when they do not mean a real secret: test and example words, famous passwords of tutorials,
 * and keyboard or counting runs (`1234`, `abcd`, `qwerty`).
 */
const PLACEHOLDER_LIKE =
  /(?<![a-z])test|test(?![a-z])|demo|sample|example|dummy|fake|mock|changeme|placeholder|secret|passw(?:or)?d|sesame|foobar|123|2345|3456|4567|5678|6789|abcd|bcde|cdef|qwer|asdf|zxcv/i;

/** How a value reads: generated, mixed, a word; and whether it looks like test or example data. Never the value itself. */
export function valueFeatures(value: string): string[] {
  const features: string[] = [];
  if (PLACEHOLDER_LIKE.test(value)) features.push('value:placeholder-like');
  let classes = 0;
  for (const re of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) if (re.test(value)) classes++;
  const bits = shannonEntropy(value);
  const hasDigitOrSymbol = /[^A-Za-z]/.test(value) && /[A-Za-z]/.test(value);
  // Words in a row (`signed encrypted cookie`, `active_record/signed_id`) read as words however long they are.
  if (/^[A-Za-z]+(?:[ _/.-][A-Za-z]+)+$/.test(value)) features.push('value:word');
  else if ((value.length >= 16 && bits >= 3.5 && classes >= 2) || (value.length >= 12 && classes >= 3 && bits >= 3.2)) features.push('value:random');
  else if (value.length >= 6 && (hasDigitOrSymbol || classes >= 3)) features.push('value:mixed');
  else features.push('value:word');
  return features;
}
