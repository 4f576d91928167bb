/**
 * `rulebook scan --history [REV-RANGE]`: the secret rules over the lines every commit of a range added (default:
 * all of HEAD's history). A secret added and later removed is still reported — it is in the history, so it must be
 * rotated. Each finding says which commit, author and date brought it; the secret is masked as everywhere.
 * Only the added lines are scanned, a file's added lines of one commit as one text: fast enough for tens of
 * thousands of commits, and what matters for a secret (a token, or a name and its value on one line).
 */
import { FileReader, FileScan, Finding, Rulebook, compareFindings, scanFile } from '../../engine';
import { HistoryCommit, countCommits, readHistory } from '../../git/history';
import { GitRepository } from '../../git/repository';
import { GitError } from '../../git/run-git';
import { AddedLine, FileDiff } from '../../git/unified-diff';
import { CommitInfo, ScanReport } from '../formats/report';
import { Output } from '../output';
import { toolVersion } from '../version';
import { UsageError, chooseForCommand, loadForCommand } from './load';
import { ScanOptions, finishScan, formatterFor } from './scan';
import { isAlwaysSkipped } from '../walk';

/** The rulebook with only its secret rules: what a history scan looks for. */
export function secretRulesOnly(rulebook: Rulebook): Rulebook {
  return new Rulebook(
    rulebook.rules.filter((r) => r.rule.kind === 'secret'),
    rulebook.problems,
    rulebook.config,
    rulebook.root,
    rulebook.files,
  );
}

/** A reader that serves one text (the added lines of one file in one commit) under the file's path. */
function textReader(bytes: Buffer): FileReader {
  return { read: () => Promise.resolve(bytes), size: () => Promise.resolve(bytes.length), list: () => Promise.resolve([]) };
}

/** A finding in the text of added lines, moved to the lines of the file in that commit. */
function mapToFile(finding: Finding, added: readonly AddedLine[]): Finding {
  const start = added[finding.range.start.line]?.line ?? finding.range.start.line + 1;
  const end = added[finding.range.end.line]?.line ?? start;
  return { ...finding, range: { start: { line: start - 1, character: finding.range.start.character }, end: { line: end - 1, character: finding.range.end.character } } };
}

/** Scans the added lines of one file of one commit. */
async function scanAdded(rulebook: Rulebook, repo: GitRepository, diff: FileDiff): Promise<FileScan> {
  const added = diff.added ?? [];
  const text = added.map((l) => l.text).join('\n');
  const scan = await scanFile(rulebook, repo.absolute(diff.newPath!), textReader(Buffer.from(text, 'utf8')));
  return { ...scan, findings: scan.findings.map((f) => mapToFile(f, added)) };
}

interface Progress {
  update(done: number): void;
  done(): void;
}

/** Commits done, commits per second: redrawn on a terminal, a line every few seconds in a log. */
function historyProgress(output: Output, total: number, quiet: boolean): Progress {
  const started = Date.now();
  let last = started;
  const interval = output.isTTY ? 200 : 5000;
  const line = (done: number): string => {
    const seconds = (Date.now() - started) / 1000;
    return `history: ${done}/${total} commits (${Math.round(done / Math.max(seconds, 0.001))}/s)`;
  };
  return {
    update(done) {
      if (quiet) return;
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      output.err(output.isTTY ? `\r${line(done)}` : `${line(done)}\n`);
    },
    done() {
      if (!quiet && output.isTTY) output.err('\r\x1b[K');
    },
  };
}

export async function historyScanCommand(paths: readonly string[], options: ScanOptions, output: Output): Promise<number> {
  if (options.format === 'codequality') throw new UsageError('--history writes text, json or sarif');
  const format = formatterFor(options.format);
  const range = typeof options.history === 'string' ? options.history : 'HEAD';
  if (range.startsWith('-')) throw new UsageError(`--history takes a revision range such as HEAD or origin/main..HEAD, not "${range}"`);
  const repo = await GitRepository.at(process.cwd());
  if (!repo) throw new UsageError(`--history needs a git repository, and ${process.cwd()} is not in one`);
  const choice = chooseForCommand(options.rulebook);
  const { rulebook: full } = await loadForCommand(output, options.rulebook, { choice: choice.file ? choice : { root: repo.top }, checkExamples: 'own', checkBuiltin: false });
  if (full.hasErrors) {
    output.err('rulebook: the rulebook has errors (above); fix them or run `rulebook check`\n');
    return 2;
  }
  const rulebook = secretRulesOnly(full);
  let total: number;
  try {
    total = await countCommits(repo, range);
  } catch (err) {
    if (err instanceof GitError) throw new UsageError(`--history ${range}: ${err.stderr.trim() || err.message}`);
    throw err;
  }
  const started = Date.now();
  const bar = historyProgress(output, total, options.quiet);
  const findings: Finding[] = [];
  const commits = new Map<Finding, CommitInfo>();
  const skipped: FileScan[] = [];
  let commitCount = 0;
  let fileCount = 0;
  const pathspecs = paths.map((p) => repo.pathspec(p));
  try {
    for await (const commit of readHistory(repo, range, { pathspecs })) {
      commitCount++;
      const info = commitInfo(commit);
      for (const diff of commit.files) {
        if (isAlwaysSkipped(diff.newPath!)) continue;
        fileCount++;
        const scan = await scanAdded(rulebook, repo, diff);
        if (scan.skipped) skipped.push({ ...scan, path: `${info.id.slice(0, 12)}:${scan.path}` });
        for (const f of scan.findings) {
          findings.push(f);
          commits.set(f, info);
        }
      }
      bar.update(commitCount);
    }
  } catch (err) {
    if (err instanceof GitError) throw new UsageError(err.message);
    throw err;
  }
  bar.done();
  const seconds = (Date.now() - started) / 1000;
  // Newest commit first (the order git lists them), then by place.
  const order = new Map([...new Set([...commits.values()])].map((c, i) => [c, i]));
  findings.sort((a, b) => order.get(commits.get(a)!)! - order.get(commits.get(b)!)! || compareFindings(a, b));
  const report: ScanReport = {
    rulebook,
    findings,
    skipped,
    filesScanned: fileCount,
    locale: options.lang,
    toolVersion: toolVersion(),
    showSuppressed: options.showSuppressed,
    commits,
    history: { range, commits: commitCount, seconds },
  };
  return finishScan(report, [], options, output, format);
}

function commitInfo(commit: HistoryCommit): CommitInfo {
  return { id: commit.id, authorName: commit.authorName, authorEmail: commit.authorEmail, date: commit.date };
}
