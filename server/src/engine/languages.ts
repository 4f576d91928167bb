/**
 * The one table of languages the engine knows: how a file is recognised, which tree-sitter grammar parses it
 * (if any), and how comments look in it. Everything else asks this module instead of keeping its own lists.
 */

/** Languages parsed through a tree-sitter grammar. */
export type GrammarLanguageId =
  | 'c'
  | 'cpp'
  | 'javascript'
  | 'typescript'
  | 'tsx'
  | 'python'
  | 'java'
  | 'go'
  | 'csharp'
  | 'php'
  | 'ruby'
  | 'shell'
  | 'kotlin'
  | 'swift'
  | 'rust'
  | 'hcl'
  | 'terraform'
  | 'powershell'
  | 'scala'
  | 'objc'
  | 'lua';

/** Config and data formats scanned as text with key/value awareness. */
export type ConfigLanguageId =
  | 'dotenv'
  | 'ini'
  | 'properties'
  | 'yaml'
  | 'json'
  | 'xml'
  | 'toml'
  | 'dockerfile';

export type LanguageId = GrammarLanguageId | ConfigLanguageId | 'text';

/**
 * Where a language's tree-sitter grammar comes from: the npm package and the wasm file it ships (in `dir` inside the
 * package when not at its root).
 */
export interface GrammarSource {
  readonly pkg: string;
  readonly wasm: string;
  readonly dir?: string;
  /**
   * The package's native binding (`prebuilds/`, for the CLI's native backend): the export that is this grammar in a
   * package of several (`typescript`, `tsx`, `php`), or null when the package has none for it (wasm only).
   */
  readonly native?: string | null;
}

export interface LanguageInfo {
  readonly id: LanguageId;
  /** Grammar package and wasm file inside it, for languages parsed by tree-sitter. */
  readonly grammar?: GrammarSource;
  /** Line comment openers, used for suppression comments, fixture annotations and text scanning. */
  readonly lineComments: readonly string[];
  /** Block comment delimiters. */
  readonly blockComments: readonly (readonly [string, string])[];
  /** Aliases accepted in a rulebook's `languages:` (VS Code language ids among them). */
  readonly aliases: readonly string[];
}

const C_COMMENTS = { lineComments: ['//'], blockComments: [['/*', '*/']] as const };
const HASH_COMMENTS = { lineComments: ['#'], blockComments: [] as const };
/** HCL and Terraform: `#` and `//` line comments, `/* … *\/` blocks. */
const HCL_COMMENTS = { lineComments: ['#', '//'], blockComments: [['/*', '*/']] as const };
const HCL_GRAMMAR = '@tree-sitter-grammars/tree-sitter-hcl';

