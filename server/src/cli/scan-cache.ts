/**
 * `rulebook scan --cache`: results of earlier scans, reused for files whose content has not changed. An entry is
 * keyed by the file's path and the SHA-256 of its bytes; the whole cache by the effective rulebook (the hash of
 * every rulebook file read, the built-in ones included) and the engine (its version and a hash of its code), so
 * any change to a rule, a setting or the engine starts a new cache. A cache holds what a scan prints — masked
 * messages and hashes — never the flagged text.
 */
import { createHash } from 'crypto';
import { promises as fs, readFileSync, readdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileScan, Rulebook, relativePath } from '../engine';
import { toolVersion } from './version';

const CACHE_FORMAT = 1;

interface CachedEntry {
  /** SHA-256 of the file's bytes. */
  readonly h: string;
  /** The scan result without its path. */
  readonly r: Omit<FileScan, 'path'>;
}

interface CacheFile {
  readonly format: number;
  readonly key: string;
  readonly entries: Record<string, CachedEntry>;
}

let engineIdentity: string | undefined;

/** The tool's version, a hash of the engine's compiled code and the versions of the parsers it loads. */
export function engineId(): string {
  if (engineIdentity) return engineIdentity;
  const hash = createHash('sha256').update(toolVersion());
  const engineDir = path.join(__dirname, '../engine');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js') || entry.name.endsWith('.json')) hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(engineDir);
  for (const name of ['web-tree-sitter', 'tree-sitter-c', 'tree-sitter-cpp', 'tree-sitter-javascript', 'tree-sitter-typescript', 'tree-sitter-python', 'tree-sitter-go', 'tree-sitter-java']) {
    try {
      hash.update(`${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: string }).version}`);
    } catch {
      hash.update(`${name}@none`);
    }
  }
  engineIdentity = hash.digest('hex');
  return engineIdentity;
}

/** `$XDG_CACHE_HOME/secure-coding-rulebook`, else `~/.cache/secure-coding-rulebook`. */
export function defaultCacheDirectory(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'secure-coding-rulebook');
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export interface CacheLookup {
  /** Results reused from the cache. */
  readonly hits: FileScan[];
  /** Files to scan (new, changed, or not cached). */
  readonly misses: string[];
}

export class ScanCache {
  private readonly entries: Record<string, CachedEntry>;
  private readonly hashes = new Map<string, string>();

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly rulebook: Rulebook,
    previous: CacheFile | undefined,
  ) {
    this.entries = previous?.key === key ? { ...previous.entries } : {};
  }

  /**
   * Opens the cache for this rulebook: `location` is a file, or a folder (ends with `/` or exists as one) that holds
   * one cache file per workspace; default: the user cache folder.
   */
  static async open(rulebook: Rulebook, location?: string): Promise<ScanCache> {
    const key = sha256(`${CACHE_FORMAT}\0${engineId()}\0${rulebook.config.version}\0${rulebook.root}`);
    const file = await cacheFileFor(rulebook.root, location);
    let previous: CacheFile | undefined;
    try {
      const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as CacheFile;
      if (parsed && parsed.format === CACHE_FORMAT && typeof parsed.entries === 'object') previous = parsed;
    } catch {
      previous = undefined;
    }
    return new ScanCache(file, key, rulebook, previous);
  }

  /** The cache file in use. */
  get location(): string {
    return this.file;
  }

  /** Splits files into cached results whose content hash still matches, and files to scan. */
  lookup(files: readonly string[]): CacheLookup {
    const hits: FileScan[] = [];
    const misses: string[] = [];
    for (const file of files) {
      const rel = relativePath(this.rulebook.root, file);
      let hash: string;
      try {
        hash = sha256(readFileSync(file));
      } catch {
        misses.push(file);
        continue;
      }
      this.hashes.set(rel, hash);
      const cached = this.entries[rel];
      if (cached && cached.h === hash) hits.push({ ...cached.r, path: rel });
      else misses.push(file);
    }
    return { hits, misses };
  }

  /** Keeps the results of files just scanned (not those a rule failed on, nor unreadable ones: try them again). */
  record(results: readonly FileScan[]): void {
    for (const result of results) {
      const hash = this.hashes.get(result.path);
      if (!hash || (result.failures && result.failures.length > 0) || result.skipped?.reason === 'unreadable' || result.skipped?.reason === 'time-budget') {
        delete this.entries[result.path];
        continue;
      }
      const { path: _path, ...rest } = result;
      this.entries[result.path] = { h: hash, r: rest };
    }
  }

  /** Writes the cache atomically (a temporary file renamed over it), dropping entries of files that are gone. */
  async save(): Promise<void> {
    for (const rel of Object.keys(this.entries)) {
      if (!this.hashes.has(rel) && !(await exists(path.join(this.rulebook.root, rel)))) delete this.entries[rel];
    }
    const data: CacheFile = { format: CACHE_FORMAT, key: this.key, entries: this.entries };
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(temp, JSON.stringify(data), { mode: 0o600 });
    await fs.rename(temp, this.file);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

async function cacheFileFor(root: string, location: string | undefined): Promise<string> {
  const name = `scan-${sha256(root).slice(0, 16)}.json`;
  if (!location) return path.join(defaultCacheDirectory(), name);
  const resolved = path.resolve(location);
  const isFolder = location.endsWith('/') || location.endsWith(path.sep) || (await fs.stat(resolved).then((s) => s.isDirectory(), () => false));
  return isFolder ? path.join(resolved, name) : resolved;
}
