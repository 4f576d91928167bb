/**
 * `rulebook explain [FILE]`: the effective rulebook — every rule with its kind, severity, languages and the file and
 * line that defined it — and, for a file, which rules apply to it, where each setting came from (rule, overrides,
 * path sections, in the order they applied), and why the others do not apply.
 */
import { existsSync, statSync } from 'fs';
import * as path from 'path';
import { Finding, LANGUAGE_IDS, LanguageId, Rulebook, confidenceReasons, hiddenByDefault, isGating, languageForPath, relativePath, resolveLanguageName, scanFile } from '../../engine';
import { PATH_CLASSES, PATH_CLASS_NAMES, classReasonText } from '../../engine/path-classes';
import { DEFAULT_CLASS_TREATMENT, NotApplied, RuleDecision, Setting, SettingStep } from '../../engine/rulebook/effective-rule';
import { displayLocation, displayPath } from '../display-path';
import { Output } from '../output';
import { UsageError, loadForCommand } from './load';

export interface ExplainOptions {
  readonly rulebook?: string;
  readonly format: string;
  readonly language?: string;
}

const SETTING_ORDER: readonly Setting[] = ['enabled', 'severity', 'message', 'include', 'exclude', 'allow'];

interface Subject {
  readonly path: string;
  readonly languageId: LanguageId;
}

function languagesOf(decision: RuleDecision): string {
  const languages = decision.compiled.rule.languages;
  return languages && languages.length > 0 ? languages.join(', ') : 'all';
}

function origin(decision: RuleDecision): string {
  const source = decision.compiled.source;
  return displayLocation(`${source.file}:${source.line}`);
}

function reasonText(reason: NotApplied, subject: Subject | undefined): string {
  switch (reason.reason) {
    case 'language':
      return `language: the rule is for ${reason.languages.join(', ')}${subject ? `; this file is ${subject.languageId}` : ''}`;
    case 'disabled':
      return `disabled by \`${reason.step.via}\` at ${displayLocation(reason.step.from)}`;
    case 'class':
      return `not reported in ${PATH_CLASS_NAMES[reason.pathClass].en} (\`${reason.step.via}\` from ${displayLocation(reason.step.from)})`;
    case 'include':
      return `paths: not in include ${JSON.stringify(reason.globs)} (from ${reason.step.via} at ${displayLocation(reason.step.from)})`;
    case 'exclude':
      return `paths: excluded by "${reason.glob}" (from ${reason.step.via} at ${displayLocation(reason.step.from)})`;
  }
}

/** `severity: error (the rule, builtin:…:5) → warning (overrides: c.*, .secure-coding/rulebook.yaml:12)`. */
function historyLines(trail: readonly SettingStep[]): string[] {
  const lines: string[] = [];
  for (const setting of SETTING_ORDER) {
    const steps = trail.filter((s) => s.setting === setting);
    if (steps.length === 0 || (setting === 'severity' && steps.length === 1)) continue;
    lines.push(`${setting}: ${steps.map((s) => `${s.value} (${s.via}, ${displayLocation(s.from)})`).join(' → ')}`);
  }
  return lines;
}

/** The classes where a rule does not simply report (`test: off, docs: info`), or `-`. */
function classesOf(decision: RuleDecision): string {
  const changed = PATH_CLASSES.filter((c) => decision.classes[c] !== 'report');
  return changed.map((c) => `${c}: ${decision.classes[c]}`).join(', ') || '-';
}

function classLine(rulebook: Rulebook, subject: Subject): string {
  const classification = rulebook.classify(subject.path);
  return `class: ${classification.pathClass} (${PATH_CLASS_NAMES[classification.pathClass].en}) — ${classReasonText(classification, 'en', displayLocation)}`;
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i].length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
}

function sectionSummary(rulebook: Rulebook): string[] {
  const rows = rulebook.config.pathSections.map((s) => {
    const { glob, section } = s.value;
    const parts = [
      section.disable?.length ? `disable: ${section.disable.join(', ')}` : '',
      section.enable?.length ? `enable: ${section.enable.join(', ')}` : '',
      section.severity ? `severity: ${section.severity}` : '',
      section.overrides ? `overrides: ${Object.keys(section.overrides).join(', ')}` : '',
    ].filter(Boolean);
    return [`  "${glob}"`, displayLocation(s.from), parts.join('; ')];
  });
  return table(rows);
}

