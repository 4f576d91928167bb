/**
 * Recall and false alarms of the secret and IP rules on a labelled corpus of realistic files (generated, see
 * `secrets/templates.ts`). Runs the real `rulebook` CLI over the corpus, matches findings to labels by file and line,
 * and prints found/missed per group and category. With `--secretlint DIR` (a folder where `secretlint` 12 and
 * `@secretlint/secretlint-rule-preset-recommend` are installed) it runs secretlint on the same corpus as a peer.
 *
 * Groups: provider tokens and private keys (the provider formats), URLs and connection strings, name-bound
 * generic credentials, addresses, and the generic shapes of `secrets/generic-templates.ts` (command lines, macros and
 * build files, parameter defaults, name variants, prose, patches, escaped text, key containers, cryptographic
 * constants), each with near misses of its own shape: recall, false alarms, precision, and the confidence (high /
 * medium / low) of what was found.
 *
 * Recall is detection: the corpus is scanned with every rule reporting in every path class (a rulebook in the
 * corpus says `classes: report` for test code, docs and vendored code) and low-confidence findings shown. A second
 * scan with the default rulebook then says, per group, how many labelled secrets a default scan reports: the path
 * classes keep name-based passwords in tests and docs quiet (test data by default) or report them at `info`, and
 * low-confidence findings are left out unless asked for.
 *
 *   npm run build && node bench/out/secrets-recall.js [--copies 3] [--secretlint /tmp/secretlint] [--misses] [--cli OTHER/server/bin/rulebook.js]
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { writeCorpus } from './secrets/corpus';
import { Label } from './secrets/labels';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.join(ROOT, '.bench', 'secrets-corpus');

/** A flagged line span in one file, by tool. */
interface Hit {
  readonly file: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly rule: string;
  readonly severity?: string;
  /** The finding's confidence (the rulebook's secret findings). */
  readonly confidence?: string;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Every rule reports in every class: what the rules detect, whatever the path says about it. */
const DETECTION_RULEBOOK = `overrides:
  all:
    classes: { test: report, docs: report, vendored: report }
`;

/** The CLI's findings; `all` also asks for the low-confidence ones the default report leaves out. */
async function rulebookHits(all: boolean): Promise<Hit[]> {
  // `--cli` runs another build of the CLI on the same corpus (an earlier version, for a before/after comparison).
  const cli = option('--cli') ?? path.join(ROOT, 'server', 'bin', 'rulebook.js');
  const { stdout: help } = await run(process.execPath, [cli, 'scan', '--help']).catch(() => ({ stdout: '' }));
  const showLow = all && help.includes('--show-low-confidence') ? ['--show-low-confidence'] : [];
  const { stdout } = await run(process.execPath, [cli, 'scan', '.', '--format', 'json', '--exit-zero', '--no-gitignore', '-q', ...showLow], {
    cwd: CORPUS,
    maxBuffer: 256 * 1024 * 1024,
  });
  const report = JSON.parse(stdout) as { findings: { ruleId: string; path: string; start: { line: number }; end: { line: number }; severity: string; confidence?: string }[] };
  return report.findings
    // A hardcoded password reported as a test account or a backdoor (item-8 rules) is found too.
    .filter((f) => /^(?:secret|account|network)\./.test(f.ruleId))
    .map((f) => ({ file: f.path, startLine: f.start.line, endLine: f.end.line, rule: f.ruleId, severity: f.severity, confidence: f.confidence }));
}

async function secretlintHits(dir: string): Promise<Hit[]> {
  const bin = path.join(dir, 'node_modules', '.bin', 'secretlint');
  const config = path.join(dir, '.secretlintrc.json');
  const output = path.join(ROOT, '.bench', 'secretlint-report.json');
  try {
    await run(bin, ['**/*', '--format', 'json', '--secretlintrc', config, '--output', output], { cwd: CORPUS, maxBuffer: 256 * 1024 * 1024 });
  } catch {
    // secretlint exits 1 when it finds something; the report is in the output file all the same.
  }
  const results = JSON.parse(await fs.readFile(output, 'utf8')) as { filePath: string; messages: { ruleId: string; loc: { start: { line: number }; end: { line: number } } }[] }[];
  return results.flatMap((r) =>
    r.messages.map((msg) => ({ file: path.relative(CORPUS, r.filePath), startLine: msg.loc.start.line, endLine: msg.loc.end.line, rule: msg.ruleId })),
  );
}

interface Score {
  found: number;
  missed: number;
  falseAlarms: number;
  negatives: number;
  /** Found secrets by the best confidence flagging them (`-` for a finding without one). */
  confidence: Record<string, number>;
}

function score(labels: readonly Label[], hits: readonly Hit[], missesOut: string[]): Map<string, Score> {
  const byFile = new Map<string, Hit[]>();
  for (const h of hits) byFile.set(h.file, [...(byFile.get(h.file) ?? []), h]);
  const scores = new Map<string, Score>();
  const bump = (key: string): Score => {
    let s = scores.get(key);
    if (!s) scores.set(key, (s = { found: 0, missed: 0, falseAlarms: 0, negatives: 0, confidence: {} }));
    return s;
  };
  for (const label of labels) {
    const wantIp = label.group === 'ip';
    const onLine = (byFile.get(label.file) ?? []).filter(
      (h) => h.startLine <= label.line && label.line <= h.endLine && (wantIp ? h.rule.startsWith('network.') : !h.rule.startsWith('network.')),
    );
    const best = ['high', 'medium', 'low', '-'].find((c) => onLine.some((h) => (h.confidence ?? '-') === c));
    for (const key of [`${label.group}`, `${label.group}/${label.category}`, 'all']) {
      const s = bump(key);
      if (label.positive && onLine.length > 0) s.confidence[best!] = (s.confidence[best!] ?? 0) + 1;
      if (label.positive && onLine.length > 0) s.found++;
      else if (label.positive) s.missed++;
      else {
        s.negatives++;
        if (onLine.length > 0) s.falseAlarms++;
      }
    }
    if (label.positive && onLine.length === 0) missesOut.push(`missed ${label.group}/${label.category} at ${label.file}:${label.line}`);
    if (!label.positive && onLine.length > 0) missesOut.push(`false alarm ${label.category} at ${label.file}:${label.line} (${onLine[0].rule})`);
  }
  return scores;
}

/** Hits on lines that carry no label at all: flags the corpus did not expect (neither a secret nor a near miss). */
function unlabelled(labels: readonly Label[], hits: readonly Hit[]): Hit[] {
  const labelled = new Set(labels.map((l) => `${l.file}:${l.line}`));
  return hits.filter((h) => !labelled.has(`${h.file}:${h.startLine}`));
}

/**
 * Per group: found and missed secrets, recall, false alarms on the group's own near misses, precision on the group
 * (found / (found + false alarms)), and the confidence of the found ones (high/medium/low).
 */
function table(title: string, scores: Map<string, Score>): string {
  const rows = [...scores.entries()].filter(([key]) => !key.includes('/')).sort();
  const lines = [
    `${title}`,
    `  ${'group'.padEnd(26)} ${'found'.padStart(6)} ${'missed'.padStart(6)} ${'recall'.padStart(7)} ${'false alarms / near misses'.padStart(28)} ${'precision'.padStart(9)}  confidence h/m/l`,
  ];
  for (const [key, s] of rows) {
    const recall = s.found + s.missed > 0 ? `${((100 * s.found) / (s.found + s.missed)).toFixed(1)}%` : '-';
    const precision = s.found + s.falseAlarms > 0 ? `${((100 * s.found) / (s.found + s.falseAlarms)).toFixed(1)}%` : '-';
    const c = s.confidence;
    const confidence = `${c.high ?? 0}/${c.medium ?? 0}/${c.low ?? 0}${c['-'] ? ` (+${c['-']} without)` : ''}`;
    lines.push(
      `  ${key.padEnd(26)} ${String(s.found).padStart(6)} ${String(s.missed).padStart(6)} ${recall.padStart(7)} ${`${s.falseAlarms} / ${s.negatives}`.padStart(28)} ${precision.padStart(9)}  ${confidence}`,
    );
  }
  return lines.join('\n');
}

/** With the default rulebook: which labelled secrets the path classes keep quiet or report at info, and where. */
async function defaultClassEffect(labels: readonly Label[], hits: readonly Hit[]): Promise<string> {
  const { classifyByConvention } = await import('@secure-coding/server');
  const found = (label: Label): Hit[] =>
    hits.filter((h) => h.file === label.file && h.startLine <= label.line && label.line <= h.endLine && (label.group === 'ip' ? h.rule.startsWith('network.') : !h.rule.startsWith('network.')));
  const lines: string[] = [];
  let quiet = 0;
  let info = 0;
  for (const label of labels.filter((l) => l.positive)) {
    const on = found(label);
    const pathClass = classifyByConvention(label.file).pathClass;
    if (on.length === 0) {
      quiet++;
      lines.push(`  not reported in ${pathClass} code (a test or docs default, or low confidence): ${label.group}/${label.category} at ${label.file}:${label.line}`);
    } else if (pathClass !== 'product' && on.every((h) => h.severity === 'info')) {
      info++;
    }
  }
  const perGroup = new Map<string, { shown: number; all: number }>();
  for (const label of labels.filter((l) => l.positive)) {
    const g = perGroup.get(label.group) ?? { shown: 0, all: 0 };
    g.all++;
    if (found(label).length > 0) g.shown++;
    perGroup.set(label.group, g);
  }
  const groups = [...perGroup.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([g, c]) => `${g} ${c.shown}/${c.all}`);
  const head = `by group: ${groups.join(', ')}\nwith the default rulebook (path classes; low-confidence findings left out unless asked for): ${labels.filter((l) => l.positive).length - quiet} of the labelled secrets and addresses reported (${info} of them at info, outside product code), ${quiet} not reported by design`;
  return `${[head, ...(process.argv.includes('--misses') ? lines : lines.slice(0, 10))].join('\n')}\n`;
}

async function main(): Promise<void> {
  const copies = Number(option('--copies') ?? 3);
  const labels = await writeCorpus(CORPUS, copies);
  const files = new Set(labels.map((l) => l.file)).size;
  process.stdout.write(`corpus: ${files} files, ${labels.filter((l) => l.positive).length} labelled secrets and addresses, ${labels.filter((l) => !l.positive).length} near misses (${CORPUS})\n\n`);

  const detection = path.join(CORPUS, '.secure-coding', 'rulebook.yaml');
  await fs.mkdir(path.dirname(detection), { recursive: true });
  await fs.writeFile(detection, DETECTION_RULEBOOK);
  const started = Date.now();
  const ours = await rulebookHits(true);
  await fs.rm(path.dirname(detection), { recursive: true, force: true });
  const details: string[] = [];
  process.stdout.write(`${table(`rulebook (${Date.now() - started} ms)`, score(labels, ours, details))}\n`);
  const extra = unlabelled(labels, ours);
  process.stdout.write(`  unlabelled lines flagged: ${extra.length}\n`);
  const byDefault = await rulebookHits(false);
  const quiet = await defaultClassEffect(labels, byDefault);
  process.stdout.write(`\n${quiet}`);
  if (process.argv.includes('--misses')) {
    for (const d of details) process.stdout.write(`  ${d}\n`);
    for (const h of extra) process.stdout.write(`  unlabelled ${h.rule} at ${h.file}:${h.startLine}\n`);
  }

  const peer = option('--secretlint');
  if (peer) {
    const t = Date.now();
    const theirs = await secretlintHits(peer);
    const peerDetails: string[] = [];
    // secretlint has no IP rules: score it on the secret labels only.
    const scores = score(labels.filter((l) => l.group !== 'ip'), theirs, peerDetails);
    process.stdout.write(`\n${table(`secretlint 12 + preset-recommend (${Date.now() - t} ms)`, scores)}\n`);
    process.stdout.write(`  unlabelled lines flagged: ${unlabelled(labels, theirs).length}\n`);
    if (process.argv.includes('--misses')) for (const d of peerDetails) process.stdout.write(`  ${d}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
