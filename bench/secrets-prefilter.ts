/**
 * How often the secret and IP rules make a file need a syntax tree. A name-aware rule only needs the tree when its
 * keyword appears near a quote; a provider pattern never does. This counts, over real trees (node_modules,
 * /usr/include…), the files each rule lets through its prefilter, the files that would be parsed because of these
 * rules, and the same with the keyword test alone, so the quote test's effect is measured, not assumed.
 *
 *   npm run build && node bench/out/secrets-prefilter.js node_modules /usr/include
 */
import * as path from 'path';
import { loadRulebook } from '@secure-coding/server';
import { hasGrammar } from '@secure-coding/server/out/engine/languages';
import { prefilterInput } from '@secure-coding/server/out/engine/kinds/kind';
import { prefilterParsed } from '@secure-coding/server/out/engine/scanner';
import { sourceFiles } from './source-files';

const ROOT = path.resolve(__dirname, '../..');

interface Counts {
  files: number;
  bytes: number;
  parsedNearQuote: number;
  parsedKeywordOnly: number;
  perRule: Map<string, number>;
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) throw new Error('usage: secrets-prefilter DIR...');
  const rulebook = await loadRulebook({ root: ROOT });
  const counts: Counts = { files: 0, bytes: 0, parsedNearQuote: 0, parsedKeywordOnly: 0, perRule: new Map() };
  const started = Date.now();
  let prefilterMs = 0;
  for await (const { file, size, text, languageId } of sourceFiles(dirs)) {
    if (!hasGrammar(languageId)) continue;
    counts.files++;
    counts.bytes += size;
    const rules = rulebook.rulesFor(file, languageId).filter((r) => /^(?:secret|network)\./.test(r.compiled.rule.id));
    const t = process.hrtime.bigint();
    const input = prefilterInput(text, prefilterParsed(languageId));
    let nearQuote = false;
    for (const rule of rules) {
      if (!rule.compiled.matcher.needsTree || !rule.compiled.matcher.prefilter(input)) continue;
      nearQuote = true;
      counts.perRule.set(rule.compiled.rule.id, (counts.perRule.get(rule.compiled.rule.id) ?? 0) + 1);
    }
    prefilterMs += Number(process.hrtime.bigint() - t) / 1e6;
    // The same rules with the keyword test alone: what the tree count would be without the quote test.
    const keywordOnly = rules.some((rule) => {
      if (!rule.compiled.matcher.needsTree) return false;
      const keywords = 'keywords' in rule.compiled.rule ? (rule.compiled.rule.keywords as string[] | undefined) : undefined;
      return rule.compiled.matcher.prefilter({ ...input, parsed: false }) || (keywords ?? []).some((k) => input.lower.includes(k.toLowerCase()));
    });
    if (nearQuote) counts.parsedNearQuote++;
    if (keywordOnly) counts.parsedKeywordOnly++;
  }
  const pct = (n: number): string => `${((100 * n) / Math.max(1, counts.files)).toFixed(1)}%`;
  const out = [
    `${counts.files} source files with a grammar, ${(counts.bytes / 1e6).toFixed(1)} MB, in ${dirs.join(', ')} (${Date.now() - started} ms, prefilters ${prefilterMs.toFixed(0)} ms)`,
    `  need a tree for the secret/IP rules (keyword near a quote): ${counts.parsedNearQuote} (${pct(counts.parsedNearQuote)})`,
    `  would need one with the keyword test alone:                ${counts.parsedKeywordOnly} (${pct(counts.parsedKeywordOnly)})`,
    '  per rule:',
    ...[...counts.perRule.entries()].sort((a, b) => b[1] - a[1]).map(([id, n]) => `    ${id.padEnd(32)} ${String(n).padStart(6)} (${pct(n)})`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
