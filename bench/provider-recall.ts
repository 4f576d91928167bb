/**
 * Recall of every provider pattern, by the token's own format. For each pattern of the default rulebook's secret rules
 * a sample is generated at run time from the pattern's own regex (`secrets/shape-sample.ts`; a checksum the format
 * carries is computed, so the sample is what a real token looks like, never a real key), then written into files the
 * way tokens leak:
 * - under a telling name (`TWILIO_API_KEY=…`, `twilio_api_key: …`, `const TWILIO_API_KEY = "…"`);
 * - under a neutral one: `value = "…"`, a comment, a YAML list, a URL in a log, Markdown, an escaped JSON string (`\"`,
 *   `\/`, `\n`, `\u0022`), a patch, a file without an extension. A pattern that needs its provider's name (`context`)
 *   gets that name nearby but never as the variable's name (`# Datadog` above, a `datadog:` key, a host name).
 * The corpus is scanned with the real CLI and recall is reported per class (prefixed/structured, needs the provider's
 * name) and per placement. With `--gitleaks PATH` (gitleaks' `config/gitleaks.toml`) the same is done for a sample of
 * each of its rules, generated from its regex: a check of coverage against a list we did not write.
 *
 *   npm run bench:providers [-- --seed 7] [-- --gitleaks /path/to/gitleaks.toml] [-- --misses] [-- --cli OTHER/server/bin/rulebook.js]
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { loadRulebook } from '@secure-coding/server';
import { SecretRule } from '@secure-coding/server/out/engine/rulebook/types';
import { CHECKSUMS, base62Digits, crc32 } from '@secure-coding/server/out/engine/kinds/secret-checksums';
import { Random } from './secrets/random';
import { needsWordsAround, sampleOf } from './secrets/shape-sample';
import { GitleaksRule, readGitleaksRules } from './secrets/gitleaks-rules';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.join(ROOT, '.bench', 'provider-corpus');

type Class = 'prefixed' | 'needs-name';

/** One token shape to place: where it comes from and what a person would call it. */
interface Shape {
  readonly source: string;
  readonly klass: Class;
  /** The provider as a word (`datadog`), for neutral placements of shapes that need it. */
  readonly provider: string;
  /** A telling variable name (`DATADOG_API_KEY`). */
  readonly telling: string;
  readonly token: string;
}

interface Placement {
  readonly name: string;
  readonly telling: boolean;
  readonly file: string;
  readonly text: (s: Shape) => string;
}

const jsonEscape = (t: string): string => t.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\//g, '\\/');

const PLACEMENTS: readonly Placement[] = [
  { name: 'telling: dotenv', telling: true, file: 'app.env', text: (s) => `${s.telling}=${s.token}\n` },
  { name: 'telling: python', telling: true, file: 'settings.py', text: (s) => `${s.telling} = "${s.token.replace(/"/g, '\\"')}"\n` },
  { name: 'telling: yaml', telling: true, file: 'config.yaml', text: (s) => `${s.telling.toLowerCase()}: '${s.token.replace(/'/g, "''")}'\n` },
  {
    name: 'neutral: code string',
    telling: false,
    file: 'client.py',
    text: (s) => `${s.klass === 'needs-name' ? `# ${s.provider}\n` : ''}value = "${s.token.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`,
  },
  {
    name: 'neutral: comment',
    telling: false,
    file: 'main.js',
    text: (s) => `// ${s.klass === 'needs-name' ? `${s.provider} ` : ''}temporary, remove before release: ${s.token}\nstart();\n`,
  },
  {
    name: 'neutral: yaml list',
    telling: false,
    file: 'values.yaml',
    text: (s) => (s.klass === 'needs-name' ? `${s.provider}:\n  items:\n    - '${s.token.replace(/'/g, "''")}'\n` : `items:\n  - '${s.token.replace(/'/g, "''")}'\n`),
  },
  {
    name: 'neutral: url in a log',
    telling: false,
    file: 'deploy.log',
    text: (s) =>
      `2024-05-01T10:00:00Z INFO GET https://${s.klass === 'needs-name' ? `api.${s.provider}.com` : 'sync.acme-corp.io'}/v1/items/${s.token} 200\n`,
  },
  {
    name: 'neutral: markdown',
    telling: false,
    file: 'README.md',
    text: (s) => `## Staging\n\n${s.klass === 'needs-name' ? `The ${s.provider} account uses` : 'Use'} \`${s.token}\` until the vault is set up.\n`,
  },
  {
    name: 'neutral: escaped json',
    telling: false,
    file: 'event.json',
    text: (s) =>
      s.klass === 'needs-name'
        ? `{"body": "{\\"${s.provider}\\": {\\"k\\": \\"${jsonEscape(jsonEscape(s.token))}\\"}}"}\n`
        : `{"body": "{\\"v\\": \\"${jsonEscape(jsonEscape(s.token))}\\"}"}\n`,
  },
  {
    name: 'neutral: json log \\n',
    telling: false,
    file: 'trace.json',
    text: (s) => `{"msg": "${s.klass === 'needs-name' ? `${s.provider} ` : ''}retry\\n${jsonEscape(s.token)}\\n", "level": "warn"}\n`,
  },
  {
    name: 'neutral: \\u escapes',
    telling: false,
    file: 'dump.txt',
    text: (s) => `${s.klass === 'needs-name' ? `${s.provider}=` : 'v='}\\u0022${s.token}\\u0022\n`,
  },
  {
    name: 'neutral: patch',
    telling: false,
    file: 'change.diff',
    text: (s) =>
      `--- a/conf.ini\n+++ b/conf.ini\n@@ -1,2 +1,3 @@\n ${s.klass === 'needs-name' ? `[${s.provider}]` : '[main]'}\n+v = ${s.token}\n keep = 1\n`,
  },
  {
    name: 'neutral: no extension',
    telling: false,
    file: 'NOTES',
    text: (s) => `${s.klass === 'needs-name' ? `${s.provider} ` : ''}temporary:\n${s.token}\n`,
  },
];

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** `Datadog API key` → `DATADOG_API_KEY`; the provider as a lower-case word. */
function tellingName(label: string): string {
  return (
    label
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase() || 'PROVIDER_TOKEN'
  );
}

