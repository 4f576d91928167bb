/**
 * Precision on real code: what a reviewer who must sign off every gating finding is asked to read, tree by tree.
 *
 *   node bench/out/precision.js [--cli server/bin/rulebook.js] [--labels bench/labels] [--out run.json]
 *                               [--compare before.json] [--sample N --seed S --sample-out todo.tsv]
 *                               [--from run.json] TREE...
 *
 * Each TREE (e.g. /work/corpora/*) is scanned by the CLI as its own workspace (`rulebook scan --format json`, the
 * built-in rulebook, the tree's .gitignore honoured) and every finding's path is put in its class (product, test,
 * docs, vendored) by the engine's conventions. A finding gates when the CLI says so (`gating` in its JSON); the
 * output of a CLI from before path classes existed has no such field, and then every unsuppressed error or warning
 * gates, as its exit code did. `--cli` runs another build (a checkout of an earlier commit) for a before/after pair.
 *
 * Reported per tree and in total: lines per class; gating findings by rule family and class; gating findings per
 * 10,000 lines of tests and docs; gating findings by rule. With labels (`bench/labels/<tree>.json`: hand-labelled
 * findings — repo, path, line, rule, verdict, reason; no source), precision per rule of the gating findings in
 * product code, and the labelled true findings that no longer gate (a recall loss to look at). `--compare` prints
 * the change from an earlier run's `--out`. `--sample` lists unlabelled gating findings to label, stratified by
 * rule family, tree and class (values on credential lines masked). `--from` reads an earlier run's `--out` instead of
 * scanning again (to label or to apply new labels).
 *
 * A tree that does not exist is skipped with a note: the bench fetches nothing.
 */
import { spawnSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { PathClass, PATH_CLASSES, classifyByConvention, maskSecret } from '@secure-coding/server';
import { walkFiles } from '@secure-coding/server/out/cli/walk';
import { DEFAULT_LIMITS } from '@secure-coding/server/out/engine/source-text';

/** The rule families the issue's targets are about, and C's copy rules. */
const FAMILIES: readonly { readonly name: string; readonly test: RegExp }[] = [
  { name: 'secret', test: /^secret\./ },
  { name: 'ip', test: /^network\./ },
  { name: 'account', test: /^account\./ },
  { name: 'debug', test: /^debug\./ },
  { name: 'c-copy', test: /^c\.(?:risky\.(?:memcpy|strncpy|strncat)|banned\.(?:strcpy|strcat|sprintf|vsprintf))$/ },
  { name: 'c-other', test: /^c\./ },
  { name: 'other', test: /./ },
];
const TARGET_FAMILIES = ['secret', 'ip', 'account', 'debug'];

export function familyOf(ruleId: string): string {
  return FAMILIES.find((f) => f.test.test(ruleId))!.name;
}

interface JsonFinding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly path: string;
  readonly start: { readonly line: number; readonly column: number };
  readonly suppression?: unknown;
  readonly gating?: boolean;
  readonly pathClass?: PathClass;
}

interface Finding {
  readonly tree: string;
  readonly ruleId: string;
  readonly family: string;
  readonly path: string;
  readonly line: number;
  readonly pathClass: PathClass;
  readonly gating: boolean;
  readonly severity: string;
}

export interface Label {
  readonly path: string;
  readonly line: number;
  readonly rule: string;
  readonly verdict: 'true' | 'false';
  readonly reason: string;
  /** A short name for the kind of false alarm (`code-as-value`, `test-data`…), to count what remains. */
  readonly class?: string;
}

interface LabelFile {
  readonly repo: string;
  readonly commit: string;
  readonly labels: Label[];
}

interface TreeResult {
  readonly tree: string;
  readonly lines: Record<PathClass, number>;
  readonly findings: Finding[];
}

interface Options {
  cli: string;
  labels: string;
  out?: string;
  compare?: string;
  sample: number;
  seed: number;
  sampleOut?: string;
  from?: string;
  trees: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { cli: path.resolve(__dirname, '../../server/bin/rulebook.js'), labels: path.resolve(__dirname, '../labels'), sample: 0, seed: 1, trees: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--cli') options.cli = path.resolve(value());
    else if (arg === '--labels') options.labels = path.resolve(value());
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--compare') options.compare = path.resolve(value());
    else if (arg === '--sample') options.sample = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--sample-out') options.sampleOut = path.resolve(value());
    else if (arg === '--from') options.from = path.resolve(value());
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.trees.push(path.resolve(arg));
  }
  return options;
}