/** The files in the order they apply, the default rulebook's many files shown as one entry. */
function filesLine(rulebook: Rulebook): string {
  const shown: string[] = [];
  let builtin = 0;
  for (const file of rulebook.files) {
    const name = displayPath(file);
    if (!name.startsWith('builtin:')) shown.push(name);
    else if (builtin++ === 0) shown.push('builtin:default');
  }
  return shown.map((name) => (name === 'builtin:default' ? `builtin:default (${builtin} file${builtin === 1 ? '' : 's'})` : name)).join(' → ') || 'none';
}

/** How a finding of the file stands: gating or not, hidden by default or not. */
function findingStanding(rulebook: Rulebook, f: Finding): string {
  const policy = rulebook.config.review;
  if (isGating(f, policy)) return 'gates';
  return hiddenByDefault(f, policy) ? 'does not gate; hidden unless --show-low-confidence' : 'does not gate';
}

/**
 * The file's findings as a scan reports them, each with its confidence and the reasons for it (secret findings), so
 * a reviewer sees why a finding is where it is. Messages are masked as in every output.
 */
function findingLines(rulebook: Rulebook, findings: readonly Finding[]): string[] {
  const out = ['', `findings (${findings.length}):`];
  for (const f of findings) {
    const confidence = f.confidence ? `, ${f.confidence} confidence` : '';
    out.push(`  ${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.ruleId}  ${f.severity}${confidence} (${findingStanding(rulebook, f)})`);
    for (const reason of f.confidence ? confidenceReasons(f.evidence ?? [], f.pathClass) : []) out.push(`      ${reason}`);
  }
  return out;
}

function formatText(rulebook: Rulebook, decisions: readonly RuleDecision[], subject: Subject | undefined, rulebookFile: string | undefined, findings?: readonly Finding[]): string {
  const out: string[] = [];
  out.push(`rulebook: ${rulebookFile ? displayPath(rulebookFile) : 'builtin:default (no .secure-coding/rulebook.yaml found)'}${rulebook.config.name ? ` "${rulebook.config.name}"` : ''}, version ${rulebook.config.version}`);
  out.push(`files, in the order they apply: ${filesLine(rulebook)}`);
  if (subject) {
    const sections = rulebook.sectionsFor(subject.path);
    out.push(`file: ${subject.path} (language ${subject.languageId})`);
    out.push(classLine(rulebook, subject));
    out.push(`path sections matching it: ${sections.map((s) => `"${s.value.glob}" (${displayLocation(s.from)})`).join(', ') || 'none'}`);
  }
  const applied = decisions.filter((d) => d.active);
  const notApplied = decisions.filter((d) => !d.active);
  out.push('');
  out.push(subject ? `applies (${applied.length}):` : `rules (${applied.length} on, ${notApplied.length} off):`);
  // The rulebook-wide view says what each rule means outside product code; a file's view says it in the history.
  const rows = applied.map((d) => ['  ' + d.compiled.rule.id, d.compiled.rule.kind, d.active!.severity, origin(d), languagesOf(d), ...(subject ? [] : [classesOf(d)])]);
  const rendered = table(rows);
  applied.forEach((d, i) => {
    out.push(rendered[i]);
    for (const line of historyLines(d.trail)) out.push(`      ${line}`);
  });
  if (notApplied.length > 0) {
    out.push('');
    out.push(subject ? `does not apply (${notApplied.length}):` : 'off everywhere:');
    const width = Math.max(...notApplied.map((d) => d.compiled.rule.id.length));
    for (const d of notApplied) out.push(`  ${d.compiled.rule.id.padEnd(width)}  ${reasonText(d.notApplied!, subject)}`);
  }
  if (!subject) {
    const defaults = PATH_CLASSES.filter((c) => DEFAULT_CLASS_TREATMENT[c] !== 'report').map((c) => `${c}: ${DEFAULT_CLASS_TREATMENT[c]}`);
    out.push('');
    out.push(`the last column says what a rule means outside product code (\`classes\`; a class not set keeps its default, ${defaults.join(', ')}); \`rulebook explain FILE\` shows a file's class and why`);
    for (const g of rulebook.config.pathClasses.globs) out.push(`  path_classes.${g.value.pathClass}: "${g.value.glob}" (${displayLocation(g.from)})`);
    for (const c of rulebook.config.pathClasses.conventionsOff) out.push(`  path_classes.${c}: built-in conventions off`);
  }
  if (!subject && rulebook.config.pathSections.length > 0) {
    out.push('');
    out.push('path sections (apply to matching files after the settings above, in this order):');
    out.push(...sectionSummary(rulebook));
  }
  if (findings) out.push(...findingLines(rulebook, findings));
  return `${out.join('\n')}\n`;
}

