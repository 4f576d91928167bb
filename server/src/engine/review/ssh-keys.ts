/**
 * SSH keys as git uses them for signing: the one-line public key (`ssh-ed25519 AAAA… comment`) a rulebook lists,
 * and the private key file a reviewer signs with (OpenSSH format, or PEM). Both become Node `KeyObject`s, so
 * signing and verifying need neither `ssh-keygen` nor any library beyond Node's own `crypto`.
 */
import { KeyObject, createHash, createPrivateKey, createPublicKey } from 'crypto';
import { SshReader, SshWriter } from './ssh-wire';

export type SshKeyType = 'ssh-ed25519' | 'ssh-rsa';
export const SUPPORTED_KEY_TYPES: readonly SshKeyType[] = ['ssh-ed25519', 'ssh-rsa'];

export interface SshPublicKey {
  readonly type: SshKeyType;
  /** The wire-format key blob: what the base64 field of the one-line form encodes. */
  readonly blob: Buffer;
  readonly key: KeyObject;
  /** `SHA256:…` as `ssh-keygen -l` prints it. */
  readonly fingerprint: string;
}

export interface SshPrivateKey {
  readonly publicKey: SshPublicKey;
  readonly key: KeyObject;
}

/** The private key is protected by a passphrase: sign through `ssh-keygen` (or the agent) instead. */
export class EncryptedKeyError extends Error {}

const b64url = (bytes: Buffer): string => bytes.toString('base64url');

function mpintBytes(unsigned: Buffer): Buffer {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const trimmed = unsigned.subarray(start);
  return (trimmed[0] & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
}

function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** A public key from its wire-format blob (as embedded in signatures). */
export function parsePublicKeyBlob(blob: Buffer): SshPublicKey {
  const reader = new SshReader(blob);
  const type = reader.text();
  if (type === 'ssh-ed25519') {
    const x = reader.string();
    if (x.length !== 32) throw new Error('an ssh-ed25519 key holds 32 bytes');
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(x) }, format: 'jwk' });
    return { type, blob, key, fingerprint: fingerprintOf(blob) };
  }
  if (type === 'ssh-rsa') {
    const e = reader.mpint();
    const n = reader.mpint();
    if (n.length * 8 < 2000) throw new Error(`an RSA key of ${n.length * 8} bits is too short (2048 bits at least)`);
    const key = createPublicKey({ key: { kty: 'RSA', n: b64url(n), e: b64url(e) }, format: 'jwk' });
    return { type, blob, key, fingerprint: fingerprintOf(blob) };
  }
  throw new Error(`unsupported key type \`${type}\` (supported: ${SUPPORTED_KEY_TYPES.join(', ')})`);
}

/** Parses `ssh-ed25519 AAAA… comment` (the form of `~/.ssh/id_ed25519.pub` and of git's allowed signers). */
export function parsePublicKey(line: string): SshPublicKey {
  const fields = line.trim().split(/\s+/);
  if (fields.length < 2 || !fields[0]) throw new Error('expected `TYPE BASE64 [comment]`, e.g. `ssh-ed25519 AAAA… bob@example.com`');
  const [type, data] = fields;
  if (!SUPPORTED_KEY_TYPES.includes(type as SshKeyType)) {
    throw new Error(`unsupported key type \`${type}\` (supported: ${SUPPORTED_KEY_TYPES.join(', ')})`);
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw new Error('the key data is not base64');
  const blob = Buffer.from(data, 'base64');
  let key: SshPublicKey;
  try {
    key = parsePublicKeyBlob(blob);
  } catch (err) {
    throw new Error(`not a valid ${type} key: ${(err as Error).message}`);
  }
  if (key.type !== type) throw new Error(`the key data is a ${key.type} key, not ${type}`);
  return key;
}

/** The public key in one-line form, as `ssh-keygen -y` prints it. */
export function formatPublicKey(key: SshPublicKey, comment?: string): string {
  return `${key.type} ${key.blob.toString('base64')}${comment ? ` ${comment}` : ''}`;
}

export function sameKey(a: SshPublicKey, b: SshPublicKey): boolean {
  return a.blob.equals(b.blob);
}

/** The SSH public key of any Ed25519 or RSA key object. */
export function publicKeyOf(key: KeyObject): SshPublicKey {
  const jwk = createPublicKey(key).export({ format: 'jwk' });
  const writer = new SshWriter();
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x) {
    writer.string('ssh-ed25519').string(Buffer.from(jwk.x, 'base64url'));
  } else if (jwk.kty === 'RSA' && jwk.n && jwk.e) {
    writer.string('ssh-rsa').string(mpintBytes(Buffer.from(jwk.e, 'base64url'))).string(mpintBytes(Buffer.from(jwk.n, 'base64url')));
  } else {
    throw new Error(`unsupported key (${jwk.kty}${jwk.crv ? ` ${jwk.crv}` : ''}); use an ed25519 or RSA key`);
  }
  return parsePublicKeyBlob(writer.toBuffer());
}