/** Makes a generated sample carry a valid checksum where its format has one. */
function withChecksum(checksum: string | undefined, token: string, r: Random): string {
  switch (checksum) {
    case 'base62-crc32': {
      const cut = token.indexOf('_') + 1;
      const body = token.slice(cut, cut + 30);
      return `${token.slice(0, cut)}${body}${base62Digits(crc32(body))}`;
    }
    case 'pypi-macaroon': {
      const field = (type: number, data: Buffer): Buffer => Buffer.concat([Buffer.from([type, data.length]), data]);
      const id = Buffer.from(Array.from({ length: 40 }, () => r.int(256)));
      const caveat = Buffer.from(`{"version": 1, "permissions": {"projects": ["pkg${r.int(1000)}"]}}`);
      const sig = Buffer.from(Array.from({ length: 32 }, () => r.int(256)));
      const m = Buffer.concat([Buffer.from([2]), field(1, Buffer.from('pypi.org')), field(2, id), Buffer.from([0]), field(2, caveat), Buffer.from([0, 0]), field(6, sig)]);
      return `pypi-${m.toString('base64url')}`;
    }
    case 'bech32':
      return bech32Fix(token);
    case 'jwt-header': {
      const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: `svc-${r.int(1e6)}`, iat: 1716239022 })}.${token.split('.').pop()}`;
    }
    case 'discord-snowflake': {
      const id = Buffer.from(`${1 + r.int(9)}${String(r.int(1e9)).padStart(9, '0')}${String(r.int(1e8)).padStart(8, '0')}`).toString('base64url');
      return `${id}.${token.split('.').slice(1).join('.')}`;
    }
    default:
      return token;
  }
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Replaces the last six data characters of a Bech32 string with its checksum. */
function bech32Fix(token: string): string {
  const text = token.toLowerCase();
  const sep = text.lastIndexOf('1');
  const hrp = text.slice(0, sep);
  const data = [...text.slice(sep + 1, -6)].map((c) => BECH32.indexOf(c));
  const values = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...data, 0, 0, 0, 0, 0, 0];
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
  }
  chk ^= 1;
  const sum = Array.from({ length: 6 }, (_, i) => BECH32[(chk >>> (5 * (5 - i))) & 31]).join('');
  const fixed = `${hrp}1${data.map((d) => BECH32[d]).join('')}${sum}`;
  return token === token.toUpperCase() ? fixed.toUpperCase() : fixed;
}

/** Rules whose patterns are not provider tokens (blocks, URLs with passwords, connection strings): measured elsewhere. */
const NOT_PROVIDER = /^secret\.(?:private-key|http-credentials|url-password|connection-string|pgpass|script-password|hardcoded-password|generic-token)/;

async function ourShapes(r: Random): Promise<Shape[]> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'provider-recall-'));
  const rulebook = await loadRulebook({ root: tmp });
  await fs.rm(tmp, { recursive: true, force: true });
  const shapes: Shape[] = [];
  for (const compiled of rulebook.rules) {
    const rule = compiled.rule;
    if (rule.kind !== 'secret' || NOT_PROVIDER.test(rule.id)) continue;
    const secret = rule as SecretRule;
    (secret.patterns ?? []).forEach((p, i) => {
      // A generic shape (a command line, a sentence) rests on a name, not a provider's format: `bench:secrets` measures it.
      if (p.evidence && !p.evidence.includes('provider-format')) return;
      const label = typeof p.label === 'object' ? p.label.en : (p.label ?? rule.id.replace(/^secret\./, ''));
      for (let attempt = 0; attempt < 20; attempt++) {
        const sample = sampleOf(p.regex, p.group, r);
        let token = withChecksum(p.checksum, needsWordsAround(sample) ? sample.whole : sample.secret, r);
        if (p.checksum && !CHECKSUMS[p.checksum](token)) token = withChecksum(p.checksum, token, r);
        // Redraw what a rule rightly refuses (a value its `ignore_values` names, all one character).
        if (secret.ignore_values && new RegExp(secret.ignore_values, 'i').test(token)) continue;
        shapes.push({
          source: `${rule.id}#${i} (${label})`,
          klass: p.context && p.context.length > 0 ? 'needs-name' : 'prefixed',
          provider: p.context?.[0] ?? label.split(/\s+/)[0].toLowerCase(),
          telling: tellingName(label),
          token,
        });
        break;
      }
    });
  }
  return shapes;
}

