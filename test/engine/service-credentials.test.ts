/**
 * The stock password of a throwaway service container (a CI job's `services:`, a compose file, a dev container, code
 * that writes one) stays on record at `info` and gates nothing; a chosen password in the same variable, a deploy
 * token beside it and a default pair in the product's own configuration still gate.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Rulebook, loadRulebook, scanDocument } from '@secure-coding/server';
import { marked } from '../helpers';

const WORKFLOW = `jobs:
  test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_USER: postgres
          POSTGRES_PASSWORD: ⟦postgres⟧
      mysql:
        image: mysql:8
        env:
          MYSQL_ROOT_PASSWORD: mysql
      rabbit:
        image: rabbitmq:3
        env:
          RABBITMQ_DEFAULT_USER: ci-runner
          RABBITMQ_DEFAULT_PASS: ci-runner
    env:
      PGPASSWORD: ⟦postgres⟧
      DEPLOY_TOKEN: 8f3Kq2Lm7Pz4Rt9Xw1Yv
`;

describe('credentials of throwaway service containers', function () {
  let rulebook: Rulebook;
  let dir: string;

  before(async function () {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'service-credentials-'));
    rulebook = await loadRulebook({ root: dir });
  });

  after(async function () {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const findings = async (file: string, source: string) => {
    const { text, ranges } = marked(source);
    const result = await scanDocument(rulebook, { path: file, text });
    return { ranges, findings: result.findings.filter((f) => /^(?:secret|account)\./.test(f.ruleId)) };
  };

  it('keeps the stock passwords of a CI job\'s services on record at info, and a deploy token gating', async function () {
    const { ranges, findings: found } = await findings('.github/workflows/ci.yml', WORKFLOW);
    const info = found.filter((f) => f.severity === 'info');
    assert.deepStrictEqual(
      info.map((f) => ({ line: f.range.start.line, start: f.range.start.character, end: f.range.end.character })),
      ranges,
    );
    assert.ok(info.every((f) => f.ruleId === 'secret.hardcoded-password' && f.evidence?.includes('ephemeral-service')));
    const gating = found.filter((f) => f.severity !== 'info');
    assert.deepStrictEqual(gating.map((f) => `${f.ruleId}:${f.range.start.line}`), ['secret.generic-token:20']);
  });

  it('reads a compose service written by code and a dev container the same way', async function () {
    const ruby = await findings('lib/generators/database.rb', 'def service\n  { "image" => "postgres:18", "environment" => {\n    "POSTGRES_USER" => "postgres",\n    "POSTGRES_PASSWORD" => "⟦postgres⟧"\n  } }\nend\n');
    assert.deepStrictEqual(ruby.findings.map((f) => `${f.ruleId}:${f.severity}`), ['secret.hardcoded-password:info']);
    const json = await findings('.devcontainer/devcontainer.json', '{ "containerEnv": { "PGHOST": "postgres", "PGUSER": "postgres", "PGPASSWORD": "⟦postgres⟧" } }\n');
    assert.deepStrictEqual(json.findings.map((f) => `${f.ruleId}:${f.severity}`), ['secret.hardcoded-password:info']);
  });

  it('still gates a chosen password in an image variable and a default pair in the product configuration', async function () {
    const chosen = await findings('deploy/compose.yaml', 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: Qv7-tR2m-Lx9w\n');
    assert.deepStrictEqual(chosen.findings.map((f) => `${f.ruleId}:${f.severity}`), ['secret.hardcoded-password:error']);
    const product = await findings('config/app.yaml', 'database:\n  username: postgres\n  password: postgres\n');
    assert.ok(product.findings.some((f) => f.ruleId === 'account.default-credentials' && f.severity === 'error'));
    assert.ok(product.findings.every((f) => f.severity === 'error'));
  });

  it('never shows a password through the user id it equals or holds', async function () {
    const same = await findings('config/app.yaml', 'database:\n  username: postgres\n  password: postgres\n');
    const pair = same.findings.find((f) => f.ruleId === 'account.default-credentials');
    assert.ok(pair);
    assert.ok(!pair.message.includes('postgres'), pair.message);
    const apart = await findings('config/app.yaml', 'admin:\n  username: admin\n  password: changeme\n');
    const shown = apart.findings.find((f) => f.ruleId === 'account.default-credentials');
    assert.ok(shown);
    assert.ok(shown.message.includes('`admin`') && !shown.message.includes('changeme'), shown.message);
  });
});
