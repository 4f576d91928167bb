/**
 * The engine's only door to the file system. Adapters may pass another reader (the language server reads open
 * documents from memory); everything in the engine that needs a file asks this interface.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface FileReader {
  /** The file's bytes, or undefined when it does not exist. */
  read(file: string): Promise<Buffer | undefined>;
  /** The size in bytes without reading it, or undefined when it does not exist or is not a file. */
  size(file: string): Promise<number | undefined>;
  /** Files directly or indirectly below a directory whose names end with one of the suffixes, sorted. */
  list(directory: string, suffixes: readonly string[]): Promise<string[]>;
}

export const diskReader: FileReader = {
  async read(file) {
    try {
      return await fs.readFile(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  },
  async size(file) {
    try {
      const stat = await fs.stat(file);
      return stat.isFile() ? stat.size : undefined;
    } catch {
      return undefined;
    }
  },
  async list(directory, suffixes) {
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (suffixes.some((s) => entry.name.endsWith(s))) found.push(full);
      }
    };
    await walk(directory);
    return found.sort();
  },
};
