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
        try {
          const result = await scanWithRules(active, { path: target.path, text: target.code, languageId: target.languageId });
          const flagged = result.findings.filter((f) => f.ruleId === compiled.rule.id);
          if (expectation === 'bad' && flagged.length === 0) {
            problems.push(entry.source.problemAt(at, `${compiled.rule.id}: bad example ${i + 1} is not flagged by the rule`, 'error', 'value'));
          } else if (expectation === 'good' && flagged.length > 0) {
            const line = flagged[0].range.start.line + 1;
            problems.push(entry.source.problemAt(at, `${compiled.rule.id}: good example ${i + 1} is flagged (line ${line} of the example: ${flagged[0].message})`, 'error', 'value'));
          }
        } catch (err) {
          problems.push(entry.source.problemAt(at, `${compiled.rule.id}: example ${i + 1} could not be scanned: ${(err as Error).message}`, 'error', 'value'));
        }
      }
    }
  }
  return problems;
}
