/**
 * Native syntax trees are freed by the garbage collector only: the collector asks for a full collection when the
 * process has grown by its headroom since memory last settled, and never twice before it has settled again.
 */
import * as assert from 'assert';
import { NativeTreeCollector } from '@secure-coding/server/out/engine/backends/native-memory';

function collectorOver(sizes: number[], headroom = 100): { collector: NativeTreeCollector; collections: () => number } {
  let collections = 0;
  let at = 0;
  const collector = new NativeTreeCollector(
    headroom,
    () => sizes[Math.min(at++, sizes.length - 1)],
    () => () => collections++,
  );
  return { collector, collections: () => collections };
}

describe('native tree collector', () => {
  it('collects once the process has grown by the headroom, then waits for memory to settle', () => {
    // Settles at 500; grows to 650 (over 100); after the collection, 520 is the new settled size.
    const { collector, collections } = collectorOver([500, 560, 650, 520, 600, 700]);
    collector.check(); // 500: the first reading settles
    collector.check(); // 560: within the headroom
    assert.strictEqual(collections(), 0);
    collector.check(); // 650: collect
    assert.strictEqual(collections(), 1);
    collector.check(); // 520: read as settled after the collection, no new collection
    assert.strictEqual(collections(), 1);
    collector.check(); // 600: within 100 of 520
    assert.strictEqual(collections(), 1);
    collector.check(); // 700: over
    assert.strictEqual(collections(), 2);
  });

  it('follows memory down, so growth is measured from the lowest size since', () => {
    const { collector, collections } = collectorOver([500, 420, 510, 530]);
    collector.check();
    collector.check(); // 420 becomes the base
    collector.check(); // 510: within 100 of 420
    assert.strictEqual(collections(), 0);
    collector.check(); // 530: over
    assert.strictEqual(collections(), 1);
  });
});
