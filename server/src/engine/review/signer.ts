/**
 * Whatever signs a review entry on a reviewer's behalf. The engine signs with a private key it is given as text;
 * keys behind a passphrase or in ssh-agent are signed for by `ssh-keygen` (`review-io/ssh-keygen-signer.ts`).
 */
import { SshPrivateKey, SshPublicKey } from './ssh-keys';
import { signMessage } from './sshsig';

export interface ReviewSigner {
  readonly publicKey: SshPublicKey;
  /** The SSHSIG signature (binary) of the message in the review namespace. */
  sign(message: Buffer): Promise<Buffer>;
}

export function keySigner(privateKey: SshPrivateKey): ReviewSigner {
  return {
    publicKey: privateKey.publicKey,
    sign: (message) => Promise.resolve(signMessage(message, privateKey)),
  };
}
