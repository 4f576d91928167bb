/**
 * `rulebook check`: validates the rulebook and runs every rule's examples. Prints every problem at once as
 * `file:line:col: severity: message`; exit 2 if any is an error.
 */
import { Output } from '../output';
import { loadForCommand } from './load';

export async function checkCommand(options: { rulebook?: string }, output: Output): Promise<number> {
  const { rulebook } = await loadForCommand(output, options.rulebook);
  const errors = rulebook.problems.filter((p) => p.severity === 'error').length;
  const warnings = rulebook.problems.length - errors;
  const files = rulebook.files.length;
  output.out(`${rulebook.rules.length} rules from ${files} file${files === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  return errors > 0 ? 2 : 0;
}
