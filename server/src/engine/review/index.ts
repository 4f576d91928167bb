/** The review engine's public face: policy, ledger, signatures and the review state of findings. */
export { EncryptedKeyError, SshPrivateKey, SshPublicKey, formatPublicKey, parsePrivateKey, parsePublicKey, sameKey } from './ssh-keys';
export { REVIEW_NAMESPACE, armor, signMessage, unarmor, verifyMessage } from './sshsig';
