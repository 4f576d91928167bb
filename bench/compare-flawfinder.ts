/**
 * Call site by call site, the default rulebook's unsafe C calls against flawfinder's hits, for the functions both
 * know. Every flawfinder hit should be a call we find, or be explained: a declaration, a member, a reference to
 * the function that is not a call, a macro alias. Every call we find that flawfinder misses is listed too.
 *
 *   npm run build && node bench/out/compare-flawfinder.js /usr/include /path/to/c/sources
 *   node bench/out/compare-flawfinder.js --json report.json --show 20 DIR...
 *
 * Needs Debian's `flawfinder` (2.0.x). Files that are not UTF-8 are given to flawfinder as a UTF-8 copy (it stops
 * at the first file it cannot decode); line numbers do not change.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { Node, Tree } from '@secure-coding/server/out/engine/tree-api';
import { Rulebook, languageForFile, loadRulebook, scanDocument } from '@secure-coding/server';
import { parserFor } from '@secure-coding/server/out/engine/grammars';
import { CallRule } from '@secure-coding/server/out/engine/rulebook/types';
import { callFacts } from '@secure-coding/server/out/engine/syntax/call-facts';
import { CallFact } from '@secure-coding/server/out/engine/syntax/facts';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '..', '..');
const C_FILE = /\.(c|h|cc|cpp|cxx|c\+\+|hh|hpp|hxx)$/i;
const FLAWFINDER = '/usr/bin/flawfinder';

interface Options {
  readonly roots: string[];
  readonly json?: string;
  readonly show: number;
}

interface Site {
  readonly file: string;
  /** One-based. */
  readonly line: number;
  readonly name: string;
}

/** Why a flawfinder hit is not a call we report, or why we report a call flawfinder does not. */
type Verdict =
  | 'call, condition not met'
  | 'declaration'
  | 'member'
  | 'reference, not a call'
  | 'macro alias, not a call'
  | 'macro name (#define, #undef, #if)'
  | 'in a comment'
  | 'in a string'
  | 'other name'
  | 'unexplained';

function parseOptions(argv: readonly string[]): Options {
  const roots: string[] = [];
  let json: string | undefined;
  let show = 10;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') json = argv[++i];
    else if (argv[i] === '--show') show = Number(argv[++i]);
    else roots.push(path.resolve(argv[i]));
  }
  if (roots.length === 0) roots.push('/usr/include');
  return { roots, json, show };
}

async function listCFiles(root: string, out: Set<string>): Promise<void> {
  const stat = await fs.lstat(root).catch(() => undefined);
  if (!stat) return;
  if (stat.isFile()) {
    if (C_FILE.test(root)) out.add(root);
    return;
  }
  if (!stat.isDirectory()) return;
  const entries = await fs.readdir(root, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) await listCFiles(full, out);
    else if (entry.isFile() && C_FILE.test(entry.name)) out.add(full);
  }
}

function decode(bytes: Buffer): { text: string; utf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), utf8: true };
  } catch {
    return { text: bytes.toString('latin1'), utf8: false };
  }
}

/** Functions flawfinder's C rule set knows, read from its own table (keys like "strcpy" or "lstrcpy|wcscpy"). */
async function flawfinderFunctions(): Promise<Set<string>> {
  const source = await fs.readFile(FLAWFINDER, 'utf8');
  const table = source.slice(source.indexOf('c_ruleset = {'), source.indexOf('template_ruleset'));
  const names = new Set<string>();
  for (const m of table.matchAll(/^\s+"([\w|]+)":/gm)) m[1].split('|').forEach((n) => names.add(n));
  // "char|TCHAR|wchar_t" flags static arrays, not calls.
  ['char', 'TCHAR', 'wchar_t'].forEach((n) => names.delete(n));
  return names;
}

