/**
 * Which files the extension cares about, derived from the engine's one language table so that activation, the
 * documents sent to the server and the engine's own recognition never drift apart. Pure: no `vscode` import, so
 * the manifest test can check `package.json` against it.
 */
import { EXTENSIONS, FILE_NAMES, LanguageId } from '@secure-coding/server/out/engine/languages';

/** A `vscode.DocumentFilter`, spelled out so that this module stays importable outside VS Code. */
export type FileFilter = { readonly scheme: string; readonly language: string } | { readonly scheme: string; readonly pattern: string };

/** VS Code language ids of the languages the engine parses or reads, for documents that have no file name yet. */
export const EDITOR_LANGUAGE_IDS: readonly string[] = [
  'c',
  'cpp',
  'cuda-cpp',
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'python',
  'java',
  'go',
  'csharp',
  'php',
  'ruby',
  'shellscript',
  'dockerfile',
  'dotenv',
  'ini',
  'properties',
  'yaml',
  'json',
  'jsonc',
  'xml',
  'toml',
  'kotlin',
  'swift',
  'rust',
  'terraform',
  'terraform-vars',
  'hcl',
  'powershell',
  'scala',
  'objective-c',
  'objective-cpp',
  'lua',
];

/**
 * TextMate scopes of the grammars VS Code (or the usual extension) tokenizes each engine language with: the
 * suppression-comment highlighting is injected into all of them. A test checks every language of the engine's table
 * has one and that `contributes.grammars[].injectTo` in `package.json` lists exactly these.
 */
export const TEXTMATE_SCOPES: Readonly<Record<LanguageId, readonly string[]>> = {
  c: ['source.c'],
  cpp: ['source.cpp', 'source.cuda-cpp'],
  javascript: ['source.js', 'source.js.jsx'],
  typescript: ['source.ts'],
  tsx: ['source.tsx'],
  python: ['source.python'],
  java: ['source.java'],
  go: ['source.go'],
  csharp: ['source.cs'],
  php: ['source.php', 'text.html.php'],
  ruby: ['source.ruby'],
  shell: ['source.shell'],
  kotlin: ['source.kotlin'],
  swift: ['source.swift'],
  rust: ['source.rust'],
  hcl: ['source.hcl'],
  terraform: ['source.hcl.terraform', 'source.terraform'],
  powershell: ['source.powershell'],
  scala: ['source.scala'],
  objc: ['source.objc', 'source.objcpp'],
  lua: ['source.lua'],
  dockerfile: ['source.dockerfile'],
  dotenv: ['source.dotenv'],
  ini: ['source.ini'],
  properties: ['source.properties'],
  yaml: ['source.yaml'],
  json: ['source.json', 'source.json.comments'],
  xml: ['text.xml'],
  toml: ['source.toml'],
  text: [],
};

/** Every scope the suppression grammar is injected into, in the table's order. */
export function injectionScopes(): string[] {
  return Object.values(TEXTMATE_SCOPES).flat();
}

/** The well-known base names as people write them (`Dockerfile`) and as the engine keys them (`dockerfile`). */
function baseNames(): string[] {
  const names = new Set<string>();
  for (const name of Object.keys(FILE_NAMES)) {
    names.add(name);
    if (/^[a-z]+$/.test(name)) names.add(name[0].toUpperCase() + name.slice(1));
  }
  return [...names].sort();
}

function extensionGlob(): string {
  return `**/*.{${Object.keys(EXTENSIONS).map((ext) => ext.slice(1)).join(',')}}`;
}

/** Names the engine recognises by prefix or suffix (`.env.local`, `prod.env`, `Dockerfile.dev`). */
const NAME_SHAPES = ['.env.*', 'Dockerfile.*', 'dockerfile.*'];

function nameGlob(): string {
  return `**/{${[...baseNames(), ...NAME_SHAPES].join(',')}}`;
}

/** `workspaceContains:` globs for `activationEvents`; the manifest test checks `package.json` lists exactly these. */
export function activationGlobs(): string[] {
  return [extensionGlob(), nameGlob(), '.secure-coding/rulebook.yaml'];
}

/** Documents the language server receives: files the engine recognises, and unsaved documents in its languages. */
export function documentFilters(): FileFilter[] {
  return [
    { scheme: 'file', pattern: extensionGlob() },
    { scheme: 'file', pattern: nameGlob() },
    ...EDITOR_LANGUAGE_IDS.map((language) => ({ scheme: 'file', language })),
    ...EDITOR_LANGUAGE_IDS.map((language) => ({ scheme: 'untitled', language })),
  ];
}