export const LANGUAGES: Readonly<Record<LanguageId, LanguageInfo>> = {
  c: { id: 'c', grammar: { pkg: 'tree-sitter-c', wasm: 'tree-sitter-c.wasm' }, ...C_COMMENTS, aliases: [] },
  cpp: {
    id: 'cpp',
    grammar: { pkg: 'tree-sitter-cpp', wasm: 'tree-sitter-cpp.wasm' },
    ...C_COMMENTS,
    aliases: ['c++', 'cuda-cpp'],
  },
  javascript: {
    id: 'javascript',
    grammar: { pkg: 'tree-sitter-javascript', wasm: 'tree-sitter-javascript.wasm' },
    ...C_COMMENTS,
    aliases: ['js', 'javascriptreact', 'jsx'],
  },
  typescript: {
    id: 'typescript',
    grammar: { pkg: 'tree-sitter-typescript', wasm: 'tree-sitter-typescript.wasm', native: 'typescript' },
    ...C_COMMENTS,
    aliases: ['ts'],
  },
  tsx: {
    id: 'tsx',
    grammar: { pkg: 'tree-sitter-typescript', wasm: 'tree-sitter-tsx.wasm', native: 'tsx' },
    ...C_COMMENTS,
    aliases: ['typescriptreact'],
  },
  python: {
    id: 'python',
    grammar: { pkg: 'tree-sitter-python', wasm: 'tree-sitter-python.wasm' },
    ...HASH_COMMENTS,
    aliases: ['py'],
  },
  java: { id: 'java', grammar: { pkg: 'tree-sitter-java', wasm: 'tree-sitter-java.wasm' }, ...C_COMMENTS, aliases: [] },
  go: { id: 'go', grammar: { pkg: 'tree-sitter-go', wasm: 'tree-sitter-go.wasm' }, ...C_COMMENTS, aliases: ['golang'] },
  csharp: {
    id: 'csharp',
    grammar: { pkg: 'tree-sitter-c-sharp', wasm: 'tree-sitter-c_sharp.wasm' },
    ...C_COMMENTS,
    aliases: ['c#', 'cs'],
  },
  php: {
    id: 'php',
    grammar: { pkg: 'tree-sitter-php', wasm: 'tree-sitter-php.wasm', native: 'php' },
    lineComments: ['//', '#'],
    blockComments: [['/*', '*/']],
    aliases: [],
  },
  ruby: {
    id: 'ruby',
    grammar: { pkg: 'tree-sitter-ruby', wasm: 'tree-sitter-ruby.wasm' },
    ...HASH_COMMENTS,
    aliases: ['rb'],
  },
  shell: {
    id: 'shell',
    grammar: { pkg: 'tree-sitter-bash', wasm: 'tree-sitter-bash.wasm' },
    ...HASH_COMMENTS,
    aliases: ['shellscript', 'bash', 'sh'],
  },
  kotlin: {
    id: 'kotlin',
    grammar: { pkg: '@tree-sitter-grammars/tree-sitter-kotlin', wasm: 'tree-sitter-kotlin.wasm' },
    ...C_COMMENTS,
    aliases: ['kt', 'kts'],
  },
  swift: {
    id: 'swift',
    // tree-sitter-swift ships no wasm; this package ships one. It predates some syntax: freestanding macros
    // (`#expect(…)`) and `#if` around members parse with errors, and findings then come from the parts around them.
    grammar: { pkg: '@repomix/tree-sitter-wasms', dir: 'out', wasm: 'tree-sitter-swift.wasm', native: null },
    ...C_COMMENTS,
    aliases: [],
  },
  rust: {
    id: 'rust',
    grammar: { pkg: 'tree-sitter-rust', wasm: 'tree-sitter-rust.wasm' },
    ...C_COMMENTS,
    aliases: ['rs'],
  },
  hcl: { id: 'hcl', grammar: { pkg: HCL_GRAMMAR, wasm: 'tree-sitter-hcl.wasm' }, ...HCL_COMMENTS, aliases: [] },
  terraform: {
    id: 'terraform',
    // The package's native binding is the HCL grammar only: Terraform parses on wasm.
    grammar: { pkg: HCL_GRAMMAR, wasm: 'tree-sitter-terraform.wasm', native: null },
    ...HCL_COMMENTS,
    aliases: ['tf', 'terraform-vars'],
  },
  powershell: {
    id: 'powershell',
    grammar: { pkg: 'tree-sitter-powershell', wasm: 'tree-sitter-powershell.wasm' },
    lineComments: ['#'],
    blockComments: [['<#', '#>']],
    aliases: ['pwsh', 'ps1'],
  },
  scala: {
    id: 'scala',
    grammar: { pkg: 'tree-sitter-scala', wasm: 'tree-sitter-scala.wasm' },
    ...C_COMMENTS,
    aliases: [],
  },
  objc: {
    id: 'objc',
    grammar: { pkg: 'tree-sitter-objc', wasm: 'tree-sitter-objc.wasm' },
    ...C_COMMENTS,
    aliases: ['objective-c', 'objective-cpp', 'objectivec'],
  },
  lua: {
    id: 'lua',
    grammar: { pkg: '@tree-sitter-grammars/tree-sitter-lua', wasm: 'tree-sitter-lua.wasm' },
    lineComments: ['--'],
    blockComments: [['--[[', ']]']],
    aliases: [],
  },
  dotenv: { id: 'dotenv', ...HASH_COMMENTS, aliases: ['env'] },
  ini: { id: 'ini', lineComments: [';', '#'], blockComments: [], aliases: [] },
  properties: { id: 'properties', lineComments: ['#', '!'], blockComments: [], aliases: ['java-properties'] },
  yaml: { id: 'yaml', ...HASH_COMMENTS, aliases: ['yml'] },
  json: { id: 'json', lineComments: ['//'], blockComments: [['/*', '*/']], aliases: ['jsonc'] },
  xml: { id: 'xml', lineComments: [], blockComments: [['<!--', '-->']], aliases: [] },
  toml: { id: 'toml', ...HASH_COMMENTS, aliases: [] },
  dockerfile: { id: 'dockerfile', ...HASH_COMMENTS, aliases: ['docker'] },
  text: { id: 'text', lineComments: ['#', '//'], blockComments: [], aliases: ['plaintext'] },
};

