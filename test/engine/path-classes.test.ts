/**
 * The built-in path conventions on the layouts of real projects in C, Go, Python, JS/TS, Java/Kotlin, Ruby, Rust
 * and Swift: each row is a path of the shape those projects use, with the class and the convention that must put
 * it there. Product paths that look like tests to a naive matcher (a Java package named `test` under `src/main`,
 * a Go package named `deps`, a Python module named `test_utils` inside the package…) are here too.
 */
import * as assert from 'assert';
import { PathClass, classReasonText, classifyByConvention } from '@secure-coding/server';

const CASES: readonly (readonly [string, PathClass, string?])[] = [
  // C and C++
  ['src/unix/core.c', 'product'],
  ['test/test-fs.c', 'test', 'test-folder'],
  ['tests/print-ip.out', 'test', 'test-folder'],
  ['regress/unittests/sshbuf/test_sshbuf.c', 'test', 'test-folder'],
  ['reg-tests/ssl/ocsp_update/index.txt', 'test', 'test-folder'],
  ['src/testdir/test_channel.vim', 'test', 'test-folder'],
  ['t/binary-get.t', 'test', 'test-folder'],
  ['fuzz/input-fuzzer.c', 'test', 'test-folder'],
  ['src/json_test.c', 'test', 'test-file-name'],
  ['compat/strlcpy.c', 'vendored', 'libc-compat'],
  ['openbsd-compat/bsd-snprintf.c', 'vendored', 'libc-compat'],
  ['openbsd-compat/regress/closefromtest.c', 'vendored', 'libc-compat'],
  ['compat/README', 'docs', 'docs-file-name'],
  ['vendor/oniguruma/src/regparse.c', 'vendored', 'vendor-folder'],
  ['deps/hiredis/sds.c', 'vendored', 'dependency-copies'],
  ['third_party/zlib/inflate.c', 'vendored', 'vendor-folder'],
  ['doc/configuration.txt', 'docs', 'docs-folder'],
  ['examples/haproxy.cfg', 'docs', 'docs-folder'],
  ['tmux.1', 'docs', 'docs-file-name'],
  ['sshd_config.5', 'docs', 'docs-file-name'],
  ['tcpdump.1.in', 'docs', 'docs-file-name'],
  ['README.platform', 'docs', 'docs-file-name'],
  ['ChangeLog', 'docs', 'docs-file-name'],
  ['install-sh', 'product'],
  ['testapp.c', 'product'],
  // Go
  ['hugolib/site.go', 'product'],
  ['hugolib/site_test.go', 'test', 'test-file-name'],
  ['parser/testdata/front.md', 'test', 'test-folder'],
  ['deps/deps.go', 'product'],
  ['internal/warpc/deps/parson/parson.c', 'vendored', 'dependency-copies'],
  ['vendor/github.com/pkg/errors/errors.go', 'vendored', 'vendor-folder'],
  ['vendor/modules.txt', 'vendored', 'vendor-folder'],
  ['_examples/basic/main.go', 'docs', 'docs-folder'],
  ['akka-docs/src/main/paradox/images/diagram.graffle', 'docs', 'docs-folder'],
  ['grpc_examples/route_guide/server.py', 'docs', 'docs-folder'],
  ['src/docsearch/index.js', 'product'],
  // Python
  ['rest_framework/authtoken/models.py', 'product'],
  ['tests/test_authentication.py', 'test', 'test-folder'],
  ['app/test_views.py', 'test', 'test-file-name'],
  ['app/views_test.py', 'test', 'test-file-name'],
  ['app/tests.py', 'test', 'test-file-name'],
  ['conftest.py', 'test', 'test-file-name'],
  ['app/testing_utils.py', 'product'],
  ['docs/api-guide/authentication.md', 'docs', 'docs-folder'],
  ['pip/_vendor/requests/auth.py', 'vendored', 'vendor-folder'],
  // JavaScript and TypeScript
  ['lib/route.js', 'product'],
  ['test/logger/options.test.js', 'test', 'test-folder'],
  ['src/auth.spec.ts', 'test', 'test-file-name'],
  ['src/auth.test.tsx', 'test', 'test-file-name'],
  ['src/__tests__/auth.ts', 'test', 'test-folder'],
  ['src/__mocks__/db.ts', 'test', 'test-folder'],
  ['types/instance.test-d.ts', 'test', 'test-file-name'],
  ['cypress/e2e/login.cy.js', 'test', 'test-folder'],
  ['node_modules/express/lib/router.js', 'vendored', 'vendor-folder'],
  ['.env.example', 'docs', 'docs-file-name'],
  ['config/settings.sample.yaml', 'docs', 'docs-file-name'],
  // Java and Kotlin (Gradle/Maven source sets)
  ['core/src/main/java/org/acme/Service.java', 'product'],
  ['core/src/main/java/org/acme/test/TestHelper.java', 'product'],
  ['core/src/main/resources/application.yml', 'product'],
  ['core/src/test/java/org/acme/ServiceTests.java', 'test', 'source-set'],
  ['core/src/test/resources/application.yml', 'test', 'source-set'],
  ['app/src/androidTest/kotlin/com/x/NavigationTest.kt', 'test', 'source-set'],
  ['core/src/testFixtures/java/org/acme/Fixtures.java', 'test', 'source-set'],
  ['core/src/dockerTest/java/org/acme/RedisIT.java', 'test', 'source-set'],
  ['app/src/demo/kotlin/com/x/DemoData.kt', 'product'],
  ['build-plugin/src/it/sample/build.xml', 'test', 'source-set'],
  ['project/src/docs/asciidoc/index.adoc', 'docs', 'source-set'],
  ['smoke-test/smoke-test-jetty/src/main/java/smoketest/App.java', 'test', 'test-folder'],
  ['core/data-test/src/main/kotlin/Repo.kt', 'test', 'test-folder'],
  ['documentation/spring-boot-docs/src/main/java/Example.java', 'docs', 'docs-folder'],
  // Ruby
  ['activerecord/lib/active_record/base.rb', 'product'],
  ['activerecord/test/cases/base_test.rb', 'test', 'test-folder'],
  ['spec/models/user_spec.rb', 'test', 'test-folder'],
  ['app/models/user_spec.rb', 'test', 'test-file-name'],
  ['guides/source/security.md', 'docs', 'docs-folder'],
  ['vendor/bundle/ruby/3.2.0/gems/rack/lib/rack.rb', 'vendored', 'vendor-folder'],
  // Rust and Swift
  ['crates/core/flags/defs.rs', 'product'],
  ['tests/regression.rs', 'test', 'test-folder'],
  ['benches/search.rs', 'test', 'test-folder'],
  ['Source/Core/Session.swift', 'product'],
  ['Tests/SessionTests.swift', 'test', 'test-folder'],
  ['Pods/Alamofire/Source/Session.swift', 'vendored', 'vendor-folder'],
  ['Example/Source/AppDelegate.swift', 'docs', 'docs-folder'],
  // Samples made up by a program, and what tests compare against, wherever they sit.
  ['cmd/generate/config/rules/acme.go', 'test', 'sample-generators'],
  ['internal/fakers/users.py', 'test', 'sample-generators'],
  ['cmd/generated.go', 'product'],
  ['pkg/analyzers/acme/expected_output.json', 'test', 'test-file-name'],
  ['pkg/analyzers/acme/result_output.json', 'test', 'test-file-name'],
  ['parser/parse.golden', 'test', 'test-file-name'],
  ['src/__snapshots__/App.test.js.snap', 'test', 'test-folder'],
  ['cases/login.expected', 'test', 'test-file-name'],
  ['pkg/results.go', 'product'],
  ['config/expected.go', 'product'],
  // The outermost folder decides.
  ['vendor/lib/test/a.c', 'vendored', 'vendor-folder'],
  ['test/fixtures/vendor/a.js', 'test', 'test-folder'],
  ['docs/examples/foo_test.go', 'docs', 'docs-folder'],
];

