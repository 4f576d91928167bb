/**
 * What a rulebook was loaded from, so that a scan worker loads the very same rulebook: the files the main thread's
 * reader returned (open documents' unsaved text included), or found missing, while loading it. The built-in rule
 * files are not recorded: a worker reads them from the same folder. A source is identified by a hash of all that,
 * which workers cache rulebooks by.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { FileReader, builtinRulesDirectory, diskReader } from '../engine';
import type { RulebookKey } from './rulebooks';

export interface RulebookSource {
  readonly id: string;
  readonly key: RulebookKey;
  /** File → its text as read, or null when it was looked for and missing. */
  readonly files: readonly (readonly [string, string | null])[];
  /** `directory\0suffixes` → the files listed. */
  readonly lists: readonly (readonly [string, readonly string[]])[];
  /** File → its size when asked (whether a file exists decides which file a folder entry of `extends` means). */
  readonly sizes: readonly (readonly [string, number | null])[];
}

function isBuiltin(file: string): boolean {
  const rel = path.relative(builtinRulesDirectory(), path.resolve(file));
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A reader that records what it returned outside the built-in rules; `source()` then describes the load. */
export function recordingReader(inner: FileReader): { reader: FileReader; source(key: RulebookKey): RulebookSource } {
  const files = new Map<string, string | null>();
  const lists = new Map<string, readonly string[]>();
  const sizes = new Map<string, number | null>();
  const reader: FileReader = {
    async read(file) {
      const bytes = await inner.read(file);
      if (!isBuiltin(file)) files.set(path.resolve(file), bytes === undefined ? null : bytes.toString('utf8'));
      return bytes;
    },
    async size(file) {
      const size = await inner.size(file);
      if (!isBuiltin(file)) sizes.set(path.resolve(file), size ?? null);
      return size;
    },
    async list(directory, suffixes) {
      const found = await inner.list(directory, suffixes);
      if (!isBuiltin(directory)) lists.set(`${path.resolve(directory)}\0${suffixes.join('\0')}`, found);
      return found;
    },
  };
  return {
    reader,
    source(key) {
      const fileList = [...files].sort(([a], [b]) => a.localeCompare(b));
      const listList = [...lists].sort(([a], [b]) => a.localeCompare(b));
      const sizeList = [...sizes].sort(([a], [b]) => a.localeCompare(b));
      const id = createHash('sha256').update(JSON.stringify([key, fileList, listList, sizeList])).digest('hex').slice(0, 24);
      return { id, key, files: fileList, lists: listList, sizes: sizeList };
    },
  };
}

/** Reads a recorded source back: recorded files as they were, everything else (the built-in rules) from disk. */
export function sourceReader(source: RulebookSource): FileReader {
  const files = new Map(source.files);
  const lists = new Map(source.lists);
  const sizes = new Map(source.sizes);
  return {
    read(file) {
      const at = path.resolve(file);
      if (files.has(at)) {
        const text = files.get(at);
        return Promise.resolve(text === null || text === undefined ? undefined : Buffer.from(text, 'utf8'));
      }
      return diskReader.read(file);
    },
    size(file) {
      const at = path.resolve(file);
      if (files.has(at)) {
        const text = files.get(at);
        return Promise.resolve(text === null || text === undefined ? undefined : Buffer.byteLength(text, 'utf8'));
      }
      if (sizes.has(at)) return Promise.resolve(sizes.get(at) ?? undefined);
      return diskReader.size(file);
    },
    list(directory, suffixes) {
      const listed = lists.get(`${path.resolve(directory)}\0${suffixes.join('\0')}`);
      return listed ? Promise.resolve([...listed]) : diskReader.list(directory, suffixes);
    },
  };
}
