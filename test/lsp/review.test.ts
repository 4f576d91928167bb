/**
 * The review flow in the editor, over a real stdio connection to `rulebook lsp --stdio`, in a real git repository
 * with real ssh-keygen keys: a finding that needs a sign-off shows at its rulebook severity; "Approve as reviewer…"
 * (the code action's command, completed with a justification as the extension does) records a signed approval, and
 * the finding drops to a hint whose hover names the reviewer; editing the line voids it; revoking works; every
 * refusal comes back as a message.
 */
import * as assert from 'assert';
import { ChildProcess, spawn } from 'child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { CodeAction, Diagnostic, DiagnosticSeverity, Hover, MarkupContent, MessageType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { CLIENT_COMMANDS, RecordReviewArgs, RecordReviewResult, ReviewTarget, SERVER_COMMANDS } from '@secure-coding/server/out/lsp/protocol';
import { ALICE, BOB, CAROL, KeyPair, commitAs, git, gitRepo, keygen, removeTempDirs, rulebookYaml, runCli, tempDir, writeFile } from '../review/fixtures';
import { LspClient, fileUri } from './client';

const SOURCE = `#include <stdio.h>
#include <string.h>
void read_name(char *dst, const char *src) {
  char b[8];
  gets(b);
  strcpy(dst, src);
}
`;
const STRCPY_LINE = 5;
const GETS_LINE = 4;
const DATE = String.raw`\d{4}-\d\d-\d\d`;

interface ReviewSettingsInput {
  reviewerId?: string;
  keyPath?: string;
  approvedFindings?: 'hint' | 'hide';
}

