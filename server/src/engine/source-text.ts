/**
 * Turns a file's bytes into text to scan, or into a note saying why it is skipped: too large, binary, or minified
 * (very long lines make every matcher slow and the findings useless). Skipping is never an error.
 */
export interface ScanLimits {
  /** Bytes; default 2,000,000. */
  readonly maxFileSize: number;
  /** A line longer than this marks a file as minified; default 20,000 characters. */
  readonly maxLineLength: number;
  /** A file whose scan takes longer than this is skipped (0: no limit); default 5 seconds. */
  readonly maxScanSeconds: number;
}

export const DEFAULT_LIMITS: ScanLimits = { maxFileSize: 2_000_000, maxLineLength: 20_000, maxScanSeconds: 5 };

export type SkipReason = 'too-large' | 'binary' | 'minified' | 'unreadable' | 'time-budget';

/** The note of a file whose scan went over the time budget. */
export function timeBudgetNote(limits: ScanLimits): SkipNote {
  return {
    reason: 'time-budget',
    detail: `scanning it took longer than ${limits.maxScanSeconds} s (settings.max_scan_seconds); the other files were scanned`,
  };
}

export interface SkipNote {
  readonly reason: SkipReason;
  readonly detail: string;
}

export function sizeNote(size: number, limits: ScanLimits): SkipNote | undefined {
  if (size <= limits.maxFileSize) return undefined;
  return { reason: 'too-large', detail: `${size} bytes is over the ${limits.maxFileSize}-byte limit (settings.max_file_size)` };
}

/** Bytes that do not occur in text: NUL, or a high share of control characters in the first 8 KiB. */
function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  // Control characters other than tab, newlines and form feed; counted natively rather than byte by byte.
  // eslint-disable-next-line no-control-regex
  const control = head.toString('latin1').match(/[\x01-\x08\x0e-\x1f]/g)?.length ?? 0;
  return head.length > 0 && control / head.length > 0.1;
}

/** Minified: a line over the limit, or an average line over 500 characters in a file of some size. */
export function minifiedNote(text: string, limits: ScanLimits): SkipNote | undefined {
  let longest = 0;
  let lines = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    const end = i < 0 ? text.length : i;
    longest = Math.max(longest, end - start);
    if (i < 0) break;
    lines++;
    start = i + 1;
  }
  if (longest > limits.maxLineLength) {
    return { reason: 'minified', detail: `a line of ${longest} characters (over settings.max_line_length ${limits.maxLineLength}) suggests minified or generated code` };
  }
  if (text.length > 4096 && text.length / lines > 500) {
    return { reason: 'minified', detail: `lines average ${Math.round(text.length / lines)} characters: minified or generated code` };
  }
  return undefined;
}

export function decodeSource(bytes: Buffer, limits: ScanLimits): { text: string } | { skip: SkipNote } {
  const tooLarge = sizeNote(bytes.length, limits);
  if (tooLarge) return { skip: tooLarge };
  if (looksBinary(bytes)) return { skip: { reason: 'binary', detail: 'binary content' } };
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const minified = minifiedNote(text, limits);
  if (minified) return { skip: minified };
  return { text };
}
