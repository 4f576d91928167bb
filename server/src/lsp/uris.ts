/**
 * Document URIs and file paths, and which workspace folder a file belongs to. Only `file:` documents have a path on
 * disk; others (`untitled:`) are scanned under a made-up name so that language and path rules still apply.
 */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/** Schemes whose documents are scanned: files and unsaved new files (not git views, output panes…). */
export function isScannable(uri: string): boolean {
  return uri.startsWith('file:') || uri.startsWith('untitled:');
}

export class WorkspaceFolders {
  private folders: string[] = [];

  set(paths: readonly string[]): void {
    this.folders = [...new Set(paths.map((p) => path.resolve(p)))];
  }

  add(paths: readonly string[]): void {
    this.set([...this.folders, ...paths]);
  }

  remove(paths: readonly string[]): void {
    const gone = new Set(paths.map((p) => path.resolve(p)));
    this.folders = this.folders.filter((f) => !gone.has(f));
  }

  all(): readonly string[] {
    return this.folders;
  }

  /** The innermost folder containing a file, if any. */
  folderOf(file: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      const rel = path.relative(folder, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (!best || folder.length > best.length) best = folder;
    }
    return best;
  }
}
