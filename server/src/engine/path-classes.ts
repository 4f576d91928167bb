/**
 * Where a file lives changes what a finding in it means: a password in a test fixture is test data, an address in
 * the documentation is an example, and a `strcpy` in a copied-in library is upstream's to fix. This module is the
 * one table of the layouts that say so: every workspace-relative path is **product** code, **test** code,
 * **docs** (documentation and examples) or **vendored** (third-party code copied in).
 *
 * Pure and path-only: no file is read, so the answer is the same in a scan, in the editor and in `rulebook explain`,
 * and it costs a few string tests per file. A lead's `path_classes` globs (`rulebook/path-class-globs.ts`) are asked
 * first; these conventions decide the rest.
 *
 * How a path is read: its folders from the outermost in, then its file name. The first folder that names a class
 * decides (`vendor/x/test/a.c` is vendored: the tests of a copied library are still upstream's; `test/vendor/a.c`
 * is test code). A Gradle/Maven source set (`src/<set>/java/…`) decides by its name, and the package folders below
 * it say nothing (`src/main/java/org/acme/test/Helper.java` is product code that ships).
 */
import { LocalizedText } from './rulebook/types';

export type PathClass = 'product' | 'test' | 'docs' | 'vendored';

/** In the order a lead reads them in the schema and `rulebook explain`. */
export const PATH_CLASSES: readonly PathClass[] = ['product', 'test', 'docs', 'vendored'];

/** How each class is named in messages. */
export const PATH_CLASS_NAMES: Readonly<Record<PathClass, { readonly en: string; readonly ja: string }>> = {
  product: { en: 'product code', ja: '製品コード' },
  test: { en: 'test code', ja: 'テストコード' },
  docs: { en: 'documentation or examples', ja: 'ドキュメント・サンプル' },
  vendored: { en: 'vendored third-party code', ja: '同梱された外部のコード' },
};

/** One layout convention: which class it puts a path in, and how `rulebook explain` says why. */
export interface PathConvention {
  readonly id: string;
  readonly pathClass: PathClass;
  /** What the convention recognises, e.g. "a `tests/` folder". */
  readonly text: LocalizedText;
}

/** Why a path is in its class. */
export type ClassReason =
  | { readonly kind: 'convention'; readonly convention: PathConvention; readonly matched: string }
  | { readonly kind: 'glob'; readonly glob: string; readonly from: string }
  | { readonly kind: 'default' };

export interface PathClassification {
  readonly pathClass: PathClass;
  readonly reason: ClassReason;
}

interface FolderConvention extends PathConvention {
  /** The folder's name (the whole segment; names are compared case-insensitively). */
  readonly names: RegExp;
  /** The file must lie in a subfolder of it (`deps/libfoo/x.c`, not `deps/deps.go`: a package of that name). */
  readonly nested?: boolean;
  /** Only files whose name matches (a `compat/` folder holds copies of libc functions only in C). */
  readonly files?: RegExp;
}

interface FileConvention extends PathConvention {
  readonly names: RegExp;
}

const C_FILES = /\.(?:c|h|cc|cpp|cxx|hh|hpp|hxx|inc)$/i;

