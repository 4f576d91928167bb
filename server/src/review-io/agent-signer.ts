/**
 * Signing through ssh-agent when the reviewer gives no key file: the rulebook already lists the reviewer's public
 * key, so it is written to a private temporary file and `ssh-keygen -Y sign` asks the agent (`SSH_AUTH_SOCK`) to
 * sign with the matching private key. The private key never leaves the agent.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SshPublicKey, formatPublicKey } from '../engine/review/ssh-keys';
import { ReviewSigner } from '../engine/review/signer';
import { KeyFileError, SignOptions, sshKeygenSign } from './signer-from-file';

/** Whether an ssh-agent is reachable from this process's environment. */
export function agentAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return typeof env.SSH_AUTH_SOCK === 'string' && env.SSH_AUTH_SOCK !== '';
}

export function agentSigner(publicKey: SshPublicKey, options: SignOptions = {}): ReviewSigner {
  return {
    publicKey,
    async sign(message) {
      if (!agentAvailable()) throw new KeyFileError('no ssh-agent: SSH_AUTH_SOCK is not set');
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rulebook-agent-'));
      const pub = path.join(dir, 'reviewer.pub');
      try {
        await fs.writeFile(pub, `${formatPublicKey(publicKey)}\n`, { mode: 0o600 });
        return await sshKeygenSign(pub, message, options);
      } catch (err) {
        if (err instanceof KeyFileError) throw new KeyFileError(`${err.message.split(pub).join('the key')} (is the key ${publicKey.fingerprint} loaded in ssh-agent? \`ssh-add -l\` lists them)`);
        throw err;
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
  };
}
