/**
 * Why the scanner parses the files it parses: for every rule of the default (or a given) rulebook, how many files
 * and bytes its prefilter lets through to a parse, and how many of them no other rule would have parsed. A parse
 * (and the facts read after it) is most of a scan's cost, so this is where a slow rule shows: a lead's rule
 * without `keywords`, or a prefilter that passes on common words.
 *
 *   npm run build && node bench/out/parse-reasons.js DIR... [--rulebook FILE] [--files N]
 *
 * `--files N` also lists the N largest parsed files with the rules that wanted each parse.
 */
import * as path from 'path';
import { loadRulebook, relativePath } from '@secure-coding/server';
import { prefilterInput } from '@secure-coding/server/out/engine/kinds/kind';
import { hasGrammar } from '@secure-coding/server/out/engine/languages';
import { prefilterParsed } from '@secure-coding/server/out/engine/scanner';
import { sourceFiles } from './source-files';

interface RuleCount {
  files: number;
  bytes: number;
  /** Files only this rule made the scanner parse. */
  alone: number;
  aloneBytes: number;
  prefilterMs: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--rulebook');
  const rulebookFile = at >= 0 ? path.resolve(args.splice(at, 2)[1]) : undefined;
  const filesAt = args.indexOf('--files');
  const listFiles = filesAt >= 0 ? Number(args.splice(filesAt, 2)[1]) : 0;
  const parsedFiles: { rel: string; bytes: number; reasons: string[] }[] = [];
  if (args.length === 0) throw new Error('usage: parse-reasons DIR... [--rulebook FILE]');
  const root = path.resolve(args[0]);
  const rulebook = await loadRulebook({ rulebookFile, root, checkExamples: false });
  const perRule = new Map<string, RuleCount>();
  let files = 0;
  let bytes = 0;
  let parsed = 0;
  let parsedBytes = 0;
  for await (const { file, text, languageId } of sourceFiles(args, (f) => relativePath(root, f))) {
    const rel = relativePath(root, file);
    files++;
    bytes += text.length;
    const input = prefilterInput(text, prefilterParsed(languageId));
    const reasons: string[] = [];
    for (const rule of rulebook.rulesFor(rel, languageId)) {
      const id = rule.compiled.rule.id;
      const count = perRule.get(id) ?? { files: 0, bytes: 0, alone: 0, aloneBytes: 0, prefilterMs: 0 };
      perRule.set(id, count);
      const started = process.hrtime.bigint();
      const passes = rule.compiled.matcher.prefilter(input);
      count.prefilterMs += Number(process.hrtime.bigint() - started) / 1e6;
      if (!passes || !rule.compiled.matcher.needsTree || !hasGrammar(languageId)) continue;
      count.files++;
      count.bytes += text.length;
      reasons.push(id);
    }
    if (reasons.length === 0) continue;
    parsed++;
    parsedBytes += text.length;
    if (listFiles > 0) parsedFiles.push({ rel, bytes: text.length, reasons });
    if (reasons.length === 1) {
      perRule.get(reasons[0])!.alone++;
      perRule.get(reasons[0])!.aloneBytes += text.length;
    }
  }
  const mb = (n: number): string => (n / 1e6).toFixed(1);
  const rows = [...perRule.entries()].filter(([, c]) => c.files > 0 || c.prefilterMs > 50).sort((a, b) => b[1].aloneBytes - a[1].aloneBytes || b[1].bytes - a[1].bytes);
  const out = [
    `${files} files, ${mb(bytes)} MB; parsed: ${parsed} files, ${mb(parsedBytes)} MB (${((100 * parsedBytes) / Math.max(1, bytes)).toFixed(0)}% of the bytes)`,
    `${'rule'.padEnd(36)} ${'parses'.padStart(7)} ${'MB'.padStart(6)} ${'alone'.padStart(6)} ${'MB'.padStart(6)} ${'prefilter ms'.padStart(13)}`,
    ...rows.map(([id, c]) =>
      `${id.padEnd(36)} ${String(c.files).padStart(7)} ${mb(c.bytes).padStart(6)} ${String(c.alone).padStart(6)} ${mb(c.aloneBytes).padStart(6)} ${c.prefilterMs.toFixed(0).padStart(13)}`,
    ),
  ];
  const largest = parsedFiles.sort((a, b) => b.bytes - a.bytes).slice(0, listFiles);
  if (largest.length > 0) out.push('', 'largest parsed files:', ...largest.map((f) => `${mb(f.bytes).padStart(6)} MB  ${f.rel}  ${f.reasons.join(' ')}`));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(2);
});
