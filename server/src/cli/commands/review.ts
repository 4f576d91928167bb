/**
 * Declares `rulebook review approve|revoke|list|verify|prune` and `rulebook report`; the commands themselves live
 * in the `review-*.ts` files beside this one.
 */
import { InvalidArgumentError, Option } from 'commander';
import { Locale, REVIEW_STATES } from '../../engine';
import { CommandRegistrar, defaultLocale } from '../main';
import { reportCommand } from './report';
import { BatchOptions, reviewBatchCommand } from './review-batch';
import { reviewListCommand } from './review-list';
import { reviewPruneCommand } from './review-prune';
import { RecordOptions, recordReviewCommand } from './review-record';
import { reviewVerifyCommand } from './review-verify';

const lang = (): Option => new Option('--lang <lang>', 'language of messages').choices(['en', 'ja']).default(defaultLocale());
const rulebookOption = (): Option => new Option('-r, --rulebook <file>', 'rulebook file (default: .secure-coding/rulebook.yaml here or above)');

export const reviewCommands: CommandRegistrar = (program, run, output) => {
  const review = program.command('review').description('level-2 review: designated reviewers sign off flagged lines (ledger: .secure-coding/reviews.jsonl)');

  review
    .command('approve')
    .description('sign off the finding at FILE:LINE as a listed reviewer; exit 0 recorded, 1 refused (with why), 2 error')
    .argument('<file:line>', 'the flagged line, e.g. src/net.c:42')
    .option('--rule <rule-id>', 'which rule\'s finding, when the line has several')
    .requiredOption('--as <reviewer-id>', 'your reviewer id in the rulebook\'s review section')
    .requiredOption('--key <private-key-path>', 'your SSH private key (or KEY.pub with the key in ssh-agent)')
    .requiredOption('--reason <text>', 'the justification, recorded with the approval')
    .addOption(rulebookOption())
    .addOption(lang())
    .action((spec: string, opts: RecordOptions) => run(() => recordReviewCommand('approve', spec, opts, output)));

  const collect = (value: string, previous: string[]): string[] => [...previous, value];
  review
    .command('approve-batch')
    .description('sign ONE approval for every open finding the selection covers (adopting on a legacy codebase); lines you wrote are left out and listed')
    .argument('[paths...]', 'files and folders to look in (default: the whole workspace)', [])
    .requiredOption('--as <reviewer-id>', 'your reviewer id in the rulebook\'s review section')
    .option('--key <private-key-path>', 'your SSH private key (or KEY.pub with the key in ssh-agent)')
    .requiredOption('--reason <text>', 'the one justification for the batch, e.g. "legacy, audited 2026-12"')
    .option('--rule <id>', 'a rule id or prefix ending in * (repeatable)', collect, [])
    .option('--path <glob>', 'a path glob such as "src/legacy/**" (repeatable)', collect, [])
    .option('--severity <severity>', 'error, warning or info (repeatable)', (value: string, previous: string[]) => {
      if (!['error', 'warning', 'info'].includes(value)) throw new InvalidArgumentError('expected error, warning or info');
      return [...previous, value];
    }, [])
    .option('--days <n>', 'how long the batch holds (at most the policy\'s max_days)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a number of days');
      return n;
    })
    .option('--dry-run', 'list what the batch would hold, and sign nothing')
    .addOption(rulebookOption())
    .addOption(lang())
    .action((paths: string[], opts: BatchOptions) => run(() => reviewBatchCommand(paths, opts, output)));

  review
    .command('revoke')
    .description('withdraw the approval of the finding at FILE:LINE; exit 0 recorded, 1 refused, 2 error')
    .argument('<file:line>', 'the flagged line')
    .option('--rule <rule-id>', 'which rule\'s finding, when the line has several')
    .requiredOption('--as <reviewer-id>', 'your reviewer id')
    .requiredOption('--key <private-key-path>', 'your SSH private key (or KEY.pub with the key in ssh-agent)')
    .option('--reason <text>', 'why (optional)')
    .addOption(rulebookOption())
    .addOption(lang())
    .action((spec: string, opts: RecordOptions) => run(() => recordReviewCommand('revoke', spec, opts, output)));

  review
    .command('list')
    .description('every finding that needs a sign-off and its review state')
    .argument('[paths...]', 'files and folders (default: the whole workspace)', [])
    .addOption(new Option('--state <state>', 'only findings in this state').choices([...REVIEW_STATES]))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(rulebookOption())
    .addOption(lang())
    .action((paths: string[], opts: { state?: string; format: string; rulebook?: string; lang: Locale }) => run(() => reviewListCommand(paths, opts, output)));

  review
    .command('verify')
    .description('the CI gate: exit 0 only when every finding that needs a sign-off has a valid approval, else 1 listing each problem')
    .argument('[paths...]', 'files and folders (default: the whole workspace)', [])
    .option('-q, --quiet', 'no summary or ledger warnings on stderr')
    .option('--diff-base <ref>', 'only findings on lines added or modified since the merge base of REF and HEAD (a pull request\'s gate)')
    .addOption(rulebookOption())
    .addOption(lang())
    .action((paths: string[], opts: { rulebook?: string; quiet?: boolean; diffBase?: string; lang: Locale }) => run(() => reviewVerifyCommand(paths, opts, output)));

  review
    .command('prune')
    .description('drop ledger entries whose finding no longer exists, and unreadable lines (says which)')
    .addOption(rulebookOption())
    .addOption(lang())
    .action((opts: { rulebook?: string; lang: Locale }) => run(() => reviewPruneCommand(opts, output)));

  program
    .command('report')
    .description('the IPA guide item-7 level this repository meets, with the evidence (Markdown or HTML)')
    .argument('[paths...]', 'files and folders (default: the whole workspace)', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(rulebookOption())
    .addOption(lang())
    .action((paths: string[], opts: { format: string; output?: string; rulebook?: string; lang: Locale }) => run(() => reportCommand(paths, opts, output)));
};
