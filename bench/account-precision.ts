/**
 * Precision check for the test-account, backdoor and debug rules (guide item 8) on real code: scans folders with
 * only those rules and lists every finding with its line, so a person can label each one true or false.
 *
 *   node bench/out/account-precision.js [--rules account.,debug.] [--labels file.tsv] [--all-paths] DIR...
 *
 * Each DIR is its own workspace root, so the rules' path filters and path classes apply (test code and docs are
 * skipped as they would be in a real project). Quoted values on the printed lines of credential findings are masked. With
 * `--labels`, a TSV of `fingerprint<TAB>true|false<TAB>note` lines written earlier is applied and precision per
 * rule is printed; unlabelled findings are listed for review. `--all-paths` ignores the rules' path filters and
 * classes (test folders included), to see what they keep out.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { Finding, Rulebook, languageForFile, loadRulebook, maskSecret, scanDocument } from '@secure-coding/server';
import { scanWithRules } from '@secure-coding/server/out/engine/scanner';
import { walkFiles } from '@secure-coding/server/out/cli/walk';
import { decodeSource, DEFAULT_LIMITS } from '@secure-coding/server/out/engine/source-text';

interface Options {
  readonly prefixes: string[];
  readonly labels?: string;
  readonly allPaths: boolean;
  readonly dirs: string[];
}

function parseArgs(argv: string[]): Options {
  let prefixes = ['account.', 'debug.'];
  let labels: string | undefined;
  let allPaths = false;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rules') prefixes = argv[++i].split(',');
    else if (argv[i] === '--labels') labels = argv[++i];
    else if (argv[i] === '--all-paths') allPaths = true;
    else dirs.push(argv[i]);
  }
  if (dirs.length === 0) throw new Error('usage: account-precision [--rules a.,b.] [--labels file.tsv] DIR...');
  return { prefixes, labels, allPaths, dirs };
}

/** Credential rules print their lines with every quoted value masked: a bench never shows a password. */
const CREDENTIAL_RULES = /^account\.(?:test-account|default-credentials|backdoor-login)$/;

function printable(ruleId: string, line: string): string {
  const trimmed = line.trim().slice(0, 160);
  if (!CREDENTIAL_RULES.test(ruleId)) return trimmed;
  return trimmed.replace(/(["'`])((?:(?!\1)[^\\]|\\.)*)\1/g, (_whole, quote: string, value: string) => `${quote}${maskSecret(value)}${quote}`);
}

async function readLabels(file: string | undefined): Promise<Map<string, { ok: boolean; note: string }>> {
  const labels = new Map<string, { ok: boolean; note: string }>();
  if (!file) return labels;
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [fingerprint, verdict, note = ''] = line.split('\t');
    if (fingerprint && (verdict === 'true' || verdict === 'false')) labels.set(fingerprint, { ok: verdict === 'true', note });
  }
  return labels;
}

interface Seen {
  readonly finding: Finding;
  readonly dir: string;
  readonly line: string;
}

async function scanDir(dir: string, prefixes: string[], allPaths: boolean): Promise<{ seen: Seen[]; files: number; bytes: number; ms: number }> {
  const root = path.resolve(dir);
  const base: Rulebook = await loadRulebook({ root, checkExamples: false });
  const rulebook = new Rulebook(
    base.rules.filter((r) => prefixes.some((p) => r.rule.id.startsWith(p))),
    base.problems,
    base.config,
    root,
    base.files,
  );
  const seen: Seen[] = [];
  let files = 0;
  let bytes = 0;
  const started = Date.now();
  for await (const file of walkFiles([root], { gitignore: false })) {
    const raw = await fs.readFile(file).catch(() => undefined);
    if (!raw || raw.length > DEFAULT_LIMITS.maxFileSize) continue;
    const decoded = decodeSource(raw, DEFAULT_LIMITS);
    if ('skip' in decoded) continue;
    files++;
    bytes += raw.length;
    const rel = path.relative(root, file).split(path.sep).join('/');
    const result = allPaths
      ? await scanWithRules(rulebook.rulesFor(rel, languageForFile(rel, decoded.text), { ignorePaths: true }), { path: rel, text: decoded.text })
      : await scanDocument(rulebook, { path: rel, text: decoded.text });
    const lines = result.findings.length > 0 ? decoded.text.split('\n') : [];
    for (const finding of result.findings) seen.push({ finding, dir, line: lines[finding.range.start.line] ?? '' });
  }
  return { seen, files, bytes, ms: Date.now() - started };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const labels = await readLabels(options.labels);
  const perRule = new Map<string, { total: number; right: number; wrong: number }>();
  const unlabelled: Seen[] = [];
  for (const dir of options.dirs) {
    const { seen, files, bytes, ms } = await scanDir(dir, options.prefixes, options.allPaths);
    process.stdout.write(`# ${dir}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${seen.length} findings, ${(ms / 1000).toFixed(1)} s\n`);
    for (const s of seen) {
      const f = s.finding;
      const counts = perRule.get(f.ruleId) ?? { total: 0, right: 0, wrong: 0 };
      counts.total++;
      const label = labels.get(f.fingerprint);
      if (label?.ok === true) counts.right++;
      else if (label?.ok === false) counts.wrong++;
      else unlabelled.push(s);
      perRule.set(f.ruleId, counts);
      const verdict = label ? (label.ok ? 'TRUE ' : 'FALSE') : '?    ';
      process.stdout.write(`${verdict} ${f.fingerprint.slice(0, 16)} ${f.ruleId} ${s.dir}/${f.path}:${f.range.start.line + 1}\n      ${printable(f.ruleId, s.line)}\n`);
    }
  }
  process.stdout.write('\nrule\tfindings\ttrue\tfalse\tunlabelled\n');
  for (const [rule, c] of [...perRule].sort()) {
    process.stdout.write(`${rule}\t${c.total}\t${c.right}\t${c.wrong}\t${c.total - c.right - c.wrong}\n`);
  }
  if (unlabelled.length > 0 && options.labels) process.stdout.write(`\n${unlabelled.length} findings have no label in ${options.labels}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 2;
});
