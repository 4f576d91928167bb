/**
 * The workspace the end-to-end test opens: one C file with two unsafe calls in code and the same names in a comment
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

/* Never call gets(line) or strcpy(copy, line) here: they overflow the buffer. */
static const char *HELP = "gets(line) and strcpy(copy, line) are banned";

int main(void) {
    char line[80];
    char copy[80];
    gets(line);
    strcpy(copy, line);
    puts(HELP);
    puts(copy);
    return 0;
}
`;

/** One-based line and column of the first occurrence of `needle`, as VS Code shows them. */
function positionOf(needle: string, within = needle): { line: number; column: number } {
  const lines = SAMPLE_SOURCE.split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`the sample has no line with ${needle}`);
  return { line: index + 1, column: lines[index].indexOf(within) + 1 };
}

/** The unsafe calls, each with its rule and where it starts. */
export const CALLS = {
  gets: { name: 'gets', ruleId: 'c.banned.gets', ...positionOf('    gets(line);', 'gets') },
  strcpy: { name: 'strcpy', ruleId: 'c.banned.strcpy', ...positionOf('    strcpy(copy, line);', 'strcpy') },
};

/** Lines that mention the same names where they are not calls. */
export const NOT_CALLS = {
  comment: positionOf('/* Never call gets').line,
  string: positionOf('"gets(line) and strcpy').line,
};

export function writeSampleWorkspace(directory: string): string {
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, SAMPLE_FILE), SAMPLE_SOURCE);
  writeFileSync(path.join(directory, UNOPENED_FILE), UNOPENED_SOURCE);
  return directory;
}

/**
 * Files in two of the languages parsed since the C sample: a Kotlin object with a hardcoded password, and a Terraform
 * security group that opens SSH to the world. The test writes them late, so the counts checked before stay the same.
 */
export const LANGUAGE_SAMPLES = [
  {
    file: 'Settings.kt',
    source: 'object Settings {\n    // Read from the environment in production.\n    const val DB_PASSWORD = "Kotl1n!Secret42"\n}\n',
    line: 3,
    flagged: 'Kotl1n!Secret42',
    ruleId: 'secret.hardcoded-password',
  },
  {
    file: 'bastion.tf',
    source:
      'resource "aws_security_group" "bastion" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    line: 6,
    flagged: '0.0.0.0/0',
    ruleId: 'network.open-admin-port',
  },
] as const;