describe('path classes: the built-in conventions', function () {
  for (const [path, expected, convention] of CASES) {
    it(`${path} is ${expected}${convention ? ` (${convention})` : ''}`, function () {
      const got = classifyByConvention(path);
      assert.strictEqual(got.pathClass, expected);
      if (convention) assert.strictEqual(got.reason.kind === 'convention' ? got.reason.convention.id : got.reason.kind, convention);
      else assert.strictEqual(got.reason.kind, 'default');
    });
  }

  it('says which folder or file name matched, in English and Japanese', function () {
    const got = classifyByConvention('pkg/api/tests/data/keys.json');
    assert.match(classReasonText(got), /^`pkg\/api\/tests\/`: a test folder/);
    assert.match(classReasonText(got, 'ja'), /^`pkg\/api\/tests\/`: テスト用のフォルダー/);
    assert.match(classReasonText(classifyByConvention('x/y_test.go')), /^`y_test\.go`: a test file name/);
    assert.match(classReasonText(classifyByConvention('src/main.c')), /no convention or glob/);
  });

  it('skips the conventions of a class a lead turned off, and the next convention decides', function () {
    assert.strictEqual(classifyByConvention('tests/vendor/a.c', new Set(['test'])).pathClass, 'vendored');
    assert.strictEqual(classifyByConvention('tests/a_test.go', new Set(['test'])).pathClass, 'product');
    assert.strictEqual(classifyByConvention('docs/README.md', new Set(['docs'])).pathClass, 'product');
  });
});