describe('language server: reviews', function () {
  this.timeout(60_000);
  let keys: { alice: KeyPair; bob: KeyPair; carol: KeyPair };
  let root: string;
  let file: string;
  let client: LspClient;
  let review: ReviewSettingsInput;

  before(function () {
    const dir = tempDir();
    keys = { alice: keygen(dir, 'alice', 'ed25519', ALICE.email), bob: keygen(dir, 'bob', 'ed25519', BOB.email), carol: keygen(dir, 'carol', 'rsa', CAROL.email) };
  });
  after(removeTempDirs);

  async function start(settings: ReviewSettingsInput, env: NodeJS.ProcessEnv = {}): Promise<PublishDiagnosticsParams> {
    root = gitRepo(CAROL);
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml([{ person: ALICE, key: keys.alice }, { person: BOB, key: keys.bob }, { person: CAROL, key: keys.carol }]));
    writeFile(root, 'src/a.c', SOURCE);
    commitAs(root, ALICE, 'read names');
    file = path.join(root, 'src/a.c');
    review = settings;
    client = await LspClient.start({ root, locale: 'en', settings: () => ({ review }), env: { SSH_AUTH_SOCK: '', ...env } });
    client.open(file, SOURCE, 'c');
    return client.diagnosticsFor(file, 1);
  }

  afterEach(async function () {
    await client.stop();
    assert.deepStrictEqual(client.protocolErrors, []);
  });

  const onLine = (p: PublishDiagnosticsParams, line: number, rule: string): Diagnostic | undefined => p.diagnostics.find((d) => d.range.start.line === line && d.code === rule);
  const strcpyOf = (p: PublishDiagnosticsParams): Diagnostic | undefined => onLine(p, STRCPY_LINE, 'c.test.strcpy');
  const ledgerLines = (): string[] => readFileSync(path.join(root, '.secure-coding/reviews.jsonl'), 'utf8').split('\n').filter(Boolean);

  async function actions(diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: fileUri(file) }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  }

  async function hoverAt(line: number, character: number): Promise<string> {
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(file) }, position: { line, character } });
    return hover ? (hover.contents as MarkupContent).value : '';
  }

  /** Runs a review code action as the extension does: its client command, completed with a reason, runs the server's. */
  async function run(action: CodeAction | undefined, reason?: string): Promise<RecordReviewResult> {
    assert.ok(action?.command, 'a review code action with a command');
    const target = action.command.arguments?.[0] as ReviewTarget;
    const kind = action.command.command === CLIENT_COMMANDS.approveFinding ? 'approve' : 'revoke';
    const args: RecordReviewArgs = { ...target, action: kind, reason };
    return client.connection.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.recordReview, arguments: [args] });
  }

  const titled = (list: CodeAction[], title: RegExp): CodeAction | undefined => list.find((a) => title.test(a.title));

  it('approves through the code action, shows the approval as a hint with its reviewer, voids it on edit, and revokes', async function () {
    const first = await start({ reviewerId: 'bob', keyPath: keys.bob.privatePath });
    assert.strictEqual(strcpyOf(first)?.severity, DiagnosticSeverity.Warning);
    assert.strictEqual(strcpyOf(first)?.message, '`strcpy` copies without a bound');
    assert.strictEqual(onLine(first, GETS_LINE, 'c.banned.gets')?.severity, DiagnosticSeverity.Error);
    assert.match(await hoverAt(STRCPY_LINE, 3), /\*\*Review:\*\* Needs a reviewer's sign-off/);
    const pendingItems = await client.reviews.wait((p) => p.uri === fileUri(file) && p.items.length === 2);
    assert.deepStrictEqual(pendingItems.items.map((i) => [i.ruleId, i.state, i.required]).sort(), [['c.banned.gets', 'pending', true], ['c.test.strcpy', 'pending', true]]);

    const offered = await actions(strcpyOf(first)!);
    assert.ok(!titled(offered, /^Revoke/), 'nothing to revoke yet');
    const result = await run(titled(offered, /^Approve c\.test\.strcpy as reviewer…$/), 'bounded by the caller: dst holds 64 bytes');
    assert.ok(result.ok, result.message);
    assert.match(result.message, new RegExp(`^Approved c\\.test\\.strcpy at src/a\\.c:6 as bob, until ${DATE}\\. Commit \\.secure-coding/reviews\\.jsonl`));
    assert.strictEqual((await client.messages.wait((m) => m.message === result.message)).type, MessageType.Info);
    assert.strictEqual(ledgerLines().length, 1);
    assert.ok(!ledgerLines()[0].includes('strcpy(dst'), 'the ledger holds no flagged text');

    const approved = await client.waitForDiagnostics(file, (p) => strcpyOf(p)?.severity === DiagnosticSeverity.Hint);
    assert.match(strcpyOf(approved)!.message, new RegExp(`^\`strcpy\` copies without a bound \\(Approved by Bob Sato on ${DATE}, until ${DATE}: bounded by the caller: dst holds 64 bytes\\)$`));
    assert.strictEqual(onLine(approved, GETS_LINE, 'c.banned.gets')?.severity, DiagnosticSeverity.Error, 'only the approved finding changes');
    assert.match(await hoverAt(STRCPY_LINE, 3), new RegExp(`\\*\\*Review:\\*\\* Approved by Bob Sato on ${DATE}, until ${DATE}: bounded by the caller: dst holds 64 bytes`));
    const approvedItems = await client.reviews.wait((p) => p.uri === fileUri(file) && p.items.some((i) => i.state === 'approved'));
    const item = approvedItems.items.find((i) => i.ruleId === 'c.test.strcpy')!;
    assert.deepStrictEqual([item.reviewer, item.expiringSoon, item.range.start.line], ['Bob Sato', false, STRCPY_LINE]);

    const afterApproval = await actions(strcpyOf(approved)!);
    assert.ok(!titled(afterApproval, /^Approve/), 'an approved finding is not offered for approval again');
    assert.ok(titled(afterApproval, /^Revoke approval of c\.test\.strcpy$/));

    // Lines added above move the finding: the approval follows it.
    const moved = client.replace(file, '#include <string.h>\n', '#include <string.h>\n/* names */\n');
    const afterMove = await client.diagnosticsFor(file, moved);
    assert.strictEqual(onLine(afterMove, STRCPY_LINE + 1, 'c.test.strcpy')?.severity, DiagnosticSeverity.Hint);

    // Changing the flagged line voids the approval: back at the rulebook's severity, saying why.
    const edited = client.replace(file, 'strcpy(dst, src);', 'strcpy(dst, src + 1);');
    const stale = await client.diagnosticsFor(file, edited);
    const staleDiagnostic = onLine(stale, STRCPY_LINE + 1, 'c.test.strcpy')!;
    assert.strictEqual(staleDiagnostic.severity, DiagnosticSeverity.Warning);
    assert.match(staleDiagnostic.message, new RegExp(`\\(Approval void: the flagged code changed since Bob Sato approved it on ${DATE}\\)$`));
    assert.deepStrictEqual(staleDiagnostic.data, { fingerprint: (staleDiagnostic.data as { fingerprint: string }).fingerprint, review: 'stale' });
    assert.ok(titled(await actions(staleDiagnostic), /^Approve c\.test\.strcpy/), 'changed code can be approved again');

    // Undoing the change restores the approval; revoking it puts the finding back at its severity.
    const undone = client.replace(file, 'strcpy(dst, src + 1);', 'strcpy(dst, src);');
    const restored = onLine(await client.diagnosticsFor(file, undone), STRCPY_LINE + 1, 'c.test.strcpy')!;
    assert.strictEqual(restored.severity, DiagnosticSeverity.Hint);
    const revoked = await run(titled(await actions(restored), /^Revoke/));
    assert.ok(revoked.ok, revoked.message);
    assert.match(revoked.message, /^Revoked the approval of c\.test\.strcpy at src\/a\.c:7 as bob\./);
    const pendingAgain = await client.waitForDiagnostics(file, (p) => onLine(p, STRCPY_LINE + 1, 'c.test.strcpy')?.severity === DiagnosticSeverity.Warning && p.version === undone, client.diagnostics.length);
    assert.match(onLine(pendingAgain, STRCPY_LINE + 1, 'c.test.strcpy')!.message, new RegExp(`\\(Needs a reviewer's sign-off: approval revoked by Bob Sato on ${DATE}\\)$`));
    assert.strictEqual(ledgerLines().length, 2);
    const verify = await runCli(root, ['review', 'verify', 'src/a.c']);
    assert.match(verify.stdout, /src\/a\.c:6 c\.test\.strcpy: pending/, 'the CLI reads what the editor wrote');
  });

  const refusals: [string, ReviewSettingsInput, (k: typeof keys) => string, RegExp][] = [
    ['the author of the line', { reviewerId: 'alice' }, (k) => k.alice.privatePath, /^Not recorded: you wrote this line: src\/a\.c:6 is by alice@example\.com/],
    ['a key that is not the reviewer\'s', { reviewerId: 'bob' }, (k) => k.carol.privatePath, /^Not recorded: key does not match: the key given is SHA256:/],
    ['someone who is not a reviewer', { reviewerId: 'dave' }, (k) => k.bob.privatePath, /^Not recorded: not a reviewer: `dave` is not listed/],
    ['a missing key file', { reviewerId: 'bob' }, () => '/nonexistent/id_ed25519', /^The review could not be signed or recorded: cannot read the key \/nonexistent\/id_ed25519: no such file/],
    ['no reviewer id set', {}, (k) => k.bob.privatePath, /^Not recorded: Set secureCodingRulebook\.review\.reviewerId/],
    ['neither a key nor an agent', { reviewerId: 'bob' }, () => '', /^Not recorded: Set secureCodingRulebook\.review\.keyPath/],
  ];
  for (const [who, settings, key, message] of refusals) {
    it(`refuses ${who} with a message and writes nothing`, async function () {
      const first = await start({ ...settings, keyPath: key(keys) });
      const result = await run(titled(await actions(strcpyOf(first)!), /^Approve/), 'looks fine');
      assert.strictEqual(result.ok, false);
      assert.match(result.message, message);
      const shown = await client.messages.wait((m) => m.message === result.message);
      assert.notStrictEqual(shown.type, MessageType.Info);
      assert.throws(() => ledgerLines(), /ENOENT/);
      assert.strictEqual(client.stderr, '');
    });
  }

  it('refuses a finding that is gone', async function () {
    const first = await start({ reviewerId: 'bob', keyPath: keys.bob.privatePath });
    const approve = titled(await actions(strcpyOf(first)!), /^Approve/);
    await client.diagnosticsFor(file, client.replace(file, 'strcpy(dst, src);', 'snprintf(dst, 8, "%s", src);'));
    const result = await run(approve, 'bounded');
    assert.match(result.message, /^Not recorded: finding not found: c\.test\.strcpy is no longer at src\/a\.c:6/);
  });

  it('hides approved findings with approvedFindings: hide, and still lists them for review', async function () {
    const first = await start({ reviewerId: 'bob', keyPath: keys.bob.privatePath, approvedFindings: 'hide' });
    assert.ok((await run(titled(await actions(strcpyOf(first)!), /^Approve/), 'checked')).ok);
    const hidden = await client.waitForDiagnostics(file, (p) => p.diagnostics.length > 0 && !strcpyOf(p), client.diagnostics.length);
    assert.deepStrictEqual(hidden.diagnostics.map((d) => d.code), ['c.banned.gets']);
    assert.strictEqual(await hoverAt(STRCPY_LINE, 3), '', 'no hover over a hidden finding');
    const items = await client.reviews.wait((p) => p.items.some((i) => i.state === 'approved'));
    assert.deepStrictEqual(items.items.map((i) => [i.ruleId, i.state]).sort(), [['c.banned.gets', 'pending'], ['c.test.strcpy', 'approved']]);
  });

  it('shows approvals recorded elsewhere when the watcher reports the ledger changed', async function () {
    const first = await start({});
    assert.strictEqual(strcpyOf(first)?.severity, DiagnosticSeverity.Warning);
    const registration = await client.registrations.wait((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.match(JSON.stringify(registration.registerOptions), /\.secure-coding\/reviews\.jsonl/);
    const cli = await runCli(root, ['review', 'approve', 'src/a.c:6', '--as', 'carol', '--key', keys.carol.privatePath, '--reason', 'reviewed in the PR']);
    assert.strictEqual(cli.code, 0, cli.stderr);
    const from = client.diagnostics.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(root, '.secure-coding/reviews.jsonl')), type: 1 }] });
    const approved = await client.waitForDiagnostics(file, (p) => strcpyOf(p)?.severity === DiagnosticSeverity.Hint, from);
    assert.match(strcpyOf(approved)!.message, /Approved by Carol Mori on/);
  });

  it('asks git again who wrote a line once the watcher reports a commit: an approval of your own line is void', async function () {
    const first = await start({});
    assert.strictEqual(strcpyOf(first)?.severity, DiagnosticSeverity.Warning);
    const registration = await client.registrations.wait((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.match(JSON.stringify(registration.registerOptions), /\.git\/HEAD/);
    const cli = await runCli(root, ['review', 'approve', 'src/a.c:6', '--as', 'bob', '--key', keys.bob.privatePath, '--reason', 'dst holds 64 bytes']);
    assert.strictEqual(cli.code, 0, cli.stderr);
    let from = client.diagnostics.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(root, '.secure-coding/reviews.jsonl')), type: 1 }] });
    await client.waitForDiagnostics(file, (p) => strcpyOf(p)?.severity === DiagnosticSeverity.Hint, from);

    // The commit that wrote the line becomes Bob's (an amended author): Bob approved his own line.
    git(root, ['-c', `user.name=${BOB.name}`, '-c', `user.email=${BOB.email}`, 'commit', '-q', '--amend', '--no-edit', '--reset-author']);
    from = client.diagnostics.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(root, '.git/refs/heads/main')), type: 2 }] });
    const voided = await client.waitForDiagnostics(file, (p) => strcpyOf(p)?.severity === DiagnosticSeverity.Warning, from);
    assert.match(strcpyOf(voided)!.message, /Approval not valid \(self-approved\): Bob Sato approved a line they wrote/);
  });

  it('shows a corrupt ledger line where it is, keeps every other approval, and clears the warning once the line is fixed', async function () {
    await start({});
    const cli = await runCli(root, ['review', 'approve', 'src/a.c:6', '--as', 'carol', '--key', keys.carol.privatePath, '--reason', 'reviewed in the PR']);
    assert.strictEqual(cli.code, 0, cli.stderr);
    const ledger = path.join(root, '.secure-coding/reviews.jsonl');
    const good = readFileSync(ledger, 'utf8');
    appendFileSync(ledger, '{"v":1,"fingerprint":"half a line\n');
    const changed = async (): Promise<void> =>
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(ledger), type: 2 }] });
    let from = client.diagnostics.length;
    await changed();
    const approved = await client.waitForDiagnostics(file, (p) => strcpyOf(p)?.severity === DiagnosticSeverity.Hint, from);
    assert.match(strcpyOf(approved)!.message, /Approved by Carol Mori/, 'the good approval still holds');
    const warned = await client.waitForDiagnostics(ledger, (p) => p.diagnostics.length > 0, from);
    assert.deepStrictEqual(warned.diagnostics.map((d) => [d.range.start.line, d.severity]), [[1, DiagnosticSeverity.Warning]]);
    assert.match(warned.diagnostics[0].message, /cannot be read \(not valid JSON; ignored\).*every other approval still holds/);
    from = client.diagnostics.length;
    writeFileSync(ledger, good);
    await changed();
    await client.waitForDiagnostics(ledger, (p) => p.diagnostics.length === 0, from);
  });

  it('lists closed files\' findings for review after a workspace scan, and follows the ledger there too', async function () {
    await start({});
    writeFile(root, 'src/b.c', 'void g(char *d, char *s) {\n  strcpy(d, s);\n}\n');
    commitAs(root, ALICE, 'another copy');
    const closed = fileUri(path.join(root, 'src/b.c'));
    await client.connection.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.scanWorkspace, arguments: [] });
    const pending = await client.reviews.wait((p) => p.uri === closed && p.items.length > 0);
    assert.deepStrictEqual(pending.items.map((i) => [i.ruleId, i.state, i.range.start.line]), [['c.test.strcpy', 'pending', 1]]);
    const cli = await runCli(root, ['review', 'approve', 'src/b.c:2', '--as', 'bob', '--key', keys.bob.privatePath, '--reason', 'sizes match']);
    assert.strictEqual(cli.code, 0, cli.stderr);
    const from = client.reviews.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(root, '.secure-coding/reviews.jsonl')), type: 1 }] });
    const approved = await client.reviews.wait((p) => p.uri === closed && p.items.some((i) => i.state === 'approved'), from);
    assert.strictEqual(approved.items[0].reviewer, 'Bob Sato');
    const hint = await client.waitForDiagnostics(path.join(root, 'src/b.c'), (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Hint);
    assert.match(hint.diagnostics[0].message, /Approved by Bob Sato/);
  });

  it('signs through ssh-agent when no key file is set', async function () {
    const agentDir = tempDir('rulebook-agent-test-');
    const socket = path.join(agentDir, 'agent.sock');
    const agent: ChildProcess = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    try {
      await waitForSocket(socket);
      await runProcess('ssh-add', ['-q', keys.bob.privatePath], { ...process.env, SSH_AUTH_SOCK: socket });
      const first = await start({ reviewerId: 'bob' }, { SSH_AUTH_SOCK: socket });
      const result = await run(titled(await actions(strcpyOf(first)!), /^Approve/), 'signed by the agent');
      assert.ok(result.ok, result.message);
      await client.waitForDiagnostics(file, (p) => strcpyOf(p)?.severity === DiagnosticSeverity.Hint);
      assert.strictEqual((await runCli(root, ['review', 'list', '--state', 'approved'])).stdout.split('\n').filter(Boolean).length, 1);
    } finally {
      agent.kill();
    }
  });

  it('says in Japanese who approved and why a refusal happened', async function () {
    root = gitRepo(CAROL);
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml([{ person: ALICE, key: keys.alice }, { person: BOB, key: keys.bob }]));
    writeFile(root, 'src/a.c', SOURCE);
    commitAs(root, ALICE, 'read names');
    file = path.join(root, 'src/a.c');
    review = { reviewerId: 'alice', keyPath: keys.alice.privatePath };
    client = await LspClient.start({ root, locale: 'ja', settings: () => ({ review }), env: { SSH_AUTH_SOCK: '' } });
    client.open(file, SOURCE, 'c');
    const first = await client.diagnosticsFor(file, 1);
    const offered = await actions(strcpyOf(first)!);
    const approve = titled(offered, /^レビュー担当者として c\.test\.strcpy を承認…$/);
    const refused = await run(approve, '確認済み');
    assert.match(refused.message, /^記録できませんでした: この行はあなたが書いたものです/);
    review = { reviewerId: 'bob', keyPath: keys.bob.privatePath };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const ok = await run(approve, '呼び出し側で長さを確認済み');
    assert.match(ok.message, /^src\/a\.c:6 の c\.test\.strcpy を bob として承認しました/);
    await client.waitForDiagnostics(file, (p) => strcpyOf(p)?.severity === DiagnosticSeverity.Hint);
    assert.match(await hoverAt(STRCPY_LINE, 3), new RegExp(`\\*\\*レビュー:\\*\\* Bob Sato が ${DATE} に承認（${DATE} まで）: 呼び出し側で長さを確認済み`));
  });
});

function runProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

/** The agent creates its socket shortly after it starts: ask `ssh-add -l` until it answers (1: no keys yet). */
async function waitForSocket(socket: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const code = await new Promise<number | null>((resolve) => spawn('ssh-add', ['-l'], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' }).on('exit', resolve));
    if (code === 0 || code === 1) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('ssh-agent did not start');
}