/** Folders, tried in this order on each folder of a path, outermost folder first. */
const FOLDER_CONVENTIONS: readonly FolderConvention[] = [
  {
    id: 'vendor-folder',
    pathClass: 'vendored',
    names: /^(?:vendor|vendored|_vendor|third[-_]?party|3rd[-_]?party|node_modules|bower_components|jspm_packages|pods|carthage|site-packages)$/i,
    text: {
      en: 'a folder of third-party code copied in (`vendor/`, `third_party/`, `node_modules/`, `Pods/`…)',
      ja: '外部のコードを取り込むフォルダー（`vendor/`、`third_party/`、`node_modules/`、`Pods/` など）',
    },
  },
  {
    id: 'dependency-copies',
    pathClass: 'vendored',
    names: /^(?:deps|external|externals|extern)$/i,
    nested: true,
    text: {
      en: 'a copy of a dependency in its own folder under `deps/`, `external/` or `extern/`',
      ja: '`deps/`、`external/`、`extern/` の下の、依存ライブラリのコピー',
    },
  },
  {
    id: 'libc-compat',
    pathClass: 'vendored',
    names: /^(?:openbsd-compat|compat)$/i,
    files: C_FILES,
    text: {
      en: 'C copies of libc functions for portability (`compat/`, `openbsd-compat/`)',
      ja: '移植用にコピーされた libc 関数の C ソース（`compat/`、`openbsd-compat/`）',
    },
  },
  {
    id: 'test-folder',
    pathClass: 'test',
    names: new RegExp(
      '^(?:' +
        [
          'tests?|testing|spec|specs|t|testdir|__tests__|__specs__',
          // Data and doubles of test suites.
          'testdata|test[-_]data|fixtures?|__fixtures__|__mocks__|mocks?|__snapshots__|golden',
          // Kinds of test suites.
          'e2e|cypress|unittests?|unit[-_]tests?|integration[-_]?tests?|smoke[-_]?tests?|system[-_]?tests?|reg[-_]?tests?|regress|regression|testsuites?|test[-_]suites?',
          'fuzz|fuzzing|fuzzers?|bench|benches|benchmarks?|benchsuite',
          // Helpers that exist for tests.
          'testutils?|testhelpers?|testsupport|testkit|testscripts|test[-_][a-z0-9]+',
          // Modules named for their tests (`data-test`, `spring-boot-smoke-tests`, `screenshot-testing`).
          '[a-z0-9][a-z0-9.-]*[-_](?:tests?|testing|specs?)',
        ].join('|') +
        ')$',
      'i',
    ),
    text: {
      en: 'a test folder (`test/`, `tests/`, `spec/`, `__tests__/`, `testdata/`, `fixtures/`, `e2e/`, `fuzz/`, `benchmarks/`, `*-test/`…)',
      ja: 'テスト用のフォルダー（`test/`、`tests/`、`spec/`、`__tests__/`、`testdata/`、`fixtures/`、`e2e/`、`fuzz/`、`benchmarks/`、`*-test/` など）',
    },
  },
  {
    // The samples a program makes up to check itself or others (a secret scanner's sample tokens for each rule, a
    // fake-data generator's records) are test data wherever they sit.
    id: 'sample-generators',
    pathClass: 'test',
    names: /^(?:generate|fakers?|fake[-_]?data|fixtures?[-_]?gen|sample[-_]?gen|datagen|testgen|synthetic[-_]?data)$/i,
    text: {
      en: 'a generator of samples or fake data (`generate/`, `fakers/`, `datagen/`…)',
      ja: 'サンプル・偽データの生成コードのフォルダー（`generate/`、`fakers/`、`datagen/` など）',
    },
  },
  {
    id: 'docs-folder',
    pathClass: 'docs',
    // A module named for its docs or samples counts too (`akka-docs`, `spring-boot-docs`, `grpc-examples`).
    names: /^(?:docs?|documentation|man|man[1-9n]|manpages?|examples?|_examples|samples?|demos?|tutorials?|guides?|cookbook|howtos?|website|book|[a-z0-9][a-z0-9.-]*[-_](?:docs?|documentation|examples?|samples?))$/i,
    text: {
      en: 'a documentation or examples folder (`docs/`, `doc/`, `man/`, `examples/`, `samples/`, `demo/`, `guides/`, `*-docs/`…)',
      ja: 'ドキュメント・サンプルのフォルダー（`docs/`、`doc/`、`man/`、`examples/`、`samples/`、`demo/`、`guides/`、`*-docs/` など）',
    },
  },
];

