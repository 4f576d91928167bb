/**
 * Cost of the review gate on a repository with many approved findings: a real git repository of FILES C files with
 * PER_FILE banned calls each, every finding approved by a listed ed25519 reviewer. Times, as medians:
 * - `reviewStates` in-process (signature checks and one `git blame` per file for the self-review check),
 * - `rulebook review verify` end to end, next to `rulebook scan` over the same files (the gate's overhead).
 *
 *   npm run build && node bench/out/review-bench.js [--files 200] [--per-file 10] [--runs 3]
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Finding, canonicalMessage, compareFindings, isoSeconds, loadRulebook, parsePrivateKey, reviewStates, ruleDefinitionHash, scanFile, serializeEntry, signMessage } from '@secure-coding/server';
import { GitAuthorship } from '@secure-coding/server/out/review-io/git-authorship';
import { readLedger } from '@secure-coding/server/out/review-io/ledger-file';

const CLI = path.resolve(__dirname, '..', '..', 'server', 'bin', 'rulebook.js');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeCli(cwd: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`rulebook ${args.join(' ')} exited ${r.status}: ${r.stdout.slice(0, 500)}${r.stderr.slice(0, 500)}`);
  }
  return median(times);
}

async function main(): Promise<void> {
  const files = option('--files', 200);
  const perFile = option('--per-file', 10);
  const runs = option('--runs', 3);
  const root = mkdtempSync(path.join(os.tmpdir(), 'rulebook-review-bench-'));
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bob@example.com', '-f', path.join(root, 'bob.key')]);
    const publicLine = readFileSync(path.join(root, 'bob.key.pub'), 'utf8').trim();
    mkdirSync(path.join(root, '.secure-coding'));
    writeFileSync(path.join(root, '.secure-coding/rulebook.yaml'), `review:\n  reviewers:\n    - { id: bob, name: Bob, email: bob@example.com, key: "${publicLine}" }\n`);
    writeFileSync(path.join(root, '.gitignore'), 'bob.key*\n');
    mkdirSync(path.join(root, 'src'));
    for (let f = 0; f < files; f++) {
      const body = Array.from({ length: perFile }, (_, i) => `void read_${f}_${i}(char *b) {\n  gets(b);\n}\n`).join('');
      writeFileSync(path.join(root, 'src', `file${f}.c`), `#include <stdio.h>\n${body}`);
    }
    git('add', '-A');
    git('-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'commit', '-q', '-m', 'code');

    const rulebook = await loadRulebook({ rulebookFile: path.join(root, '.secure-coding/rulebook.yaml'), root, checkExamples: false });
    const findings: Finding[] = [];
    for (let f = 0; f < files; f++) findings.push(...(await scanFile(rulebook, path.join(root, 'src', `file${f}.c`))).findings);
    findings.sort(compareFindings);
    const key = parsePrivateKey(readFileSync(path.join(root, 'bob.key'), 'utf8'));
    const now = new Date();
    const signStart = process.hrtime.bigint();
    const lines = findings.map((finding) => {
      const fields = {
        action: 'approve' as const,
        fingerprint: finding.fingerprint,
        rule: finding.ruleId,
        ruleHash: ruleDefinitionHash(rulebook.rule(finding.ruleId)!.rule),
        path: finding.path,
        line: finding.range.start.line + 1,
        snippetHash: finding.snippetHash,
        reviewer: 'bob',
        time: isoSeconds(now),
        expires: isoSeconds(new Date(now.getTime() + 90 * 86_400_000)),
        reason: 'bench',
      };
      return serializeEntry({ ...fields, sig: signMessage(canonicalMessage(fields), key).toString('base64') });
    });
    const signMs = Number(process.hrtime.bigint() - signStart) / 1e6;
    writeFileSync(path.join(root, '.secure-coding/reviews.jsonl'), `${lines.join('\n')}\n`);
    const ledger = await readLedger(root);

    const stateTimes: number[] = [];
    let approved = 0;
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      const overview = await reviewStates(findings, ledger, rulebook, { now, authorship: new GitAuthorship(root) });
      stateTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
      approved = overview.reviews.filter((r) => r.state === 'approved').length;
    }
    const noGit: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      await reviewStates(findings, ledger, rulebook, { now });
      noGit.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const scanMs = timeCli(root, ['scan', 'src', '--exit-zero', '--quiet'], runs);
    const verifyMs = timeCli(root, ['review', 'verify', '--quiet'], runs);
    const ledgerKb = Buffer.byteLength(lines.join('\n')) / 1024;
    process.stdout.write(
      [
        `review bench: ${files} files, ${findings.length} findings, ${approved} approved, ledger ${ledgerKb.toFixed(0)} KB (${(ledgerKb * 1024 / lines.length).toFixed(0)} B/entry)`,
        `sign ${findings.length} approvals in-process: ${signMs.toFixed(0)} ms (${((signMs * 1000) / findings.length).toFixed(0)} µs each)`,
        `reviewStates, signatures only: ${median(noGit).toFixed(0)} ms; with git blame for self-review (${files} git processes): ${median(stateTimes).toFixed(0)} ms`,
        `rulebook scan: ${scanMs.toFixed(0)} ms; rulebook review verify: ${verifyMs.toFixed(0)} ms (median of ${runs})`,
      ].join('\n') + '\n',
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
