/**
 * A reviewer's signer from the key path they give. An unencrypted private key is read and signs in-process; a key
 * behind a passphrase, or a public key whose private half is in ssh-agent, signs through `ssh-keygen -Y sign`
 * (which asks for the passphrase on the terminal or uses the agent). Only signing may need ssh-keygen.
 */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import { EncryptedKeyError, SshPublicKey, parsePrivateKey, parsePublicKey } from '../engine/review/ssh-keys';
import { REVIEW_NAMESPACE, unarmor } from '../engine/review/sshsig';
import { ReviewSigner, keySigner } from '../engine/review/signer';

export class KeyFileError extends Error {}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new KeyFileError(`cannot read the key ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

export interface SignOptions {
  /**
   * False in an editor: ssh-keygen runs in a session of its own, without a terminal to ask a passphrase on, so a
   * key that needs one fails at once (with a message) instead of waiting for input nobody can give.
   */
  readonly interactive?: boolean;
}

/** Signs `message` in the review namespace with `ssh-keygen -Y sign -f keyPath` (a private key, or a .pub in ssh-agent). */
export function sshKeygenSign(keyPath: string, message: Buffer, options: SignOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('ssh-keygen', ['-q', '-Y', 'sign', '-f', keyPath, '-n', REVIEW_NAMESPACE], { stdio: ['pipe', 'pipe', 'pipe'], detached: options.interactive === false });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new KeyFileError(`cannot run ssh-keygen to sign with ${keyPath}: ${e.message}`)));
    child.on('close', (code) => {
      if (code !== 0) {
        const why = Buffer.concat(err).toString('utf8').replace(/Enter passphrase[^:]*:\s*/g, '').trim();
        reject(new KeyFileError(`ssh-keygen could not sign with ${keyPath}: ${why || `exit code ${code}`}`));
        return;
      }
      try {
        resolve(unarmor(Buffer.concat(out).toString('utf8')));
      } catch (e) {
        reject(new KeyFileError(`ssh-keygen gave no signature: ${(e as Error).message}`));
      }
    });
    child.stdin.end(message);
  });
}

function sshKeygenSigner(keyPath: string, publicKey: SshPublicKey, options: SignOptions): ReviewSigner {
  return { publicKey, sign: (message) => sshKeygenSign(keyPath, message, options) };
}

/** `KEY` (private, OpenSSH or PEM), or `KEY.pub` with its private half in ssh-agent. */
export async function signerFromKeyFile(keyPath: string, options: SignOptions = {}): Promise<ReviewSigner> {
  const text = await readText(keyPath);
  if (/^\s*ssh-(ed25519|rsa) /.test(text)) {
    return sshKeygenSigner(keyPath, parsePublicKey(text), options);
  }
  try {
    return keySigner(parsePrivateKey(text));
  } catch (err) {
    if (!(err instanceof EncryptedKeyError)) throw new KeyFileError(`${keyPath}: ${(err as Error).message}`);
  }
  const pubText = await readText(`${keyPath}.pub`).catch(() => {
    throw new KeyFileError(`${keyPath} is protected by a passphrase: put its public key beside it as ${keyPath}.pub, or pass the .pub file with the key loaded in ssh-agent`);
  });
  return sshKeygenSigner(keyPath, parsePublicKey(pubText), options);
}
