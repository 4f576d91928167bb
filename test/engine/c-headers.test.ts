/**
 * What a C file's own headers declare, read once per header for a scan (`HeaderLibrary`): copies into fields,
 * arrays and globals the headers size are judged with those sizes; what the headers do not say, or say two ways,
 * stays unknown and is reported.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { FileReader, HeaderLibrary, Rulebook, diskReader, isGating, loadRulebook, scanFile } from '@secure-coding/server';
import { EMPTY_POLICY } from '@secure-coding/server/out/engine/review/policy';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '../../../server/bin/rulebook.js');

const FILES: Record<string, string> = {
  // An include guard around a macro the grammar cannot read: the header parses as one ERROR node.
  'include/proj/types.h': [
    '#ifndef PROJ_TYPES_H',
    '#define PROJ_TYPES_H',
    '#include "limits.h"',
    'DECLARE_SOMETHING(weird) (;',
    'struct entry { int kind; char name[NAME_LEN]; unsigned char addr[ADDR_LEN]; };',
    'typedef struct { unsigned char bytes[16]; } id_t;',
    'struct packet { size_t len; unsigned char data[]; };',
    'extern struct entry current;',
    '#endif',
    '',
  ].join('\n'),
  'include/proj/limits.h': '#define NAME_LEN 32\n#define ADDR_LEN 6\n',
  // Two headers that disagree: one size under one platform, another elsewhere.
  'src/win.h': 'struct slot { char tag[8]; };\n#define TAG_MAX 8\n',
  'src/posix.h': 'struct slot { char tag[4]; };\n#define TAG_MAX 4\n',
  'src/copy.c': [
    '#include <string.h>',
    '#include <stdlib.h>',
    '#include <proj/types.h>',
    '#include "win.h"',
    '#include "posix.h"',
    'void f(struct entry *e, id_t *id, struct slot *s, const char *src, size_t n) {',
    '    memcpy(e->name, src, NAME_LEN);', // line 7: the field's size, from the header
    '    memcpy(e->addr, src, 6);', // line 8: the field's size through a constant of an included header
    '    memcpy(e->name, src, NAME_LEN + 1);', // line 9: one too many
    '    memcpy(id->bytes, src, 16);', // line 10: a typedef of an anonymous struct
    '    (void)n;',
    '    memcpy(current.addr, src, ADDR_LEN);', // line 12: a global the header declares
    '    memcpy(s->tag, src, TAG_MAX);', // line 13: the headers disagree on both
    '    struct packet *p = malloc(sizeof *p + n);',
    '    if (p == NULL) return;',
    '    memcpy(p->data, src, n);', // line 16: the flexible array of a header's record
    '}',
    '',
  ].join('\n'),
  'src/other.c': '#include <proj/types.h>\nvoid g(struct entry *e, const char *s) { memcpy(e->name, s, NAME_LEN); }\n',
};

/** A reader that counts how often each file is read. */
function countingReader(counts: Map<string, number>): FileReader {
  return {
    ...diskReader,
    read(file) {
      counts.set(file, (counts.get(file) ?? 0) + 1);
      return diskReader.read(file);
    },
  };
}

describe('C headers', function () {
  let dir: string;
  let rulebook: Rulebook;

  before(async function () {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'c-headers-'));
    for (const [name, text] of Object.entries(FILES)) {
      await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await fs.writeFile(path.join(dir, name), text);
    }
    rulebook = await loadRulebook({ root: dir });
    assert.deepStrictEqual(rulebook.problems.map((p) => p.message), []);
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  const gatingLines = (findings: readonly { ruleId: string; severity: string; range: { start: { line: number } } }[]): number[] =>
    findings.filter((f) => f.ruleId === 'c.risky.memcpy' && isGating(f as Parameters<typeof isGating>[0], EMPTY_POLICY)).map((f) => f.range.start.line + 1);

  it("judges copies with the sizes the file's headers declare, and reports what they do not settle", async function () {
    const library = new HeaderLibrary(dir, diskReader);
    const scan = await scanFile(rulebook, path.join(dir, 'src/copy.c'), diskReader, library);
    const copies = scan.findings.filter((f) => f.ruleId === 'c.risky.memcpy');
    assert.deepStrictEqual(copies.map((f) => f.range.start.line + 1), [7, 8, 9, 10, 12, 13, 16]);
    assert.deepStrictEqual(gatingLines(copies), [9, 13]);
    assert.match(copies[0].message, /Not gating, the bound is evident/);
  });

  it('without the headers, the same copies stay gating (nothing is known of the records)', async function () {
    const scan = await scanFile(rulebook, path.join(dir, 'src/copy.c'));
    assert.deepStrictEqual(gatingLines(scan.findings), [7, 8, 9, 10, 12, 13, 16]);
  });

  it('reads and parses each header once per library, however many files include it', async function () {
    const counts = new Map<string, number>();
    const reader = countingReader(counts);
    const library = new HeaderLibrary(dir, reader);
    for (const file of ['src/copy.c', 'src/other.c']) await scanFile(rulebook, path.join(dir, file), reader, library);
    assert.strictEqual(counts.get(path.join(dir, 'include/proj/types.h')), 1);
    assert.strictEqual(counts.get(path.join(dir, 'include/proj/limits.h')), 1);
    // A system header is looked for inside the root only, and never found there.
    assert.strictEqual([...counts.keys()].some((f) => f.endsWith('string.h')), false);
  });

  it('follows includes only inside the root', async function () {
    const library = new HeaderLibrary(path.join(dir, 'src'), diskReader);
    const declared = await library.forFile(path.join(dir, 'src/copy.c'), FILES['src/copy.c']);
    // `<proj/types.h>` lies outside `src/`: its records are unknown; `win.h` and `posix.h` are found.
    assert.strictEqual(declared?.record('struct entry'), undefined);
    assert.strictEqual(declared?.record('struct slot'), undefined);
    assert.strictEqual(declared?.constant('TAG_MAX'), undefined);
  });

  it('the CLI reads the headers of a scan', async function () {
    const { stdout } = await run(process.execPath, [CLI, 'scan', '--format', 'json', '--exit-zero', '--jobs', '1', 'src/copy.c'], { cwd: dir });
    const findings = (JSON.parse(stdout) as { findings: { ruleId: string; start: { line: number }; gating: boolean }[] }).findings;
    assert.deepStrictEqual(findings.filter((f) => f.ruleId === 'c.risky.memcpy' && f.gating).map((f) => f.start.line), [9, 13]);
  });
});