/** Public identifiers and generic rules of gitleaks' list: not secrets, or not a provider's format. */
const GITLEAKS_NOT_MEASURED = new Set([
  'generic-api-key',
  'curl-auth-header',
  'curl-auth-user',
  'kubernetes-secret-yaml',
  'hashicorp-tf-password',
  'nuget-config-password',
  'pkcs12-file',
  'private-key',
  'jwt-base64',
  // Its regex takes `ey` + any 17 characters, so its samples are not JSON Web Tokens (a header is `eyJ`: base64 of `{"`).
  'jwt',
]);

/** gitleaks rules for public identifiers (client ids, publishable keys): listed in docs/secret-providers.md. */
export const GITLEAKS_PUBLIC_IDS = new Set([
  'adobe-client-id',
  'asana-client-id',
  'bitbucket-client-id',
  'discord-client-id',
  'linkedin-client-id',
  'looker-client-id',
  'messagebird-client-id',
  'plaid-client-id',
  'sendbird-access-id',
  'sumologic-access-id',
  'new-relic-browser-api-token',
  'mapbox-api-token',
  'new-relic-user-api-id',
  'mailgun-pub-key',
  'lob-pub-api-key',
  'flutterwave-public-key',
  'twitter-api-key',
  'kucoin-access-token',
  'bittrex-access-key',
  'facebook-access-token',
]);

/** The provider's name in a gitleaks rule: the keyword its id spells (`meraki` for cisco-meraki-api-key), else the id's first word. */
function providerWord(rule: GitleaksRule): string {
  const flat = rule.id.replace(/-/g, '');
  return rule.keywords.filter((k) => /^[a-z]{3,}$/.test(k) && flat.includes(k)).sort((a, b) => b.length - a.length)[0] ?? rule.id.split('-')[0];
}

function gitleaksShapes(rules: readonly GitleaksRule[], r: Random): { shapes: Shape[]; skipped: string[] } {
  const shapes: Shape[] = [];
  const skipped: string[] = [];
  for (const rule of rules) {
    if (!rule.regex || GITLEAKS_NOT_MEASURED.has(rule.id) || GITLEAKS_PUBLIC_IDS.has(rule.id)) {
      skipped.push(rule.id);
      continue;
    }
    let token: string;
    try {
      const sample = sampleOf(rule.regex, rule.secretGroup, r);
      // A group inside a repetition (`([a-z0-9]{4}-){3}`) is not the secret: then the whole match is.
      token = (sample.secret.trim().length >= 8 ? sample.secret : sample.whole).trim();
    } catch (err) {
      skipped.push(`${rule.id} (${(err as Error).message.split('\n')[0]})`);
      continue;
    }
    // Their provider-name rules start with the name itself: `[\w.-]{0,50}?(?:heroku)…`.
    const named = /^(?:\(\?i\))?\[\\w\.-\]\{0,50\}\?/.test(rule.regex);
    shapes.push({
      source: `gitleaks:${rule.id}`,
      klass: named ? 'needs-name' : 'prefixed',
      provider: providerWord(rule),
      telling: tellingName(rule.id),
      token,
    });
  }
  return { shapes, skipped };
}

interface Written {
  readonly shape: Shape;
  readonly placement: Placement;
  readonly file: string;
  readonly line: number;
}

