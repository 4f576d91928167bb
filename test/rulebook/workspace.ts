/**
 * Temporary workspaces for rulebook tests: inline files (YAML written indented in the test, dedented here) in a
 * fresh folder, loaded with the real loader from disk. Problems come back as `file:line:col: severity: message`
 * with the file relative to the workspace, so a test asserts exact positions.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Rulebook, RulebookProblem, loadRulebook } from '@secure-coding/server';

const created: string[] = [];

/** Removes every workspace made so far (call from `after`). */
export function removeWorkspaces(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Strips the indentation common to all non-blank lines and the first line break: YAML can sit indented in tests. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n').replace(/[ \t]+$/, '');
}

/** A fresh folder holding the given files (paths relative to it; contents dedented). */
export function workspace(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rulebook-test-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, dedent(text));
  }
  return dir;
}

export const RULEBOOK = '.secure-coding/rulebook.yaml';

export function formatRelative(dir: string, problem: RulebookProblem): string {
  const rel = path.relative(dir, problem.file).split(path.sep).join('/');
  const file = rel.startsWith('..') ? problem.file : rel;
  return `${file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
}

export interface Loaded {
  readonly dir: string;
  readonly rulebook: Rulebook;
  /** Every problem as `file:line:col: severity: message`, the file relative to the workspace. */
  readonly problems: string[];
  readonly ids: string[];
}

/** Writes the files and loads `.secure-coding/rulebook.yaml` from them. */
export async function loadWorkspace(files: Readonly<Record<string, string>>, options: { checkExamples?: boolean } = {}): Promise<Loaded> {
  const dir = workspace(files);
  const rulebook = await loadRulebook({ rulebookFile: path.join(dir, RULEBOOK), checkExamples: options.checkExamples });
  return { dir, rulebook, problems: rulebook.problems.map((p) => formatRelative(dir, p)), ids: rulebook.rules.map((r) => r.rule.id) };
}

/** Loads a single inline rulebook that starts from no rules (so only its own rules and problems count). */
export function loadRulebookText(yaml: string, options: { checkExamples?: boolean } = {}): Promise<Loaded> {
  return loadWorkspace({ [RULEBOOK]: yaml }, options);
}

export { CliRun, runCli } from '../cli/run-cli';
