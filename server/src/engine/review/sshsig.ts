/**
 * SSHSIG, the detached signature format of `ssh-keygen -Y sign` (PROTOCOL.sshsig in OpenSSH's sources), which is
 * also what git writes for SSH-signed commits. A signature made here verifies with
 * `ssh-keygen -Y verify -n secure-coding-review`, and one made by `ssh-keygen -Y sign` verifies here.
 */
import { constants, createHash, sign as cryptoSign, verify as cryptoVerify } from 'crypto';
import { SshPrivateKey, SshPublicKey, parsePublicKeyBlob } from './ssh-keys';
import { SshReader, SshWriter } from './ssh-wire';

const MAGIC = Buffer.from('SSHSIG', 'latin1');
const VERSION = 1;
const ARMOR_BEGIN = '-----BEGIN SSH SIGNATURE-----';
const ARMOR_END = '-----END SSH SIGNATURE-----';

/** The namespace review signatures are made in, so no other kind of SSH signature can be replayed as one. */
export const REVIEW_NAMESPACE = 'secure-coding-review';

export type HashAlgorithm = 'sha256' | 'sha512';

export interface SshSignature {
  /** The signer's public key blob, as embedded (parsed only when needed: verifying compares bytes). */
  readonly publicKeyBlob: Buffer;
  readonly namespace: string;
  readonly hashAlgorithm: HashAlgorithm;
  /** The inner signature's algorithm: `ssh-ed25519`, `rsa-sha2-512` or `rsa-sha2-256`. */
  readonly algorithm: string;
  readonly signature: Buffer;
}

function signedData(namespace: string, hashAlgorithm: HashAlgorithm, message: Buffer): Buffer {
  const digest = createHash(hashAlgorithm).update(message).digest();
  return new SshWriter().raw(MAGIC).string(namespace).string('').string(hashAlgorithm).string(digest).toBuffer();
}

/** Signs a message: the SSHSIG blob (binary; `armor` gives the text form). */
export function signMessage(message: Buffer, key: SshPrivateKey, namespace = REVIEW_NAMESPACE): Buffer {
  const hashAlgorithm: HashAlgorithm = 'sha512';
  const data = signedData(namespace, hashAlgorithm, message);
  let algorithm: string;
  let raw: Buffer;
  if (key.publicKey.type === 'ssh-ed25519') {
    algorithm = 'ssh-ed25519';
    raw = cryptoSign(null, data, key.key);
  } else {
    algorithm = 'rsa-sha2-512';
    raw = cryptoSign('sha512', data, { key: key.key, padding: constants.RSA_PKCS1_PADDING });
  }
  const inner = new SshWriter().string(algorithm).string(raw).toBuffer();
  return new SshWriter()
    .raw(MAGIC)
    .uint32(VERSION)
    .string(key.publicKey.blob)
    .string(namespace)
    .string('')
    .string(hashAlgorithm)
    .string(inner)
    .toBuffer();
}

/** Parses an SSHSIG blob; throws with the reason when it is not one. */
export function parseSignature(blob: Buffer): SshSignature {
  if (!blob.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an SSH signature');
  const reader = new SshReader(blob.subarray(MAGIC.length));
  const version = reader.uint32();
  if (version !== VERSION) throw new Error(`unsupported SSH signature version ${version}`);
  const publicKeyBlob = reader.string();
  const namespace = reader.text();
  reader.string();
  const hashAlgorithm = reader.text();
  if (hashAlgorithm !== 'sha256' && hashAlgorithm !== 'sha512') throw new Error(`unsupported hash algorithm ${hashAlgorithm}`);
  const inner = new SshReader(reader.string());
  const algorithm = inner.text();
  const signature = inner.string();
  if (!reader.done || !inner.done) throw new Error('trailing data after the SSH signature');
  return { publicKeyBlob, namespace, hashAlgorithm, algorithm, signature };
}

export type VerifyResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Verifies that `blob` is a signature of `message` in `namespace` by `expected`. A signature by another key,
 * in another namespace, or over other bytes fails with the reason.
 */
export function verifyMessage(message: Buffer, blob: Buffer, expected: SshPublicKey, namespace = REVIEW_NAMESPACE): VerifyResult {
  let sig: SshSignature;
  try {
    sig = parseSignature(blob);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  if (sig.namespace !== namespace) return { ok: false, reason: `signed for \`${sig.namespace}\`, not \`${namespace}\`` };
  if (!sig.publicKeyBlob.equals(expected.blob)) return { ok: false, reason: `signed with another key (${describeKey(sig.publicKeyBlob)})` };
  const data = signedData(namespace, sig.hashAlgorithm, message);
  let good: boolean;
  if (expected.type === 'ssh-ed25519' && sig.algorithm === 'ssh-ed25519') {
    good = cryptoVerify(null, data, expected.key, sig.signature);
  } else if (expected.type === 'ssh-rsa' && (sig.algorithm === 'rsa-sha2-512' || sig.algorithm === 'rsa-sha2-256')) {
    const hash = sig.algorithm === 'rsa-sha2-512' ? 'sha512' : 'sha256';
    good = cryptoVerify(hash, data, { key: expected.key, padding: constants.RSA_PKCS1_PADDING }, sig.signature);
  } else {
    return { ok: false, reason: `unsupported signature algorithm ${sig.algorithm} for a ${expected.type} key` };
  }
  return good ? { ok: true } : { ok: false, reason: 'the signature does not match the signed fields' };
}

function describeKey(blob: Buffer): string {
  try {
    return parsePublicKeyBlob(blob).fingerprint;
  } catch (err) {
    return `an unreadable key: ${(err as Error).message}`;
  }
}

/** The text form `ssh-keygen -Y sign` writes to `FILE.sig`. */
export function armor(blob: Buffer): string {
  const lines = blob.toString('base64').match(/.{1,70}/g) ?? [];
  return `${ARMOR_BEGIN}\n${lines.join('\n')}\n${ARMOR_END}\n`;
}

export function unarmor(text: string): Buffer {
  const start = text.indexOf(ARMOR_BEGIN);
  const end = text.indexOf(ARMOR_END);
  if (start < 0 || end < start) throw new Error('not an armored SSH signature');
  return Buffer.from(text.slice(start + ARMOR_BEGIN.length, end).replace(/\s+/g, ''), 'base64');
}