async function writeCorpus(dir: string, shapes: readonly Shape[]): Promise<Written[]> {
  await fs.rm(dir, { recursive: true, force: true });
  const written: Written[] = [];
  let n = 0;
  for (const shape of shapes) {
    for (const placement of PLACEMENTS) {
      const file = path.join(`s${String(n++).padStart(5, '0')}`, placement.file);
      const text = placement.text(shape);
      await fs.mkdir(path.join(dir, path.dirname(file)), { recursive: true });
      await fs.writeFile(path.join(dir, file), text);
      // The token's line: where it, or its escaped form, first starts.
      const forms = [shape.token, jsonEscape(shape.token), jsonEscape(jsonEscape(shape.token))].map((f) => f.slice(0, 12));
      const at = Math.max(0, ...forms.map((f) => text.indexOf(f)).filter((i) => i >= 0).slice(0, 1));
      written.push({ shape, placement, file, line: text.slice(0, at).split('\n').length });
    }
  }
  return written;
}

async function scanHits(dir: string): Promise<Map<string, { line: number; endLine: number; rule: string }[]>> {
  // `--cli` runs another build (an older checkout's) on the same corpus, for before/after comparisons.
  const cli = option('--cli') ?? path.join(ROOT, 'server', 'bin', 'rulebook.js');
  const { stdout } = await run(process.execPath, [cli, 'scan', '.', '--format', 'json', '--exit-zero', '--no-gitignore', '-q'], {
    cwd: dir,
    maxBuffer: 512 * 1024 * 1024,
  });
  const report = JSON.parse(stdout) as { findings: { ruleId: string; path: string; start: { line: number }; end: { line: number } }[] };
  const byFile = new Map<string, { line: number; endLine: number; rule: string }[]>();
  for (const f of report.findings) {
    if (!f.ruleId.startsWith('secret.')) continue;
    const list = byFile.get(f.path) ?? [];
    list.push({ line: f.start.line, endLine: f.end.line, rule: f.ruleId });
    byFile.set(f.path, list);
  }
  return byFile;
}

interface Tally {
  found: number;
  total: number;
}

function pct(t: Tally): string {
  return t.total === 0 ? '-' : `${((100 * t.found) / t.total).toFixed(1)}%`;
}

async function measure(title: string, dir: string, shapes: readonly Shape[], misses: boolean): Promise<void> {
  const written = await writeCorpus(dir, shapes);
  const started = Date.now();
  const hits = await scanHits(dir);
  const elapsed = Date.now() - started;
  const tallies = new Map<string, Tally>();
  const bump = (key: string, found: boolean): void => {
    const t = tallies.get(key) ?? { found: 0, total: 0 };
    t.total++;
    if (found) t.found++;
    tallies.set(key, t);
  };
  const missed: string[] = [];
  for (const w of written) {
    const found = (hits.get(w.file.split(path.sep).join('/')) ?? []).some((h) => h.line <= w.line && w.line <= h.endLine);
    const side = w.placement.telling ? 'telling' : 'neutral';
    bump(`${w.shape.klass} / ${side}`, found);
    bump(`all / ${side}`, found);
    bump(`${w.shape.klass} / ${w.placement.name}`, found);
    if (!found) missed.push(`${w.shape.source} ${w.placement.name} ${w.file}:${w.line}`);
  }
  const classes = { prefixed: shapes.filter((s) => s.klass === 'prefixed').length, 'needs-name': shapes.filter((s) => s.klass === 'needs-name').length };
  process.stdout.write(`\n${title}: ${shapes.length} shapes (${classes.prefixed} prefixed/structured, ${classes['needs-name']} need the provider's name), ${written.length} files, scanned in ${elapsed} ms\n`);
  const keys = [...tallies.keys()].sort((a, b) => (a.includes(':') === b.includes(':') ? a.localeCompare(b) : a.includes(':') ? 1 : -1));
  for (const key of keys) {
    const t = tallies.get(key)!;
    process.stdout.write(`  ${key.padEnd(44)} ${String(t.found).padStart(5)} / ${String(t.total).padEnd(5)} ${pct(t).padStart(7)}\n`);
  }
  if (misses) for (const m of missed) process.stdout.write(`  missed ${m}\n`);
}

async function main(): Promise<void> {
  const seed = Number(option('--seed') ?? 20240611);
  const misses = process.argv.includes('--misses');
  await measure('rulebook provider patterns', CORPUS, await ourShapes(new Random(seed)), misses);
  const gitleaks = option('--gitleaks');
  if (gitleaks) {
    const rules = readGitleaksRules(await fs.readFile(gitleaks, 'utf8'));
    const { shapes, skipped } = gitleaksShapes(rules, new Random(seed));
    await measure(`gitleaks default rules (${rules.length})`, `${CORPUS}-gitleaks`, shapes, misses);
    process.stdout.write(`  not measured: public identifiers (${GITLEAKS_PUBLIC_IDS.size}) and generic or path rules: ${skipped.filter((s) => !GITLEAKS_PUBLIC_IDS.has(s)).join(', ')}\n`);
  } else {
    process.stdout.write('\n(gitleaks cross-check skipped: pass --gitleaks PATH/config/gitleaks.toml)\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
