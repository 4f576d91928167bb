/**
 * A rule's documentation as Markdown, in English or Japanese: for hovers (short) and for the documentation view
 * (full, with examples). Everything comes from the rule's own data in the rulebook.
 */
import * as path from 'path';
import { CompiledRule, Finding, FindingReview, Locale, PATH_CLASS_NAMES, PathClassification, classReasonText, confidenceSummary, localize, reviewHover } from '../engine';
import { cweUri } from './diagnostics';
import { text } from './texts';

type Example = string | { readonly code: string; readonly language?: string; readonly path?: string };

/** Inline code that survives any backticks inside it. */
function code(value: string): string {
  const fence = '`'.repeat((value.match(/`+/g) ?? ['']).reduce((n, run) => Math.max(n, run.length), 0) + 1);
  return `${fence}${value.startsWith('`') ? ' ' : ''}${value}${value.endsWith('`') ? ' ' : ''}${fence}`;
}

function cweLinks(cwe: readonly number[]): string {
  return cwe.map((n) => `[CWE-${n}](${cweUri(n)})`).join(', ');
}

function guideLine(rule: CompiledRule, locale: Locale): string | undefined {
  if (rule.rule.guide === 7) return text('guideItem7', locale);
  if (rule.rule.guide === 8) return text('guideItem8', locale);
  return undefined;
}

function references(rule: CompiledRule, cwe: readonly number[], locale: Locale): string {
  const parts = [cwe.length > 0 ? cweLinks(cwe) : undefined, guideLine(rule, locale), rule.rule.helpUri ? `[${rule.rule.helpUri}](${rule.rule.helpUri})` : undefined];
  return parts.filter(Boolean).join(' · ');
}

/** The hover over a flagged range: the finding's message, then the rule's rationale, fix and references. */
export function hoverMarkdown(finding: Finding, rule: CompiledRule | undefined, locale: Locale, where?: PathClassification): string {
  const message = (locale === 'ja' ? finding.messageJa : undefined) ?? finding.message;
  const lines = [`**${code(finding.ruleId)}** ${message}`];
  // Outside product code, say which class the file is in and why: it is why the severity may differ.
  if (where && where.pathClass !== 'product') lines.push(`**${text('pathClassLabel', locale)}:** ${PATH_CLASS_NAMES[where.pathClass][locale]} — ${classReasonText(where, locale)}`);
  // How sure the finding is and why, feature by feature (never the value itself).
  if (finding.confidence) lines.push(`**${text('confidenceLabel', locale)}:** ${confidenceSummary(finding.confidence, finding.evidence ?? [], finding.pathClass, locale)}`);
  if (rule) {
    const rationale = localize(rule.rule.rationale, locale);
    if (rationale) lines.push(`**${text('rationale', locale)}:** ${rationale}`);
    const fix = localize(rule.rule.fix, locale);
    if (fix) lines.push(`**${text('howToFix', locale)}:** ${fix}`);
  }
  const refs = rule ? references(rule, finding.cwe, locale) : cweLinks(finding.cwe);
  if (refs) lines.push(refs);
  return lines.join('\n\n');
}

/** Text written by people (a justification) shown as text on one line: no links, code, emphasis or HTML of its own. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** The review line under a finding's hover ("Approved by Bob Sato on …"), or nothing. */
export function reviewHoverMarkdown(review: FindingReview | undefined, locale: Locale): string {
  const line = review && reviewHover(review, locale);
  return line ? `\n\n**${text('reviewLabel', locale)}:** ${escapeMarkdown(line)}` : '';
}

function fenceLanguage(example: Example, rule: CompiledRule): string {
  if (typeof example === 'object') {
    if (example.language) return example.language;
    if (example.path) return path.extname(example.path).slice(1);
  }
  return rule.rule.languages?.[0] ?? '';
}

function exampleBlock(example: Example, rule: CompiledRule): string {
  const source = typeof example === 'string' ? example : example.code;
  const fence = '`'.repeat(Math.max(3, ...(source.match(/`{3,}/g) ?? []).map((run) => run.length + 1)));
  return `${fence}${fenceLanguage(example, rule)}\n${source.replace(/\n$/, '')}\n${fence}`;
}

/** The full documentation of a rule. */
export function ruleDocumentation(rule: CompiledRule, locale: Locale): string {
  const r = rule.rule;
  const out = [`# ${r.id}`, `**${text('severity', locale)}:** ${r.severity}`];
  const rationale = localize(r.rationale, locale);
  if (rationale) out.push(`## ${text('rationale', locale)}`, rationale);
  const fix = localize(r.fix, locale);
  if (fix) out.push(`## ${text('howToFix', locale)}`, fix);
  const refs = references(rule, r.cwe ?? [], locale);
  if (refs) out.push(refs);
  const bad = (r.examples?.bad ?? []) as readonly Example[];
  const good = (r.examples?.good ?? []) as readonly Example[];
  if (bad.length + good.length > 0) {
    out.push(`## ${text('examples', locale)}`);
    if (bad.length > 0) out.push(`**${text('bad', locale)}**`, ...bad.map((e) => exampleBlock(e, rule)));
    if (good.length > 0) out.push(`**${text('good', locale)}**`, ...good.map((e) => exampleBlock(e, rule)));
  }
  const origin = rule.origin === 'builtin' ? text('builtin', locale) : `${path.basename(rule.source.file)}:${rule.source.line}`;
  out.push(`*${text('definedIn', locale)}: ${origin}*`);
  return out.join('\n\n');
}