const TEST_FILES: FileConvention = {
  id: 'test-file-name',
  pathClass: 'test',
  names: new RegExp(
    '^(?:' +
      [
        // Go, Python, Ruby, C and C++, shell.
        '.+_test\\.(?:go|py|rb|c|cc|cpp|cxx|sh|rs)',
        'test_.+\\.(?:py|rb|c|cc|cpp|cxx|sh)',
        '.+_(?:unittest|tests)\\.(?:c|cc|cpp|cxx|py)',
        '.+_spec\\.rb|conftest\\.py|tests\\.py|.+\\.bats',
        // JavaScript and TypeScript (`x.test.ts`, `x.spec.js`, tsd's `x.test-d.ts`).
        '.+\\.(?:test|spec|e2e)\\.[cm]?[jt]sx?|.+\\.test-d\\.ts',
        // Java, Kotlin, Groovy, Scala, C#, Swift, PHP.
        '.+(?:Tests?|TestCase|IT|ITCase)\\.(?:java|kt|kts|groovy|scala|cs|swift|php)',
        '.+Spec\\.(?:groovy|kt|scala)',
        // What a test compares against: expected outputs, golden files, snapshots (`expected_output.json`,
        // `result_output.json`, `parse.golden`, `App.test.js.snap`, `case.expected`).
        '(?:expected|actual|result|golden)[-_.]?(?:output|result|response|data)?s?\\.(?:json|ya?ml|txt|xml|out|html)',
        '.+[-_.](?:expected|golden)(?:\\.[a-z0-9]+)?|.+\\.(?:golden|snap)',
      ].join('|') +
      ')$',
  ),
  text: {
    en: 'a test file name (`*_test.go`, `test_*.py`, `*_test.py`, `*.spec.ts`, `*.test.js`, `*Test.java`, `*_spec.rb`, `*_test.c`…) or a test\'s expected output (`expected_output.json`, `*.golden`, `*.snap`…)',
    ja: 'テストのファイル名（`*_test.go`、`test_*.py`、`*_test.py`、`*.spec.ts`、`*.test.js`、`*Test.java`、`*_spec.rb`、`*_test.c` など）またはテストの期待出力（`expected_output.json`、`*.golden`、`*.snap` など）',
  },
};

const DOCS_FILES: FileConvention = {
  id: 'docs-file-name',
  pathClass: 'docs',
  names: new RegExp(
    '^(?:' +
      [
        // Markup for prose.
        '.+\\.(?:[Mm][Dd]|markdown|mdown|mkd|mdx|rst|adoc|asciidoc|texi|texinfo|pod|rdoc)',
        // Manual pages (`tmux.1`, `ssh_config.5`, `tcpdump.1.in`, `jq.1.prebuilt`).
        '.+\\.(?:[1-9][a-z]?|man|mdoc)(?:\\.in|\\.prebuilt)?',
        // The files every project keeps beside its code: `README`, `README.platform`, `ChangeLog`, `readme.txt`.
        '(?:README|CHANGELOG|CHANGES|HISTORY|NEWS|INSTALL|AUTHORS|CONTRIBUTORS|CREDITS)(?:\\.[\\w-]+)?',
        '(?:[Rr]eadme|[Cc]hange[-_]?[Ll]og|[Cc]hanges|[Hh]istory)(?:\\.txt)?',
        // Examples of configuration (`.env.example`, `config.sample.yml`).
        '.+\\.(?:example|sample)(?:\\.[a-z0-9]+)?',
      ].join('|') +
      ')$',
  ),
  text: {
    en: 'a documentation or example file (`*.md`, `*.rst`, `*.adoc`, man pages, `README`, `CHANGELOG`, `*.example`…)',
    ja: 'ドキュメント・サンプルのファイル（`*.md`、`*.rst`、`*.adoc`、man ページ、`README`、`CHANGELOG`、`*.example` など）',
  },
};

const SOURCE_SET: PathConvention = {
  id: 'source-set',
  pathClass: 'test',
  text: {
    en: 'a Gradle/Maven source set (`src/test/java/`, `src/androidTest/kotlin/`, `src/testFixtures/`, `src/docs/asciidoc/`…)',
    ja: 'Gradle/Maven のソースセット（`src/test/java/`、`src/androidTest/kotlin/`、`src/testFixtures/`、`src/docs/asciidoc/` など）',
  },
};

