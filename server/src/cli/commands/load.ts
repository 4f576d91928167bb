/** Loads the rulebook for a command and prints its problems as `file:line:col: severity: message`. */
import { existsSync } from 'fs';
import { Rulebook, formatProblem, loadRulebook } from '../../engine';
import { openablePath } from '../display-path';
import { RulebookChoice, chooseRulebook } from '../locate-rulebook';
import { Output } from '../output';

export interface LoadedForCommand {
  readonly rulebook: Rulebook;
  readonly choice: RulebookChoice;
}

/** Which rulebook a command uses: the one given, or the workspace's found from the current folder. */
export function chooseForCommand(explicit: string | undefined): RulebookChoice {
  const choice = chooseRulebook(explicit, process.cwd());
  if (explicit && choice.file && !existsSync(choice.file)) throw new UsageError(`rulebook not found: ${explicit}`);
  return choice;
}

export async function loadForCommand(
  output: Output,
  explicit: string | undefined,
  options: { checkExamples?: boolean | 'own'; checkBuiltin?: boolean; choice?: RulebookChoice } = {},
): Promise<LoadedForCommand> {
  const choice = options.choice ?? chooseForCommand(explicit);
  const rulebook = await loadRulebook({ rulebookFile: choice.file, root: choice.root, checkExamples: options.checkExamples, checkBuiltin: options.checkBuiltin });
  for (const problem of rulebook.problems) output.err(`${formatProblem({ ...problem, file: openablePath(problem.file) })}\n`);
  return { rulebook, choice };
}

/** A mistake in how the command was called: exit code 2 with the message. */
export class UsageError extends Error {}
