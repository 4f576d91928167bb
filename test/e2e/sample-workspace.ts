/**
 * The workspace the end-to-end test opens: one C file with an unsafe call in code and the same name in a comment
 * and a string, and a second file that only Scan Workspace reports, since it is never opened.
 */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';

export const SAMPLE_FILE = 'sample.c';
export const UNOPENED_FILE = 'unopened.c';

const UNOPENED_SOURCE = `#include <stdio.h>

void read_name(void) {
    char name[32];
    gets(name);
}
`;

export const SAMPLE_SOURCE = `#include <stdio.h>
#include <string.h>

/* Never call gets(line) here: it overflows the buffer. */
static const char *HELP = "gets(line) is banned";

int main(void) {
    char line[80];
    gets(line);
    puts(HELP);
    puts(line);
    return 0;
}
`;

/** One-based line of the first line containing `needle`, as VS Code shows it. */
export function lineOf(needle: string): number {
  const index = SAMPLE_SOURCE.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`the sample has no line with ${needle}`);
  return index + 1;
}

/** Where the unsafe call starts: one-based line and column, as the Problems panel prints them. */
export const CALL = { line: lineOf('    gets(line);'), column: SAMPLE_SOURCE.split('\n')[lineOf('    gets(line);') - 1].indexOf('gets') + 1 };

export const LINES = {
  call: lineOf('    gets(line);'),
  comment: lineOf('/* Never call gets'),
  string: lineOf('"gets(line) is banned"'),
};

export function writeSampleWorkspace(directory: string): string {
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, SAMPLE_FILE), SAMPLE_SOURCE);
  writeFileSync(path.join(directory, UNOPENED_FILE), UNOPENED_SOURCE);
  return directory;
}
