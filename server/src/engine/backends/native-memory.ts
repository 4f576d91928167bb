/**
 * Native syntax trees live outside V8's heap and are freed only when the garbage collector finalizes their
 * JavaScript wrappers (and Node runs those finalizers between turns of the event loop); the binding does not tell
 * V8 how much memory each holds, so to V8 a tree of 30 MB weighs a few bytes, and old trees referenced from old
 * space wait for the next full collection, which a small heap rarely needs. `NativeTreeCollector` asks for a full
 * collection when the process has grown by a set amount, so garbage trees stay bounded by it.
 *
 * The collector is reached through V8's own flag (`--expose-gc`, set at run time and read through a fresh context);
 * where that is refused, nothing is collected early and memory stays as it was.
 */
import * as v8 from 'v8';
import * as vm from 'vm';

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? () => (gc as () => void)() : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/**
 * Asks for a full collection when the process has grown by `headroom` bytes since the memory last settled after
 * one. Reading the resident size is cheap (one system call), and a scan whose trees are collected anyway never pays
 * for a collection. The size after a collection is read at the next check, once the event loop has run the
 * finalizers that free the trees.
 */
export class NativeTreeCollector {
  private settled = 0;
  private collected = false;

  constructor(
    private readonly headroom: number,
    private readonly residentSize: () => number = () => process.memoryUsage.rss(),
    private readonly collect: () => (() => void) | null = collector,
  ) {}

  /** Called before each parse. */
  check(): void {
    const rss = this.residentSize();
    if (this.collected || this.settled === 0) {
      this.settled = rss;
      this.collected = false;
      return;
    }
    if (rss < this.settled) this.settled = rss;
    if (rss - this.settled < this.headroom) return;
    const gc = this.collect();
    if (!gc) return;
    gc();
    this.collected = true;
  }
}