export const LANGUAGE_IDS = Object.keys(LANGUAGES) as LanguageId[];

/** Extensions (lower case, with the dot) and their language; the VS Code extension's activation follows this table. */
export const EXTENSIONS: Readonly<Record<string, LanguageId>> = {
  '.c': 'c',
  '.h': 'c',
  '.cc': 'cpp',
  '.cpp': 'cpp',
  '.cxx': 'cpp',
  '.c++': 'cpp',
  '.hh': 'cpp',
  '.hpp': 'cpp',
  '.hxx': 'cpp',
  '.h++': 'cpp',
  '.ino': 'cpp',
  '.cu': 'cpp',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.py': 'python',
  '.pyw': 'python',
  '.java': 'java',
  '.go': 'go',
  '.cs': 'csharp',
  '.php': 'php',
  '.rb': 'ruby',
  '.rake': 'ruby',
  '.sh': 'shell',
  '.bash': 'shell',
  '.zsh': 'shell',
  '.ksh': 'shell',
  '.kt': 'kotlin',
  '.kts': 'kotlin',
  '.swift': 'swift',
  '.rs': 'rust',
  '.hcl': 'hcl',
  '.nomad': 'hcl',
  '.tf': 'terraform',
  '.tfvars': 'terraform',
  '.tftest.hcl': 'terraform',
  '.ps1': 'powershell',
  '.psm1': 'powershell',
  '.psd1': 'powershell',
  '.scala': 'scala',
  '.sc': 'scala',
  '.sbt': 'scala',
  '.m': 'objc',
  '.mm': 'objc',
  '.lua': 'lua',
  '.rockspec': 'lua',
  '.env': 'dotenv',
  '.ini': 'ini',
  '.cfg': 'ini',
  '.conf': 'ini',
  '.properties': 'properties',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.json': 'json',
  '.jsonc': 'json',
  '.xml': 'xml',
  '.config': 'xml',
  '.plist': 'xml',
  '.toml': 'toml',
  '.dockerfile': 'dockerfile',
};

/** Whole base names (lower case) that name a language regardless of extension. */
export const FILE_NAMES: Readonly<Record<string, LanguageId>> = {
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  '.env': 'dotenv',
  '.bashrc': 'shell',
  '.profile': 'shell',
  gemfile: 'ruby',
  rakefile: 'ruby',
  '.npmrc': 'ini',
  '.pypirc': 'ini',
  '.netrc': 'text',
  'pom.xml': 'xml',
};