function scanTree(cli: string, tree: string): JsonFinding[] {
  const run = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', '--exit-zero', '--quiet', '.'], { cwd: tree, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`scan of ${tree} failed (exit ${String(run.status)}): ${run.stderr}`);
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

/** Lines of the text files a scan reads (the same walk, the same size limit), per class. */
async function linesPerClass(tree: string): Promise<Record<PathClass, number>> {
  const lines: Record<PathClass, number> = { product: 0, test: 0, docs: 0, vendored: 0 };
  for await (const file of walkFiles([tree], { gitignore: true })) {
    const stat = await fs.stat(file);
    if (stat.size > DEFAULT_LIMITS.maxFileSize) continue;
    const bytes = await fs.readFile(file);
    if (bytes.includes(0)) continue;
    let count = 0;
    for (const byte of bytes) if (byte === 10) count++;
    const rel = path.relative(tree, file).split(path.sep).join('/');
    lines[classifyByConvention(rel).pathClass] += count;
  }
  return lines;
}

async function runTree(cli: string, tree: string): Promise<TreeResult> {
  const name = path.basename(tree);
  const findings = scanTree(cli, tree).map((f) => ({
    tree: name,
    ruleId: f.ruleId,
    family: familyOf(f.ruleId),
    path: f.path,
    line: f.start.line,
    pathClass: f.pathClass ?? classifyByConvention(f.path).pathClass,
    gating: f.gating !== undefined ? f.gating && !f.suppression : f.severity !== 'info' && !f.suppression,
    severity: f.severity,
  }));
  return { tree: name, lines: await linesPerClass(tree), findings };
}

async function readLabels(dir: string): Promise<Map<string, LabelFile>> {
  const files = new Map<string, LabelFile>();
  if (!existsSync(dir)) return files;
  for (const name of (await fs.readdir(dir)).filter((n) => n.endsWith('.json')).sort()) {
    files.set(name.replace(/\.json$/, ''), JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as LabelFile);
  }
  return files;
}

const keyOf = (tree: string, p: string, line: number, rule: string): string => `${tree}\0${p}\0${line}\0${rule}`;

function pad(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  return [pad(header, widths), ...rows.map((r) => pad(r, widths))].join('\n');
}

function per10k(count: number, lines: number): string {
  return lines === 0 ? '-' : ((count * 10000) / lines).toFixed(2);
}

interface Summary {
  readonly trees: { tree: string; lines: Record<PathClass, number>; gating: Record<string, Record<PathClass, number>>; byRule: Record<string, Record<PathClass, number>> }[];
}

function summarize(results: readonly TreeResult[]): Summary {
  return {
    trees: results.map((r) => {
      const gating: Record<string, Record<PathClass, number>> = {};
      const byRule: Record<string, Record<PathClass, number>> = {};
      for (const f of r.findings.filter((x) => x.gating)) {
        (gating[f.family] ??= { product: 0, test: 0, docs: 0, vendored: 0 })[f.pathClass]++;
        (byRule[f.ruleId] ??= { product: 0, test: 0, docs: 0, vendored: 0 })[f.pathClass]++;
      }
      return { tree: r.tree, lines: r.lines, gating, byRule };
    }),
  };
}

function targetIn(summary: Summary, classes: readonly PathClass[]): number {
  let n = 0;
  for (const t of summary.trees) for (const family of TARGET_FAMILIES) for (const c of classes) n += t.gating[family]?.[c] ?? 0;
  return n;
}

function report(summary: Summary): string {
  const out: string[] = [];
  const families = FAMILIES.map((f) => f.name);
  const total = { lines: { product: 0, test: 0, docs: 0, vendored: 0 } as Record<PathClass, number>, gating: {} as Record<string, Record<PathClass, number>> };
  for (const t of summary.trees) {
    out.push(`## ${t.tree}: ${PATH_CLASSES.map((c) => `${t.lines[c]} ${c} lines`).join(', ')}`);
    const rows = families.filter((f) => t.gating[f]).map((f) => [f, ...PATH_CLASSES.map((c) => t.gating[f][c])]);
    out.push(rows.length > 0 ? table(['gating', ...PATH_CLASSES], rows) : 'no gating findings');
    const testDocs = TARGET_FAMILIES.reduce((n, f) => n + (t.gating[f]?.test ?? 0) + (t.gating[f]?.docs ?? 0), 0);
    out.push(`secret/ip/account/debug gating findings in tests and docs: ${testDocs} (${per10k(testDocs, t.lines.test + t.lines.docs)} per 10k lines)`);
    const rules = Object.entries(t.byRule).sort((a, b) => sum(b[1]) - sum(a[1]));
    if (rules.length > 0) out.push(table(['by rule', ...PATH_CLASSES], rules.map(([rule, counts]) => [rule, ...PATH_CLASSES.map((c) => counts[c])])));
    out.push('');
    for (const c of PATH_CLASSES) total.lines[c] += t.lines[c];
    for (const [f, counts] of Object.entries(t.gating)) for (const c of PATH_CLASSES) (total.gating[f] ??= { product: 0, test: 0, docs: 0, vendored: 0 })[c] += counts[c];
  }
  out.push(`## all ${summary.trees.length} trees: ${PATH_CLASSES.map((c) => `${total.lines[c]} ${c} lines`).join(', ')}`);
  out.push(table(['gating', ...PATH_CLASSES], families.filter((f) => total.gating[f]).map((f) => [f, ...PATH_CLASSES.map((c) => total.gating[f][c])])));
  const testDocs = targetIn(summary, ['test', 'docs']);
  out.push(`secret/ip/account/debug gating findings in tests and docs: ${testDocs} (${per10k(testDocs, total.lines.test + total.lines.docs)} per 10k lines)`);
  return `${out.join('\n')}\n`;
}

const sum = (counts: Record<PathClass, number>): number => PATH_CLASSES.reduce((n, c) => n + counts[c], 0);

function compare(before: Summary, after: Summary): string {
  const out: string[] = ['## change from the earlier run'];
  const rows: (string | number)[][] = [];
  for (const family of [...TARGET_FAMILIES, 'c-copy', 'c-other']) {
    for (const c of PATH_CLASSES) {
      const count = (s: Summary): number => s.trees.reduce((n, t) => n + (t.gating[family]?.[c] ?? 0), 0);
      const b = count(before);
      const a = count(after);
      if (a === 0 && b === 0) continue;
      rows.push([`${family} in ${c}`, b, a, b === 0 ? '-' : `${(((a - b) / b) * 100).toFixed(1)} %`]);
    }
  }
  out.push(table(['gating findings', 'before', 'after', 'change'], rows));
  const b = targetIn(before, ['test', 'docs']);
  const a = targetIn(after, ['test', 'docs']);
  out.push(`secret/ip/account/debug gating findings in tests and docs: ${b} → ${a} (${b === 0 ? '-' : `${(((b - a) / b) * 100).toFixed(1)} % fewer`})`);
  return `${out.join('\n')}\n`;
}

function labelReport(results: readonly TreeResult[], labels: Map<string, LabelFile>): string {
  const found = new Map<string, Finding>();
  for (const r of results) for (const f of r.findings) found.set(keyOf(r.tree, f.path, f.line, f.ruleId), f);
  const scanned = new Set(results.map((r) => r.tree));
  const perRule = new Map<string, { t: number; f: number }>();
  const perFamily = new Map<string, { t: number; f: number }>();
  /** Every labelled finding that gates, whatever its class: what a reviewer is asked to sign off. */
  const gatingAnywhere = new Map<string, { t: number; f: number }>();
  const lost: string[] = [];
  const remaining = new Map<string, string[]>();
  let labelled = 0;
  for (const [tree, file] of labels) {
    if (!scanned.has(tree)) continue;
    for (const label of file.labels) {
      labelled++;
      const finding = found.get(keyOf(tree, label.path, label.line, label.rule));
      const where = `${tree}/${label.path}:${label.line} ${label.rule}`;
      if (label.verdict === 'true' && !finding?.gating) lost.push(`${where} (${finding ? `now ${finding.severity} in ${finding.pathClass}` : 'no longer reported'}): ${label.reason}`);
      const add = (map: Map<string, { t: number; f: number }>, key: string): void => {
        const counts = map.get(key) ?? { t: 0, f: 0 };
        if (label.verdict === 'true') counts.t++;
        else counts.f++;
        map.set(key, counts);
      };
      if (finding?.gating) add(gatingAnywhere, familyOf(label.rule));
      if (!finding?.gating || finding.pathClass !== 'product') continue;
      add(perRule, label.rule);
      add(perFamily, familyOf(label.rule));
      if (label.verdict === 'false') {
        const list = remaining.get(label.class ?? 'unclassified') ?? [];
        list.push(`${where}: ${label.reason}`);
        remaining.set(label.class ?? 'unclassified', list);
      }
    }
  }
  if (labelled === 0) return 'no labels for these trees\n';
  const precision = (c: { t: number; f: number }): string => (c.t + c.f === 0 ? '-' : (c.t / (c.t + c.f)).toFixed(2));
  const out: string[] = [`## labelled findings: ${labelled}; those gating in product code:`];
  out.push(table(['rule', 'true', 'false', 'precision'], [...perRule].sort().map(([rule, c]) => [rule, c.t, c.f, precision(c)])));
  out.push(table(['family', 'true', 'false', 'precision'], [...perFamily].sort().map(([family, c]) => [family, c.t, c.f, precision(c)])));
  out.push('labelled findings gating in any class (what a reviewer must sign off):');
  out.push(table(['family', 'true', 'false', 'precision'], [...gatingAnywhere].sort().map(([family, c]) => [family, c.t, c.f, precision(c)])));
  if (remaining.size > 0) {
    out.push('false alarms still gating in product code, by class:');
    for (const [cls, list] of [...remaining].sort((a, b) => b[1].length - a[1].length)) out.push(`  ${cls} (${list.length}):\n${list.map((l) => `    ${l}`).join('\n')}`);
  }
  out.push(lost.length > 0 ? `labelled true findings that no longer gate (${lost.length}):\n${lost.map((l) => `  ${l}`).join('\n')}` : 'every labelled true finding still gates');
  return `${out.join('\n')}\n`;
}

/** A small seeded generator (mulberry32): the same seed draws the same sample. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unlabelled gating findings, drawn in turn from each (family, tree, class) stratum. */
async function sample(results: readonly TreeResult[], labels: Map<string, LabelFile>, options: Options, trees: Map<string, string>): Promise<string> {
  const labelled = new Set<string>();
  for (const [tree, file] of labels) for (const l of file.labels) labelled.add(keyOf(tree, l.path, l.line, l.rule));
  const strata = new Map<string, Finding[]>();
  for (const r of results) {
    for (const f of r.findings) {
      if (!f.gating || !['secret', 'ip', 'account', 'debug', 'c-copy'].includes(f.family) || labelled.has(keyOf(r.tree, f.path, f.line, f.ruleId))) continue;
      const key = `${f.family}\0${r.tree}\0${f.pathClass}`;
      strata.set(key, [...(strata.get(key) ?? []), f]);
    }
  }
  const next = random(options.seed);
  const pools = [...strata.values()].map((pool) => pool.map((f) => ({ f, r: next() })).sort((a, b) => a.r - b.r).map((x) => x.f));
  const picked: Finding[] = [];
  while (picked.length < options.sample && pools.some((p) => p.length > 0)) for (const pool of pools) if (pool.length > 0 && picked.length < options.sample) picked.push(pool.shift()!);
  const lines: string[] = [];
  for (const f of picked) {
    const text = await fs.readFile(path.join(trees.get(f.tree)!, f.path), 'utf8').catch(() => '');
    const line = (text.split('\n')[f.line - 1] ?? '').trim().slice(0, 160);
    const shown = f.family === 'c-copy' ? line : line.replace(/(["'`])((?:(?!\1)[^\\]|\\.)*)\1/g, (_w, q: string, v: string) => `${q}${maskSecret(v)}${q}`);
    lines.push([f.tree, f.path, f.line, f.ruleId, f.pathClass, shown].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.trees.length === 0) {
    process.stdout.write('precision: no trees given; pass folders to scan (e.g. /work/corpora/*) — nothing to measure\n');
    return;
  }
  const results: TreeResult[] = [];
  const trees = new Map<string, string>();
  const earlier = options.from ? (JSON.parse(await fs.readFile(options.from, 'utf8')) as Summary & { findings: Finding[] }) : undefined;
  for (const tree of options.trees) {
    if (!existsSync(tree)) {
      process.stdout.write(`note: skipping ${tree}: no such folder\n`);
      continue;
    }
    const name = path.basename(tree);
    trees.set(name, tree);
    const kept = earlier?.trees.find((t) => t.tree === name);
    if (earlier && kept) {
      results.push({ tree: name, lines: kept.lines, findings: earlier.findings.filter((f) => f.tree === name) });
      continue;
    }
    const started = Date.now();
    results.push(await runTree(options.cli, tree));
    process.stderr.write(`scanned ${tree} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const summary = summarize(results);
  process.stdout.write(report(summary));
  const labels = await readLabels(options.labels);
  process.stdout.write(`\n${labelReport(results, labels)}`);
  if (options.compare) process.stdout.write(`\n${compare(JSON.parse(await fs.readFile(options.compare, 'utf8')) as Summary, summary)}`);
  if (options.out) await fs.writeFile(options.out, `${JSON.stringify({ ...summary, findings: results.flatMap((r) => r.findings) }, null, 1)}\n`);
  if (options.sample > 0) {
    const text = await sample(results, labels, options, trees);
    if (options.sampleOut) await fs.writeFile(options.sampleOut, text);
    else process.stdout.write(`\n## to label\n${text}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 2;
});
