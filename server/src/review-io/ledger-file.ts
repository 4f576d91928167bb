/**
 * The ledger on disk. Appends are one `write` on a file opened with O_APPEND, so two processes approving at once
 * both land whole, and a crash can at worst leave an incomplete last line (reported and skipped when read) but
 * never shortens what was there. `prune` is the only rewrite: a temporary file renamed over the ledger, so a
 * reader sees the old file or the new one, never half of either.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { diskReader, FileReader } from '../engine';
import { Ledger, LEDGER_RELATIVE_PATH, parseLedger, serializeEntry } from '../engine/review/ledger';
import { ReviewEntry } from '../engine/review/entry';

/** Lets git merge two branches' appended approvals line by line instead of reporting a conflict. */
const GIT_ATTRIBUTES = 'reviews.jsonl merge=union\n';

export function ledgerFile(root: string): string {
  return path.join(root, LEDGER_RELATIVE_PATH);
}

export async function readLedger(root: string, reader: FileReader = diskReader): Promise<Ledger> {
  const bytes = await reader.read(ledgerFile(root));
  return parseLedger(bytes ? bytes.toString('utf8') : '');
}

async function ensureGitAttributes(dir: string): Promise<void> {
  const file = path.join(dir, '.gitattributes');
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (existing === undefined) {
    await fs.writeFile(file, GIT_ATTRIBUTES, { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  } else if (!/^reviews\.jsonl\s.*merge=union/m.test(existing)) {
    await fs.appendFile(file, `${existing.endsWith('\n') || existing === '' ? '' : '\n'}${GIT_ATTRIBUTES}`);
  }
}

/** Appends entries to the ledger in one write, creating it (and `.secure-coding/.gitattributes`) when needed. */
export async function appendEntries(root: string, entries: readonly ReviewEntry[]): Promise<void> {
  await appendLines(root, entries.map(serializeEntry));
}

/** Appends serialised ledger lines (entries or batches) in one write. */
export async function appendLines(root: string, lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const file = ledgerFile(root);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await ensureGitAttributes(path.dirname(file));
  const handle = await fs.open(file, 'a');
  try {
    // An interrupted earlier write may have left a last line without its newline: start on a fresh line.
    const { size } = await handle.stat();
    let lead = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      const reader = await fs.open(file, 'r');
      try {
        await reader.read(last, 0, 1, size - 1);
      } finally {
        await reader.close();
      }
      if (last[0] !== 0x0a) lead = '\n';
    }
    const data = Buffer.from(`${lead}${lines.join('\n')}\n`, 'utf8');
    const { bytesWritten } = await handle.write(data, 0, data.length);
    if (bytesWritten !== data.length) throw new Error(`only ${bytesWritten} of ${data.length} bytes reached ${file} (disk full?)`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Rewrites the ledger through `transform` atomically. If another process appended while the new text was being
 * made, it starts over from the file as it is now, so that append is kept.
 */
export async function replaceLedger(root: string, transform: (text: string) => string, attempts = 5): Promise<void> {
  const file = ledgerFile(root);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const before = await fs.stat(file).catch(() => undefined);
    if (!before) return;
    const text = await fs.readFile(file, 'utf8');
    const next = transform(text);
    const temp = path.join(path.dirname(file), `.reviews.jsonl.${process.pid}.${Date.now()}.tmp`);
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(next, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    const after = await fs.stat(file).catch(() => undefined);
    if (after && after.size === before.size && after.mtimeMs === before.mtimeMs) {
      await fs.rename(temp, file);
      return;
    }
    await fs.unlink(temp).catch(() => undefined);
  }
  throw new Error(`${file} kept changing while it was being rewritten; try again`);
}