/** Recognises a language from a path's base name and extension; `text` when nothing matches. */
export function languageForPath(path: string): LanguageId {
  const base = path.replace(/\\/g, '/').split('/').pop()?.toLowerCase() ?? '';
  const byName = FILE_NAMES[base];
  if (byName) return byName;
  if (base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (base.startsWith('dockerfile.') || base.endsWith('.dockerfile')) return 'dockerfile';
  const dot = base.lastIndexOf('.');
  if (dot >= 0) {
    // A double extension first (`main.tftest.hcl`), then the last one.
    const second = base.lastIndexOf('.', dot - 1);
    const byExt = (second >= 0 ? EXTENSIONS[base.slice(second)] : undefined) ?? EXTENSIONS[base.slice(dot)];
    if (byExt) return byExt;
  }
  return 'text';
}

/** Interpreters named on a `#!` line, and the language of a script without an extension that names one. */
export const SHEBANG_INTERPRETERS: Readonly<Record<string, LanguageId>> = {
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ksh: 'shell',
  dash: 'shell',
  python: 'python',
  node: 'javascript',
  ruby: 'ruby',
  php: 'php',
  pwsh: 'powershell',
  powershell: 'powershell',
  lua: 'lua',
  luajit: 'lua',
  swift: 'swift',
  kotlin: 'kotlin',
  kscript: 'kotlin',
  scala: 'scala',
  'scala-cli': 'scala',
  'rust-script': 'rust',
};

/** The language a `#!` line names (`#!/usr/bin/env pwsh`, `#!/usr/bin/lua5.4 -i`, `#!/usr/bin/python3`). */
export function languageForShebang(text: string): LanguageId | undefined {
  if (!text.startsWith('#!')) return undefined;
  const line = text.slice(2, 200).split('\n', 1)[0].trim();
  const words = line.split(/\s+/);
  let program = words[0]?.split('/').pop() ?? '';
  // `env` runs the next word that is not an option (`env -S pwsh -NoProfile`).
  if (program === 'env') program = words.slice(1).find((w) => !w.startsWith('-')) ?? '';
  const name = program.replace(/[\d.]+$/, '');
  return Object.prototype.hasOwnProperty.call(SHEBANG_INTERPRETERS, name) ? SHEBANG_INTERPRETERS[name] : undefined;
}

/** Maps a rulebook or editor language name (`c++`, `typescriptreact`, `shellscript`…) to an engine id. */
export function resolveLanguageName(name: string): LanguageId | undefined {
  const lower = name.toLowerCase();
  if (lower in LANGUAGES) return lower as LanguageId;
  return LANGUAGE_IDS.find((id) => LANGUAGES[id].aliases.includes(lower));
}

export function hasGrammar(id: LanguageId): id is GrammarLanguageId {
  return LANGUAGES[id].grammar !== undefined;
}

/** Languages that share a family: a rule written for `javascript` also applies to TypeScript and TSX, `c` to C++. */
export function languageFamily(id: LanguageId): readonly LanguageId[] {
  switch (id) {
    case 'javascript':
      return ['javascript', 'typescript', 'tsx'];
    case 'typescript':
      return ['typescript', 'tsx'];
    case 'c':
      // Objective-C calls the same C library: the C rules apply to it.
      return ['c', 'cpp', 'objc'];
    case 'hcl':
      return ['hcl', 'terraform'];
    default:
      return [id];
  }
}

/**
 * C++ written in a `.h` file: a template, a class with a base, a namespace, an access specifier, or a C++ standard
 * header, at the start of a line. `.h` says nothing about which of the two languages a header is written in (VS Code
 * itself opens it as C++); parsed as C, C++ is a tree of errors, with calls lost in them, and parses four times slower.
 */
const CPP_HEADER =
  /^[ \t]*(?:template\s*<|(?:class|struct)\s+\w+\s*(?::\s*(?:public|private|protected)\b|final\b)|(?:namespace|using\s+namespace)\s+\w|(?:public|private|protected)\s*:\s*$|#\s*include\s*<(?:cstdint|cstddef|cstdlib|cstring|string|string_view|vector|map|set|list|array|memory|utility|algorithm|functional|tuple|optional|type_traits|iostream|ostream|istream|sstream|unordered_map|unordered_set)>)/m;

/** How much of a header is read to tell C++ from C: the markers sit near its top. */
const HEADER_SNIFF = 64 * 1024;

/** Objective-C in a `.h` header: `#import`, `@interface`, `@protocol`, `@class` or `@property` at the start of a line. */
const OBJC_HEADER = /^[ \t]*(?:#\s*import\b|@(?:interface|protocol|class|property|end)\b)/m;

/**
 * The language of a file from its path and its text: a `.h` header is C, C++ or Objective-C as it is written, and a
 * file without a known name or extension is what its `#!` line names.
 */
export function languageForFile(path: string, text: string): LanguageId {
  const byPath = languageForPath(path);
  if (byPath === 'text') return languageForShebang(text) ?? 'text';
  if (byPath !== 'c' || !/\.h$/i.test(path)) return byPath;
  const head = text.length > HEADER_SNIFF ? text.slice(0, HEADER_SNIFF) : text;
  if (OBJC_HEADER.test(head)) return 'objc';
  return CPP_HEADER.test(head) ? 'cpp' : 'c';
}
