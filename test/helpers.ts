/** Shared test helpers: paths of the repository and marked-up inline sources. */
import * as path from 'path';
import { ParserBackendName, preferParsers } from '@secure-coding/server/out/engine/grammars';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const RULES_DIR = path.join(REPO_ROOT, 'rules');
export const CLI = path.join(REPO_ROOT, 'server/bin/rulebook.js');

/**
 * Inline sources mark expected ranges with ⟦ and ⟧ instead of hand-counted columns:
 * `marked('x = ⟦gets⟧(b);')` gives the text without marks and the zero-based ranges between them.
 */
export function marked(source: string): { text: string; ranges: { line: number; start: number; end: number }[] } {
  const ranges: { line: number; start: number; end: number }[] = [];
  let text = '';
  let open: { line: number; start: number } | undefined;
  let line = 0;
  let column = 0;
  for (const ch of source) {
    if (ch === '⟦') {
      open = { line, start: column };
      continue;
    }
    if (ch === '⟧') {
      if (open) ranges.push({ ...open, end: column });
      open = undefined;
      continue;
    }
    text += ch;
    if (ch === '\n') {
      line++;
      column = 0;
    } else {
      column += ch.length;
    }
  }
  return { text, ranges };
}

/** The parser backends every syntax test and fixture runs on (`grammars.ts`): wasm everywhere, native in the CLI. */
export const PARSER_BACKENDS: readonly ParserBackendName[] = ['wasm', 'native'];

/**
 * A describe block per parser backend: grammars loaded inside it come from that backend (where a grammar has no
 * native binding, native means wasm, as in the CLI). The default (wasm) is restored after it.
 */
export function describeEachParser(title: string, body: (this: Mocha.Suite, backend: ParserBackendName) => void): void {
  for (const backend of PARSER_BACKENDS) {
    describe(`${title} [${backend}]`, function () {
      before(() => preferParsers(backend));
      after(() => preferParsers('wasm'));
      body.call(this, backend);
    });
  }
}