const OPENSSH_BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const OPENSSH_END = '-----END OPENSSH PRIVATE KEY-----';
const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

function bigintOf(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

function bytesOf(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex');
}

/** The private section of an unencrypted OpenSSH key (PROTOCOL.key in OpenSSH's sources). */
function parseOpenSshPrivate(text: string): KeyObject {
  const start = text.indexOf(OPENSSH_BEGIN);
  const end = text.indexOf(OPENSSH_END);
  if (start < 0 || end < start) throw new Error('not an OpenSSH private key');
  const body = Buffer.from(text.slice(start + OPENSSH_BEGIN.length, end).replace(/\s+/g, ''), 'base64');
  if (!body.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC)) throw new Error('not an OpenSSH private key (bad magic)');
  const reader = new SshReader(body.subarray(OPENSSH_MAGIC.length));
  const cipher = reader.text();
  const kdf = reader.text();
  reader.string();
  if (cipher !== 'none' || kdf !== 'none') throw new EncryptedKeyError('the private key is protected by a passphrase');
  if (reader.uint32() !== 1) throw new Error('the file holds more than one key');
  reader.string();
  const section = new SshReader(reader.string());
  if (section.uint32() !== section.uint32()) throw new Error('the private key is corrupt (check numbers differ)');
  const type = section.text();
  if (type === 'ssh-ed25519') {
    const pub = section.string();
    const secret = section.string();
    if (pub.length !== 32 || secret.length !== 64) throw new Error('the ed25519 private key is corrupt');
    return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(pub), d: b64url(secret.subarray(0, 32)) }, format: 'jwk' });
  }
  if (type === 'ssh-rsa') {
    const [n, e, d, iqmp, p, q] = [section.mpint(), section.mpint(), section.mpint(), section.mpint(), section.mpint(), section.mpint()];
    const dn = bigintOf(d);
    const dp = bytesOf(dn % (bigintOf(p) - 1n));
    const dq = bytesOf(dn % (bigintOf(q) - 1n));
    return createPrivateKey({
      key: { kty: 'RSA', n: b64url(n), e: b64url(e), d: b64url(d), p: b64url(p), q: b64url(q), dp: b64url(dp), dq: b64url(dq), qi: b64url(iqmp) },
      format: 'jwk',
    });
  }
  throw new Error(`unsupported key type \`${type}\` (supported: ${SUPPORTED_KEY_TYPES.join(', ')})`);
}

/** Reads a private key file's text: OpenSSH format (what `ssh-keygen` writes) or PEM (PKCS#1 / PKCS#8). */
export function parsePrivateKey(text: string): SshPrivateKey {
  let key: KeyObject;
  if (text.includes(OPENSSH_BEGIN)) {
    key = parseOpenSshPrivate(text);
  } else if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    if (/ENCRYPTED/.test(text)) throw new EncryptedKeyError('the private key is protected by a passphrase');
    try {
      key = createPrivateKey(text);
    } catch (err) {
      throw new Error(`not a readable private key: ${(err as Error).message}`);
    }
  } else {
    throw new Error('not a private key file (expected `-----BEGIN OPENSSH PRIVATE KEY-----`)');
  }
  return { key, publicKey: publicKeyOf(key) };
}