/** Splits a CSV line as flawfinder writes it (quoted fields, doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

async function runFlawfinder(files: readonly string[], scratch: string): Promise<{ hits: Site[]; seconds: number }> {
  const hits: Site[] = [];
  const started = process.hrtime.bigint();
  const batchSize = 400;
  for (let i = 0; i < files.length; i += batchSize) {
    const batch = files.slice(i, i + batchSize);
    const { stdout } = await run(
      'python3',
      [FLAWFINDER, '--csv', '--minlevel=0', '--dataonly', '--quiet', '--allowlink', ...batch],
      { maxBuffer: 1 << 30, cwd: scratch },
    ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    for (const line of stdout.split('\n').slice(1)) {
      if (!line.trim()) continue;
      const f = csvFields(line);
      if (f.length < 7) continue;
      hits.push({ file: f[0], line: Number(f[1]), name: f[6] });
    }
  }
  return { hits, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function key(site: Site): string {
  return `${site.file}\0${site.line}\0${site.name}`;
}

/** Removes one occurrence of each key found in `from`, returning the sites of `of` that had no partner. */
function unmatched(of: readonly Site[], from: Map<string, number>): Site[] {
  const left: Site[] = [];
  for (const site of of) {
    const k = key(site);
    const n = from.get(k) ?? 0;
    if (n > 0) from.set(k, n - 1);
    else left.push(site);
  }
  return left;
}

function counts(sites: readonly Site[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const s of sites) map.set(key(s), (map.get(key(s)) ?? 0) + 1);
  return map;
}

/** The node flawfinder's hit is about: the first identifier with that name on that line. */
function identifierAt(tree: Tree, lines: readonly string[], site: Site): Node | undefined {
  const text = lines[site.line - 1] ?? '';
  const re = new RegExp(`\\b${site.name}\\b`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const node = tree.rootNode.descendantForPosition({ row: site.line - 1, column: m.index });
    if (node) return node;
  }
  return undefined;
}

/** Why flawfinder's hit at `site` is not one of our calls, read from the syntax tree around it. */
function explain(tree: Tree, lines: readonly string[], site: Site, calls: readonly CallFact[], lineStarts: readonly number[]): Verdict {
  const lineStart = lineStarts[site.line - 1];
  const lineEnd = lineStarts[site.line] ?? Number.MAX_SAFE_INTEGER;
  if (calls.some((c) => c.name === site.name && c.nameStart >= lineStart && c.nameStart < lineEnd && c.bare)) {
    return 'call, condition not met';
  }
  if (calls.some((c) => c.name === site.name && c.nameStart >= lineStart && c.nameStart < lineEnd && !c.bare)) return 'member';
  const node = identifierAt(tree, lines, site);
  if (!node) return 'unexplained';
  if (node.type.includes('comment')) return 'in a comment';
  if (node.type.includes('string') || node.parent?.type.includes('string')) return 'in a string';
  if (node.type === 'field_identifier') return 'member';
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === 'preproc_call' && /^#\s*undef/.test(n.text)) return 'macro name (#define, #undef, #if)';
    if ((n.type === 'preproc_def' || n.type === 'preproc_function_def') && n.childForFieldName('name')?.id === node.id) {
      return 'macro name (#define, #undef, #if)';
    }
    if (n.type === 'preproc_defined' || n.type === 'preproc_ifdef' || n.type === 'preproc_if' || n.type === 'preproc_elif') {
      if (n.childForFieldName('name')?.id === node.id || n.type === 'preproc_defined') return 'macro name (#define, #undef, #if)';
      if (n.childForFieldName('condition') && node.startPosition.row === n.startPosition.row) return 'macro name (#define, #undef, #if)';
    }
  }
  if (node.type === 'preproc_arg') {
    return new RegExp(`^\\s*${site.name}\\s*$`).test(node.text) ? 'macro alias, not a call' : 'reference, not a call';
  }
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === 'function_declarator' || n.type === 'parameter_declaration' || n.type === 'declaration' || n.type === 'field_declaration') {
      const declared = n.type === 'function_declarator' ? n.childForFieldName('declarator') : undefined;
      if (declared && declared.text.replace(/\s+/g, '').endsWith(site.name)) return 'declaration';
    }
    if (n.type === 'call_expression' || n.type === 'expression_statement' || n.type === 'compound_statement') break;
  }
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === 'function_declarator' || n.type === 'field_declaration' || n.type === 'using_declaration') return 'declaration';
    if (n.type === 'compound_statement' || n.type === 'translation_unit') break;
  }
  const after = (lines[site.line - 1] ?? '').slice(node.endPosition.column).trimStart();
  if (!after.startsWith('(')) return 'reference, not a call';
  return 'unexplained';
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface FileResult {
  readonly scanSeconds: number;
  readonly reported: Site[];
  readonly calls: Site[];
  readonly tree: Tree;
  readonly text: string;
  readonly facts: CallFact[];
}

