/**
 * A scan's time budget and cancellation: a safety net, never the reason a scan is fast. Every pass is linear in the
 * file's size; a budget still bounds what a pathological file (or a slow machine) can cost, and lets an editor drop
 * a scan whose text has moved on. The scanner sets the budget around its synchronous part; long loops call
 * `checkBudget()`, which looks at the clock only every few hundred calls, and the parser and queries ask through
 * their progress callbacks. A scan over budget stops with `ScanStopped`, and the file is reported as skipped with
 * the reason — never silently dropped.
 */
import { performance } from 'perf_hooks';

export interface ScanBudget {
  /** `performance.now()` time after which the scan stops. */
  readonly deadline?: number;
  /** Asked now and then: true stops the scan (a newer version of the document is waiting). */
  readonly cancelled?: () => boolean;
}

export type StopReason = 'time-budget' | 'cancelled';

export class ScanStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(reason === 'time-budget' ? 'the scan went over its time budget' : 'the scan was cancelled');
    this.name = 'ScanStopped';
  }
}

/** A budget of `ms` milliseconds from now (none for 0 or less). */
export function budgetOf(ms: number | undefined, cancelled?: () => boolean): ScanBudget | undefined {
  if ((ms === undefined || ms <= 0) && !cancelled) return undefined;
  return { deadline: ms !== undefined && ms > 0 ? performance.now() + ms : undefined, cancelled };
}

let active: ScanBudget | undefined;
let calls = 0;

/** Why the active budget says stop, if it does (looks at the clock every time: for callbacks that are rare). */
export function stopReason(): StopReason | undefined {
  if (!active) return undefined;
  if (active.cancelled?.()) return 'cancelled';
  if (active.deadline !== undefined && performance.now() > active.deadline) return 'time-budget';
  return undefined;
}

/** Throws `ScanStopped` when the active budget is spent; cheap enough for every item of a loop. */
export function checkBudget(): void {
  if (!active || (++calls & 255) !== 0) return;
  const reason = stopReason();
  if (reason) throw new ScanStopped(reason);
}

/** For the parser's and queries' progress callbacks: true stops them. */
export function shouldStop(): boolean {
  return active !== undefined && stopReason() !== undefined;
}

/** Runs the synchronous `work` under `budget` (nested calls keep the outer budget's place). */
export function underBudget<T>(budget: ScanBudget | undefined, work: () => T): T {
  const outer = active;
  active = budget;
  try {
    return work();
  } finally {
    active = outer;
  }
}
