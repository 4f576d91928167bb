/**
 * Review signatures are SSHSIG, as `ssh-keygen -Y sign` makes them: checked both ways against the real ssh-keygen,
 * for ed25519 and RSA keys, and failing for another key, another namespace, changed bytes or a truncated blob.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { EncryptedKeyError, REVIEW_NAMESPACE, armor, parsePrivateKey, parsePublicKey, sameKey, signMessage, unarmor, verifyMessage } from '@secure-coding/server';
import { KeyPair, keygen, removeTempDirs, tempDir } from './fixtures';

describe('review signatures (SSHSIG)', function () {
  let dir: string;
  const keys: Record<string, KeyPair> = {};
  const message = Buffer.from('["secure-coding-review/1","approve","fp","c.banned.gets"]', 'utf8');

  before(function () {
    dir = tempDir();
    keys.ed25519 = keygen(dir, 'ed', 'ed25519', 'bob@example.com');
    keys.rsa = keygen(dir, 'rsa', 'rsa', 'rob@example.com');
    keys.other = keygen(dir, 'other', 'ed25519', 'eve@example.com');
  });
  after(removeTempDirs);

  function sshKeygenVerify(pub: KeyPair, signature: Buffer, signed: Buffer, namespace = REVIEW_NAMESPACE): boolean {
    const allowed = path.join(dir, 'allowed_signers');
    writeFileSync(allowed, `reviewer ${pub.publicLine}\n`);
    const sigFile = path.join(dir, 'message.sig');
    writeFileSync(sigFile, armor(signature));
    try {
      execFileSync('ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', 'reviewer', '-n', namespace, '-s', sigFile], { input: signed, stdio: ['pipe', 'pipe', 'pipe'] });
      return true;
    } catch {
      return false;
    }
  }

  for (const type of ['ed25519', 'rsa']) {
    it(`signs with a ${type} key so that ssh-keygen -Y verify accepts it`, function () {
      const key = parsePrivateKey(readFileSync(keys[type].privatePath, 'utf8'));
      assert.ok(sameKey(key.publicKey, parsePublicKey(keys[type].publicLine)));
      const signature = signMessage(message, key);
      assert.strictEqual(sshKeygenVerify(keys[type], signature, message), true);
      assert.strictEqual(sshKeygenVerify(keys[type], signature, Buffer.concat([message, Buffer.from(' ')])), false);
    });

    it(`verifies what ssh-keygen -Y sign made with a ${type} key, without ssh-keygen`, function () {
      const file = path.join(dir, `${type}.msg`);
      writeFileSync(file, message);
      execFileSync('ssh-keygen', ['-q', '-Y', 'sign', '-f', keys[type].privatePath, '-n', REVIEW_NAMESPACE, file], { stdio: 'pipe' });
      const signature = unarmor(readFileSync(`${file}.sig`, 'utf8'));
      const pub = parsePublicKey(keys[type].publicLine);
      assert.deepStrictEqual(verifyMessage(message, signature, pub), { ok: true });
      const changed = Buffer.from(message);
      changed[changed.length - 3] ^= 1;
      assert.deepStrictEqual(verifyMessage(changed, signature, pub), { ok: false, reason: 'the signature does not match the signed fields' });
    });
  }

  it('refuses a signature by another key, in another namespace, or cut short', function () {
    const bob = parsePrivateKey(readFileSync(keys.ed25519.privatePath, 'utf8'));
    const bobPub = parsePublicKey(keys.ed25519.publicLine);
    const evePub = parsePublicKey(keys.other.publicLine);
    const signature = signMessage(message, bob);
    const byOther = verifyMessage(message, signature, evePub);
    assert.strictEqual(byOther.ok, false);
    assert.match(!byOther.ok ? byOther.reason : '', /signed with another key \(SHA256:/);
    const gitNamespace = signMessage(message, bob, 'git');
    assert.deepStrictEqual(verifyMessage(message, gitNamespace, bobPub), { ok: false, reason: 'signed for `git`, not `secure-coding-review`' });
    assert.strictEqual(verifyMessage(message, signature.subarray(0, signature.length - 10), bobPub).ok, false);
    assert.strictEqual(verifyMessage(message, Buffer.from('not a signature'), bobPub).ok, false);
  });

  it('reads PEM private keys and reports passphrase-protected keys as such', function () {
    const pem = keygen(dir, 'pem', 'rsa', 'pem@example.com');
    execFileSync('ssh-keygen', ['-q', '-p', '-m', 'PEM', '-N', '', '-P', '', '-f', pem.privatePath]);
    assert.match(readFileSync(pem.privatePath, 'utf8'), /BEGIN RSA PRIVATE KEY/);
    const key = parsePrivateKey(readFileSync(pem.privatePath, 'utf8'));
    assert.ok(sameKey(key.publicKey, parsePublicKey(pem.publicLine)));
    const locked = keygen(dir, 'locked', 'ed25519', 'locked@example.com', 'correct horse');
    assert.throws(() => parsePrivateKey(readFileSync(locked.privatePath, 'utf8')), EncryptedKeyError);
  });

  it('gives the same fingerprint as ssh-keygen -l and rejects malformed public keys', function () {
    for (const type of ['ed25519', 'rsa']) {
      const printed = execFileSync('ssh-keygen', ['-l', '-f', keys[type].publicPath], { encoding: 'utf8' }).split(' ')[1];
      assert.strictEqual(parsePublicKey(keys[type].publicLine).fingerprint, printed);
    }
    assert.throws(() => parsePublicKey('ssh-dss AAAAB3NzaC1kc3M= x'), /unsupported key type `ssh-dss`/);
    assert.throws(() => parsePublicKey('ssh-ed25519 !!!'), /not base64/);
    assert.throws(() => parsePublicKey(keys.rsa.publicLine.replace('ssh-rsa', 'ssh-ed25519')), /not a valid ssh-ed25519 key|is a ssh-rsa key/);
  });
});
