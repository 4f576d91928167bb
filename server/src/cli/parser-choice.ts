/**
 * Which parser backend the CLI asks the engine for (`grammars.ts`): native where a grammar's native binding loads,
 * since it parses about 1.4× faster; `RULEBOOK_PARSER=wasm` forces web-tree-sitter's wasm (what the editor runs),
 * to compare or to rule the native binding out. The language server (`rulebook lsp`) always runs wasm.
 */
import { ParserBackendName } from '../engine/grammars';

export const PARSER_VARIABLE = 'RULEBOOK_PARSER';

export function cliParsers(env: NodeJS.ProcessEnv = process.env): ParserBackendName {
  const asked = env[PARSER_VARIABLE]?.trim().toLowerCase();
  return asked === 'wasm' ? 'wasm' : 'native';
}