/** What follows `src/<set>/` in a Gradle/Maven layout. */
const SOURCE_SET_ROOTS = /^(?:java|kotlin|groovy|scala|clojure|resources|res|assets|aidl|proto|jni|cpp|webapp|antlr4?|asciidoc|baseline-prof\.txt|AndroidManifest\.xml)$/;
/** `test`, `androidTest`, `intTest`, `testFixtures`, `testDemo`, Maven's `it`, JMH's `jmh`… */
const TEST_SOURCE_SET = /^(?:test|tests|[a-z]+Tests?|test[A-Z]\w*|it|jmh|e2e|benchmarks?)$/;
const DOCS_SOURCE_SET = /^(?:docs?|documentation|site)$/i;

/** Every convention, for documentation and tests. */
export const PATH_CONVENTIONS: readonly PathConvention[] = [...FOLDER_CONVENTIONS, SOURCE_SET, TEST_FILES, DOCS_FILES];

export const PRODUCT: PathClassification = { pathClass: 'product', reason: { kind: 'default' } };

function byConvention(convention: PathConvention, matched: string, pathClass = convention.pathClass): PathClassification {
  return { pathClass, reason: { kind: 'convention', convention, matched } };
}

/**
 * The class of a workspace-relative path (forward slashes) by the built-in conventions alone; `off` names classes
 * whose conventions a lead turned off (`path_classes.<class>.conventions: false`).
 */
export function classifyByConvention(relPath: string, off?: ReadonlySet<PathClass>): PathClassification {
  const on = (pathClass: PathClass): boolean => !off?.has(pathClass);
  const segments = relPath.split('/').filter((s) => s !== '' && s !== '.');
  const fileName = segments[segments.length - 1] ?? '';
  const folders = segments.length - 1;
  for (let i = 0; i < folders; i++) {
    const folder = segments[i];
    // Maven's invoker keeps whole sample projects under `src/it/`, with no language folder right below.
    const set = folder === 'src' && i + 1 < folders ? segments[i + 1] : undefined;
    if (set !== undefined && (SOURCE_SET_ROOTS.test(segments[i + 2]) || set === 'it')) {
      const matched = `src/${set}/`;
      if (TEST_SOURCE_SET.test(set) && on('test')) return byConvention(SOURCE_SET, matched, 'test');
      if (DOCS_SOURCE_SET.test(set) && on('docs')) return byConvention(SOURCE_SET, matched, 'docs');
      // `src/main/java/…`: the package folders below name packages, not kinds of code.
      break;
    }
    for (const convention of FOLDER_CONVENTIONS) {
      if (!convention.names.test(folder) || !on(convention.pathClass)) continue;
      if (convention.nested && i >= folders - 1) continue;
      if (convention.files && !convention.files.test(fileName)) continue;
      return byConvention(convention, `${segments.slice(0, i + 1).join('/')}/`);
    }
  }
  if (on('test') && TEST_FILES.names.test(fileName)) return byConvention(TEST_FILES, fileName);
  if (on('docs') && DOCS_FILES.names.test(fileName)) return byConvention(DOCS_FILES, fileName);
  return PRODUCT;
}

/**
 * Why a path is in its class, in words: "`tests/` (a test folder …)", "glob `qa/**` of `path_classes.test`
 * (rulebook.yaml:4)". `where` shows a rulebook location (the CLI shortens paths; the editor shows them as they are).
 */
export function classReasonText(classification: PathClassification, locale: 'en' | 'ja' = 'en', where: (from: string) => string = (from) => from): string {
  const { reason, pathClass } = classification;
  const ja = locale === 'ja';
  switch (reason.kind) {
    case 'default':
      return ja ? 'どの規約・グロブにも一致しません' : 'no convention or glob puts it in another class';
    case 'glob':
      return ja
        ? `\`path_classes.${pathClass}\` のグロブ \`${reason.glob}\`（${where(reason.from)}）`
        : `glob \`${reason.glob}\` of \`path_classes.${pathClass}\` (${where(reason.from)})`;
    case 'convention': {
      const text = typeof reason.convention.text === 'string' ? reason.convention.text : ja ? (reason.convention.text.ja ?? reason.convention.text.en) : reason.convention.text.en;
      return ja ? `\`${reason.matched}\`: ${text}` : `\`${reason.matched}\`: ${text}`;
    }
  }
}