function formatJson(rulebook: Rulebook, decisions: readonly RuleDecision[], subject: Subject | undefined, rulebookFile: string | undefined, findings?: readonly Finding[]): string {
  const step = (s: SettingStep): object => ({ setting: s.setting, value: s.value, via: s.via, from: displayLocation(s.from) });
  return `${JSON.stringify(
    {
      rulebook: { file: rulebookFile ? displayPath(rulebookFile) : null, name: rulebook.config.name ?? null, version: rulebook.config.version, files: rulebook.files.map((f) => displayPath(f)) },
      file: subject
        ? {
            path: subject.path,
            language: subject.languageId,
            pathClass: rulebook.classify(subject.path).pathClass,
            pathClassReason: classReasonText(rulebook.classify(subject.path), 'en', displayLocation),
            sections: rulebook.sectionsFor(subject.path).map((s) => ({ glob: s.value.glob, from: displayLocation(s.from) })),
          }
        : null,
      rules: decisions.map((d) => ({
        id: d.compiled.rule.id,
        kind: d.compiled.rule.kind,
        severity: d.active?.severity ?? null,
        languages: d.compiled.rule.languages ?? null,
        origin: origin(d),
        classes: d.classes,
        applies: Boolean(d.active),
        reason: d.notApplied ? { kind: d.notApplied.reason, text: reasonText(d.notApplied, subject) } : null,
        trail: d.trail.map(step),
      })),
      findings: findings?.map((f) => ({
        ruleId: f.ruleId,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        severity: f.severity,
        message: f.message,
        confidence: f.confidence ?? null,
        confidenceReasons: f.confidence ? confidenceReasons(f.evidence ?? [], f.pathClass) : null,
        evidence: f.evidence ?? null,
        gating: isGating(f, rulebook.config.review),
        hiddenByDefault: hiddenByDefault(f, rulebook.config.review),
      })),
    },
    null,
    2,
  )}\n`;
}

function subjectFor(file: string, root: string, language: string | undefined): Subject {
  const rel = relativePath(root, path.resolve(file));
  if (language === undefined) return { path: rel, languageId: languageForPath(rel) };
  const languageId = resolveLanguageName(language);
  if (!languageId) throw new UsageError(`unknown language "${language}" (known: ${LANGUAGE_IDS.join(', ')})`);
  return { path: rel, languageId };
}

export async function explainCommand(file: string | undefined, options: ExplainOptions, output: Output): Promise<number> {
  if (options.format !== 'text' && options.format !== 'json') throw new UsageError(`unknown format "${options.format}" (use text or json)`);
  const { rulebook, choice } = await loadForCommand(output, options.rulebook);
  const subject = file === undefined ? undefined : subjectFor(file, rulebook.root, options.language);
  const decisions = rulebook.explain(subject?.path, subject?.languageId);
  const format = options.format === 'json' ? formatJson : formatText;
  // A file that exists is scanned too: its findings with their confidence and why.
  const scanned = file !== undefined && existsSync(file) && statSync(file).isFile() ? await scanFile(rulebook, path.resolve(file)) : undefined;
  output.out(format(rulebook, decisions, subject, choice.file, scanned?.findings));
  return rulebook.hasErrors ? 2 : 0;
}
