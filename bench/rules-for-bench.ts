/**
 * Cost of deciding which rules apply to a file (`Rulebook.rulesFor`: languages, disable/enable, overrides, path
 * sections, globs), paid once per scanned file. Generates a rulebook of N pattern rules with overrides and path
 * sections in a temporary folder, then times rulesFor over files inside and outside the sections.
 *
 *   node bench/out/rules-for-bench.js [--rules 300] [--files 3000] [--rounds 12]
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadRulebook } from '@secure-coding/server';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function rulebookText(rules: number): string {
  const lines = ['extends: []', 'disable: ["bench.r1*"]', 'overrides:', '  bench.r2: { severity: info }', '  "bench.r3*": { message: "changed" }', 'paths:'];
  for (let i = 0; i < 10; i++) lines.push(`  "dir${i}/**": { severity: warning, disable: ["bench.r4*"] }`);
  lines.push('rules:');
  for (let i = 0; i < rules; i++) {
    lines.push(`  - id: bench.r${i}`, '    kind: pattern', `    regex: MARK${i}X`, '    severity: error', '    message: m', '    rationale: r', '    paths: { exclude: ["test/**"] }');
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const rules = option('--rules', 300);
  const files = option('--files', 3000);
  const rounds = option('--rounds', 12);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rules-for-bench-'));
  try {
    const file = path.join(dir, '.secure-coding', 'rulebook.yaml');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, rulebookText(rules));
    const rulebook = await loadRulebook({ rulebookFile: file, checkExamples: false });
    for (const [label, folder] of [
      ['files in a path section', (i: number) => `dir${i % 10}`],
      ['files in no section', (i: number) => `src${i % 10}`],
    ] as const) {
      const paths = Array.from({ length: files }, (_, i) => `${folder(i)}/sub/file${i}.c`);
      let best = Infinity;
      for (let round = 0; round < rounds; round++) {
        const start = process.hrtime.bigint();
        for (const p of paths) rulebook.rulesFor(p, 'c');
        best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e3 / files);
      }
      process.stdout.write(`rulesFor, ${rules} rules, ${label}: ${best.toFixed(1)} µs per file (best of ${rounds} rounds of ${files} files)\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
