/**
 * A smoke run of the default rulebook over real trees, per language: how many files of each language there are, how
 * many the prefilters send to a parse, how many of all of them the grammar parses with errors (findings then come from
 * the parts that parse), the scan's time, and the findings by rule and path class with their place, for a hand check.
 *
 *   npm run build && node bench/out/language-smoke.js DIR... [--languages kotlin,swift] [--list N] [--rulebook FILE]
 *
 * It fetches nothing: give it trees that hold the languages to check. `--list N` prints up to N findings per rule
 * (path:line, path class and message; a secret's value is masked in the message as in every output). A rulebook
 * that extends the default one and reports every path class (`overrides: { all: { classes: { test: info, docs: info,
 * vendored: info } } }`) shows what the rules find in tests and examples too.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { loadRulebook, relativePath, scanDocument } from '@secure-coding/server';
import { parserFor } from '@secure-coding/server/out/engine/grammars';
import { prefilterInput } from '@secure-coding/server/out/engine/kinds/kind';
import { hasGrammar } from '@secure-coding/server/out/engine/languages';
import { prefilterParsed } from '@secure-coding/server/out/engine/scanner';
import { sourceFiles } from './source-files';

interface LanguageCount {
  files: number;
  bytes: number;
  parsed: number;
  partial: number;
  ms: number;
}

async function main(): Promise<void> {
  let args = process.argv.slice(2);
  const languagesAt = args.indexOf('--languages');
  const only = languagesAt >= 0 ? new Set(args.splice(languagesAt, 2)[1].split(',')) : undefined;
  const rulebookAt = args.indexOf('--rulebook');
  const rulebookFile = rulebookAt >= 0 ? path.resolve(args.splice(rulebookAt, 2)[1]) : undefined;
  const listAt = args.indexOf('--list');
  const list = listAt >= 0 ? Number(args.splice(listAt, 2)[1]) : 0;
  if (args.length === 0) {
    process.stdout.write('usage: language-smoke DIR... [--languages kotlin,swift] [--list N] (no tree given: nothing to do)\n');
    return;
  }
  // A tree that is not there is skipped with a note (this benchmark fetches nothing).
  const missing = args.filter((dir) => !existsSync(dir));
  for (const dir of missing) process.stdout.write(`skipped: no tree at ${dir}\n`);
  args = args.filter((dir) => existsSync(dir));
  if (args.length === 0) return;
  const root = path.resolve(args[0]);
  const rulebook = await loadRulebook({ root, rulebookFile, checkExamples: false });
  const perLanguage = new Map<string, LanguageCount>();
  const perRule = new Map<string, { count: number; byClass: Map<string, number>; samples: string[] }>();

  for await (const { file, text, languageId } of sourceFiles(args, (f) => relativePath(root, f))) {
    if (!hasGrammar(languageId) || (only && !only.has(languageId))) continue;
    const rel = relativePath(root, file);
    const count = perLanguage.get(languageId) ?? { files: 0, bytes: 0, parsed: 0, partial: 0, ms: 0 };
    perLanguage.set(languageId, count);
    count.files++;
    count.bytes += text.length;
    const rules = rulebook.rulesFor(rel, languageId);
    const input = prefilterInput(text, prefilterParsed(languageId));
    if (rules.some((rule) => rule.compiled.matcher.needsTree && rule.compiled.matcher.prefilter(input))) count.parsed++;
    const started = process.hrtime.bigint();
    const result = await scanDocument(rulebook, { path: rel, text, languageId });
    count.ms += Number(process.hrtime.bigint() - started) / 1e6;
    // The grammar's quality on this tree: every file parsed, whether a rule needed it or not.
    const tree = (await parserFor(languageId)).parse(text);
    if (tree?.rootNode.hasError) count.partial++;
    tree?.delete();
    for (const finding of result.findings) {
      if (finding.suppression) continue;
      const rule = perRule.get(finding.ruleId) ?? { count: 0, byClass: new Map<string, number>(), samples: [] as string[] };
      perRule.set(finding.ruleId, rule);
      rule.count++;
      const pathClass = finding.pathClass ?? 'product';
      rule.byClass.set(pathClass, (rule.byClass.get(pathClass) ?? 0) + 1);
      if (rule.samples.length < list) rule.samples.push(`${rel}:${finding.range.start.line + 1} [${pathClass}] ${finding.message.slice(0, 140)}`);
    }
  }
  process.stdout.write('language     files   parsed  with errors      KB  scan ms\n');
  for (const [id, c] of [...perLanguage].sort()) {
    process.stdout.write(`${id.padEnd(10)} ${String(c.files).padStart(7)} ${String(c.parsed).padStart(8)} ${String(c.partial).padStart(12)} ${(c.bytes / 1000).toFixed(0).padStart(7)} ${c.ms.toFixed(0).padStart(6)}\n`);
  }
  process.stdout.write('\nfindings by rule (by path class)\n');
  for (const [id, r] of [...perRule].sort((a, b) => b[1].count - a[1].count)) {
    process.stdout.write(`  ${id.padEnd(36)} ${String(r.count).padStart(5)}  ${[...r.byClass].map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    for (const sample of r.samples) process.stdout.write(`      ${sample}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
