/**
 * `rulebook review prune`: the one command that rewrites the ledger. It drops entries whose finding no longer
 * exists anywhere in the workspace and lines that cannot be read, says which, and replaces the file atomically.
 * Entries for files that were skipped (too large, unreadable) are kept: their findings were not looked at.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { Locale, parseLedger } from '../../engine';
import { replaceLedger } from '../../review-io/ledger-file';
import { Output } from '../output';
import { scanForReview } from '../review-scan';

export interface PruneOptions {
  readonly rulebook?: string;
  readonly lang: Locale;
}

export async function reviewPruneCommand(options: PruneOptions, output: Output): Promise<number> {
  const scan = await scanForReview([], { rulebook: options.rulebook, quiet: true }, output);
  if (!scan) return 2;
  const root = scan.rulebook.root;
  const scanned = new Set(scan.results.filter((r) => !r.skipped).map((r) => r.path));
  const gone = scan.overview.unmatched.filter((l) => scanned.has(l.entry.path) || !existsSync(path.join(root, l.entry.path)));
  // A batch is one signature over all its items: it is dropped only when none of its findings exists any more.
  const goneItems = new Map<number, number>();
  for (const l of gone) if (l.entry.batch) goneItems.set(l.line, (goneItems.get(l.line) ?? 0) + 1);
  const batches = new Map((scan.ledger.batches ?? []).map((b) => [b.line, b]));
  const dropped = gone.filter((l) => !l.entry.batch);
  const droppedBatches = [...goneItems].filter(([line, n]) => batches.get(line)?.entry.items.length === n).map(([line]) => batches.get(line)!);
  for (const l of dropped) {
    const e = l.entry;
    output.out(`dropped line ${l.line}: ${e.action} of ${e.path}:${e.line} ${e.rule} by ${e.reviewer} (${scanned.has(e.path) ? 'the finding no longer exists' : 'the file no longer exists'})\n`);
  }
  for (const b of droppedBatches) output.out(`dropped line ${b.line}: batch approval ${b.id} of ${b.entry.items.length} by ${b.entry.reviewer} (none of its findings exists any more)\n`);
  for (const p of scan.ledger.problems) output.out(`dropped line ${p.line}: ${p.message.replace(/; ignored$/, '')}\n`);
  if (dropped.length === 0 && droppedBatches.length === 0 && scan.ledger.problems.length === 0) {
    output.err(options.lang === 'ja' ? '削除する項目はありません\n' : 'nothing to prune\n');
    return 0;
  }
  // Entries are recognised by their signature, not their line number: if someone appends meanwhile, the rewrite
  // starts over from the file as it is then and still drops exactly these.
  const droppedSignatures = new Set([...dropped.map((l) => l.entry.sig), ...droppedBatches.map((b) => b.entry.sig)]);
  await replaceLedger(root, (current) => {
    const lines = current.split('\n');
    const ledger = parseLedger(current);
    const keptLines = new Set([...ledger.entries.filter((l) => !droppedSignatures.has(l.entry.sig)).map((l) => l.line)]);
    const kept = [...keptLines].sort((a, b) => a - b).map((n) => lines[n - 1]);
    return kept.length > 0 ? `${kept.join('\n')}\n` : '';
  });
  const count = dropped.length + droppedBatches.length + scan.ledger.problems.length;
  output.err(options.lang === 'ja' ? `${count} 行を削除しました\n` : `pruned ${count} line${count === 1 ? '' : 's'}\n`);
  return 0;
}
