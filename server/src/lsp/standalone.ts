/**
 * The language server as the VS Code extension runs it: the entry point of its bundle. In the bundle the wasm files
 * (web-tree-sitter's runtime and each grammar) and the built-in `rules/` folder are copied beside this file, so the
 * engine is told to look there instead of in `node_modules`. The transport comes from the command line
 * (`--node-ipc` from VS Code, `--stdio` from other clients).
 */
import * as path from 'path';
import { configureBuiltinRulesDirectory, configureGrammarDirectory } from '../engine';
import { startServer } from './connection';

configureGrammarDirectory(__dirname);
configureBuiltinRulesDirectory(path.join(__dirname, 'rules'));
void startServer();
