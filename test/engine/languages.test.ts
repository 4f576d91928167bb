/** Which language (and so which grammar) a file gets: by its name, and for a `.h` header by what it is written in. */
import * as assert from 'assert';
import { languageForFile, languageForPath, scanDocument, loadRulebook } from '@secure-coding/server/out/engine';

const CPP_HEADER = '#pragma once\n#include <string>\nnamespace acme {\nclass Buffer : public Base {\npublic:\n  void copy(char *d, const char *s) { strcpy(d, s); }\n};\n}\n';
const C_HEADER = '#ifndef A_H\n#define A_H\n#ifdef __cplusplus\nextern "C" {\n#endif\nstatic inline void copy(char *d, const char *s) { strcpy(d, s); }\n/* a class of errors; see std::string */\n#endif\n';

describe('languages', () => {
  it('knows files by name and extension', () => {
    assert.strictEqual(languageForPath('src/a.c'), 'c');
    assert.strictEqual(languageForPath('src/a.hpp'), 'cpp');
    assert.strictEqual(languageForPath('src/a.tsx'), 'tsx');
    assert.strictEqual(languageForPath('.env.local'), 'dotenv');
    assert.strictEqual(languageForPath('NOTES'), 'text');
  });

  it('reads a .h header as C++ when it is written in C++, else as C', () => {
    assert.strictEqual(languageForFile('include/buffer.h', CPP_HEADER), 'cpp');
    assert.strictEqual(languageForFile('include/a.h', C_HEADER), 'c');
    assert.strictEqual(languageForFile('include/t.h', 'template <typename T>\nT max(T a, T b);\n'), 'cpp');
    assert.strictEqual(languageForFile('src/a.c', CPP_HEADER), 'c', 'only headers are sniffed');
  });

  it('finds the calls of a C++ header through the C++ grammar, without parse errors', async () => {
    const rulebook = await loadRulebook({ checkExamples: false });
    const result = await scanDocument(rulebook, { path: 'include/buffer.h', text: CPP_HEADER });
    assert.deepStrictEqual(result.findings.map((f) => f.ruleId), ['c.banned.strcpy']);
    assert.ok(!result.partialParse, 'the C++ header parses cleanly');
  });
});
