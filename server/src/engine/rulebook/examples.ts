/**
 * Every rule's `examples` run when the rulebook loads: a `bad` example the rule does not flag, or a `good` one it
 * does, is an error at that example's line. This keeps rules honest as they are edited.
 */
import { LANGUAGES, LanguageId, resolveLanguageName } from '../languages';
import { scanWithRules } from '../scanner';
import { CompiledRule } from './rulebook';
import { Rule, RuleExample } from './types';
import { KeyPath, RulebookProblem, YamlSource } from './yaml-source';

const EXTENSION: Partial<Record<LanguageId, string>> = {
  c: 'c', cpp: 'cpp', javascript: 'js', typescript: 'ts', tsx: 'tsx', python: 'py', java: 'java', go: 'go',
  csharp: 'cs', php: 'php', ruby: 'rb', shell: 'sh', dotenv: 'env', ini: 'ini', properties: 'properties',
  yaml: 'yaml', json: 'json', xml: 'xml', toml: 'toml', dockerfile: 'dockerfile', text: 'txt',
};

function exampleTarget(rule: Rule, example: RuleExample | string): { path: string; languageId: LanguageId; code: string } {
  const ex: RuleExample = typeof example === 'string' ? { code: example } : example;
  const languageName = ex.language ?? rule.languages?.[0] ?? 'text';
  const languageId = resolveLanguageName(languageName) ?? 'text';
  const path = ex.path ?? `example.${EXTENSION[languageId] ?? 'txt'}`;
  return { path, languageId: LANGUAGES[languageId].id, code: ex.code };
}

/** The offset of a zero-based line and UTF-16 column in a text. */
function offsetOf(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}

export async function checkExamples(
  rules: readonly CompiledRule[],
  entries: readonly { rule: Rule; source: YamlSource; keyPath: KeyPath }[],
): Promise<RulebookProblem[]> {
  const problems: RulebookProblem[] = [];
  for (const compiled of rules) {
    const entry = entries.find((e) => e.rule === compiled.rule);
    const examples = compiled.rule.examples;
    if (!entry || !examples) continue;
    const active = [{ compiled, severity: compiled.rule.severity }];
    for (const expectation of ['bad', 'good'] as const) {
      const list = examples[expectation] ?? [];
      for (let i = 0; i < list.length; i++) {
        const target = exampleTarget(compiled.rule, list[i]);
        const at: KeyPath = [...entry.keyPath, 'examples', expectation, i];
        const codeAt: KeyPath = typeof list[i] === 'string' ? at : [...at, 'code'];
        try {
          const result = await scanWithRules(active, { path: target.path, text: target.code, languageId: target.languageId });
          const flagged = result.findings.filter((f) => f.ruleId === compiled.rule.id);
          if (expectation === 'bad' && flagged.length === 0) {
            problems.push(entry.source.problemAt(at, `${compiled.rule.id}: bad example ${i + 1} is not flagged by the rule`, 'error', 'value'));
          } else if (expectation === 'good' && flagged.length > 0) {
            // Point at the flagged text inside the example, so the line in the rulebook is the line to look at.
            const first = flagged[0];
            const offset = offsetOf(target.code, first.range.start);
            const length = offsetOf(target.code, first.range.end) - offset;
            const message = `${compiled.rule.id}: good example ${i + 1} is flagged (line ${first.range.start.line + 1} of the example: ${first.message})`;
            problems.push(entry.source.problemInValue(codeAt, offset, length, message));
          }
        } catch (err) {
          problems.push(entry.source.problemAt(at, `${compiled.rule.id}: example ${i + 1} could not be scanned: ${(err as Error).message}`, 'error', 'value'));
        }
      }
    }
  }
  return problems;
}