async function scanOurs(rulebook: Rulebook, file: string, text: string, names: ReadonlySet<string>, mentioned: RegExp): Promise<FileResult | undefined> {
  const languageId = languageForFile(file, text);
  if (languageId !== 'c' && languageId !== 'cpp') return undefined;
  // A file that never names one of the functions has nothing to compare (flawfinder has no hit there either).
  if (!mentioned.test(text)) return undefined;
  const relative = path.relative(rulebook.root, file).split(path.sep).join('/');
  const started = process.hrtime.bigint();
  const result = await scanDocument(rulebook, { path: relative, text, languageId });
  const scanSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const reported = result.findings
    .filter((f) => f.ruleId.startsWith('c.'))
    .map((f) => ({ file, line: f.range.start.line + 1, name: text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character) }));
  const parser = await parserFor(languageId);
  const tree = parser.parse(text)!;
  const starts = lineStartsOf(text);
  const facts = callFacts(languageId, tree);
  const calls = facts.filter((c) => c.bare && names.has(c.name)).map((c) => ({ file, line: lineOf(starts, c.nameStart), name: c.name }));
  return { scanSeconds, reported, calls, tree, text, facts };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const files = new Set<string>();
  for (const root of options.roots) await listCFiles(root, files);
  const sorted = [...files].sort();
  const rulebook = await loadRulebook({ root: REPO });
  const ours = new Set<string>();
  for (const { rule } of rulebook.rules) {
    if (rule.kind !== 'call' || !rule.id.startsWith('c.')) continue;
    for (const fn of (rule as CallRule).functions) ours.add(typeof fn === 'string' ? fn : fn.name);
  }
  const theirs = await flawfinderFunctions();
  const shared = new Set([...ours].filter((n) => theirs.has(n)));

  // flawfinder gets UTF-8 copies of files it could not decode, under a scratch folder mirroring their paths.
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'compare-flawfinder-'));
  const texts = new Map<string, string>();
  const forFlawfinder: string[] = [];
  const copies = new Map<string, string>();
  let bytes = 0;
  for (const file of sorted) {
    const raw = await fs.readFile(file);
    bytes += raw.length;
    const { text, utf8 } = decode(raw);
    texts.set(file, text);
    if (utf8) {
      forFlawfinder.push(file);
    } else {
      const copy = path.join(scratch, file);
      await fs.mkdir(path.dirname(copy), { recursive: true });
      await fs.writeFile(copy, text, 'utf8');
      copies.set(copy, file);
      forFlawfinder.push(copy);
    }
  }

  const ff = await runFlawfinder(forFlawfinder, scratch);
  const ffShared = ff.hits.map((h) => ({ ...h, file: copies.get(h.file) ?? h.file })).filter((h) => shared.has(h.name));

  const mentioned = new RegExp(`\\b(?:${[...shared].join('|')})\\b`);
  const results = new Map<string, FileResult>();
  for (const file of sorted) {
    const r = await scanOurs(rulebook, file, texts.get(file)!, shared, mentioned);
    if (r) results.set(file, r);
  }
  const ourSeconds = [...results.values()].reduce((sum, r) => sum + r.scanSeconds, 0);

  const ourCalls = [...results.values()].flatMap((r) => r.calls);
  const ourReported = [...results.values()].flatMap((r) => r.reported).filter((s) => shared.has(s.name));
  const reportedCounts = counts(ourReported);
  const verdicts = new Map<Verdict, Site[]>();
  const note = (v: Verdict, s: Site): void => {
    verdicts.set(v, [...(verdicts.get(v) ?? []), s]);
  };
  const notReported = unmatched(ffShared, reportedCounts);
  const reportedHits = ffShared.length - notReported.length;
  for (const site of notReported) {
    const r = results.get(site.file);
    if (!r) {
      note('unexplained', site);
      continue;
    }
    const lines = r.text.split('\n');
    note(explain(r.tree, lines, site, r.facts, lineStartsOf(r.text)), site);
  }
  const ourExtra = unmatched(ourCalls, counts(ffShared));
  const ourExtraFindings = unmatched(ourReported, counts(ffShared));
  // flawfinder's own inline suppression, on the line or the line before.
  const ffIgnored = (site: Site): boolean => {
    const lines = texts.get(site.file)?.split('\n') ?? [];
    return /flawfinder:\s*ignore/i.test(`${lines[site.line - 2] ?? ''}\n${lines[site.line - 1] ?? ''}`);
  };
  const extraIgnored = ourExtra.filter(ffIgnored);
  const extraFindingsLeft = ourExtraFindings.filter((s) => !ffIgnored(s));
  for (const r of results.values()) r.tree.delete();
  await fs.rm(scratch, { recursive: true, force: true });

  const print = (label: string, value: string | number): void => console.log(`${label.padEnd(44)} ${value}`);
  console.log(`flawfinder ${FLAWFINDER} vs the default rulebook's c.* call rules`);
  print('files (C/C++)', sorted.length);
  print('megabytes', (bytes / 1e6).toFixed(1));
  print('files flawfinder read as UTF-8 copies', copies.size);
  print('functions both cover', shared.size);
  print('flawfinder hits on them (all levels)', ffShared.length);
  print('our bare calls of them', ourCalls.length);
  print('our findings on them', ourReported.length);
  console.log('\nflawfinder hits, by what we make of them:');
  const order: Verdict[] = ['macro name (#define, #undef, #if)', 'call, condition not met', 'declaration', 'member', 'reference, not a call', 'macro alias, not a call', 'in a comment', 'in a string', 'other name', 'unexplained'];
  print('  reported by our rules', reportedHits);
  for (const v of order) if (verdicts.has(v)) print(`  ${v}`, verdicts.get(v)!.length);
  print('calls we find that flawfinder does not report', ourExtra.length);
  print('  under a "Flawfinder: ignore" comment', extraIgnored.length);
  print('  that we report (other than those)', extraFindingsLeft.length);
  print('  that we do not report either (condition)', ourExtra.length - extraIgnored.length - extraFindingsLeft.length);
  print('seconds: flawfinder (all its rules)', ff.seconds.toFixed(1));
  print('seconds: our scan of files naming a function (whole default rulebook)', ourSeconds.toFixed(1));
  const sample = (label: string, sites: readonly Site[]): void => {
    if (sites.length === 0 || options.show <= 0) return;
    console.log(`\n${label} (${Math.min(options.show, sites.length)} of ${sites.length}):`);
    for (const s of sites.slice(0, options.show)) {
      const text = (texts.get(s.file)?.split('\n')[s.line - 1] ?? '').trim().slice(0, 110);
      console.log(`  ${s.file}:${s.line} ${s.name}: ${text}`);
    }
  };
  for (const v of order) sample(`flawfinder hits: ${v}`, verdicts.get(v) ?? []);
  sample('our findings flawfinder does not report', extraFindingsLeft);
  sample('our calls flawfinder does not report', ourExtra);
  if (options.json) {
    const report = {
      files: sorted.length,
      bytes,
      shared: [...shared].sort(),
      flawfinderHits: ffShared.length,
      ourCalls: ourCalls.length,
      ourFindings: ourReported.length,
      reportedHits,
      verdicts: Object.fromEntries(verdicts),
      ourExtra,
      ourExtraFindings,
      seconds: { flawfinder: ff.seconds, ours: ourSeconds },
    };
    await fs.writeFile(options.json, JSON.stringify(report, null, 2));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
