/** Where the CLI writes: results to stdout or `--output`, notes and progress to stderr. */
import { promises as fs } from 'fs';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

export async function writeResult(output: Output, text: string, file: string | undefined): Promise<void> {
  if (file) await fs.writeFile(file, text, 'utf8');
  else output.out(text);
}

/** A one-line progress counter on a terminal, redrawn at most ten times a second; silent elsewhere. */
export function progress(output: Output, label: string): { update(done: number, total: number): void; done(): void } {
  if (!output.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      output.err(`\r${label} ${done}/${total} files`);
    },
    done() {
      output.err('\r\x1b[K');
    },
  };
}
