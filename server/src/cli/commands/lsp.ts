/**
 * `rulebook lsp --stdio`: the language server. The transport flags are read again by vscode-languageserver; this
 * command only checks that exactly one was given, then serves until the client disconnects.
 */
import { CommandRegistrar } from '../main';
import { UsageError } from './load';

export interface LspOptions {
  readonly stdio?: boolean;
  readonly nodeIpc?: boolean;
  readonly socket?: string;
}

export async function lspCommand(options: LspOptions): Promise<number> {
  const transports = [options.stdio, options.nodeIpc, options.socket !== undefined].filter(Boolean).length;
  if (transports !== 1) throw new UsageError('lsp needs exactly one transport: --stdio, --node-ipc or --socket=PORT');
  // Loaded here so that the other commands do not load the language server library.
  const { startServer } = await import('../../lsp/connection');
  await startServer();
  return 0;
}

export const lspCommands: CommandRegistrar = (program, run) => {
  program
    .command('lsp')
    .description('run the language server (for editors): inline findings as you type')
    .option('--stdio', 'talk LSP over stdin/stdout')
    .option('--node-ipc', 'talk LSP over Node IPC (VS Code)')
    .option('--socket <port>', 'talk LSP over a socket')
    .option('--clientProcessId <pid>', 'exit when this process ends')
    .action((opts: LspOptions) => run(() => lspCommand(opts)));
};
