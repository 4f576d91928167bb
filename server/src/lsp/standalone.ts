/**
 * The language server as the VS Code extension runs it: the entry point of its bundle. In the bundle the wasm files
 * (web-tree-sitter's runtime and each grammar), the built-in `rules/` folder and its parse are copied beside this file, so the
 * engine is told to look there instead of in `node_modules`. The transport comes from the command line
 * (`--node-ipc` from VS Code, `--stdio` from other clients).
 */
import * as path from 'path';
import { PRECOMPILED_RULES_FILE, configureBuiltinRulesDirectory, configureGrammarDirectory } from '../engine';
import { startServer } from './connection';

configureGrammarDirectory(__dirname);
configureBuiltinRulesDirectory(path.join(__dirname, 'rules'), path.join(__dirname, PRECOMPILED_RULES_FILE));
void startServer();
