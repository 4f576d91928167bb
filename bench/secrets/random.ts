/**
 * Deterministic fake credentials for the labelled corpus: a seeded generator, so every run (and every tool compared)
 * sees the same corpus, and makers that follow each provider's real format (prefix, alphabet, length, checksum-free).
 */
import { execFileSync } from 'child_process';
import { generateKeyPairSync } from 'crypto';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';
export const BASE64 = ALNUM + '+/';
export const URLSAFE = ALNUM + '_-';
export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Mulberry32: tiny, fast and good enough to make unpredictable-looking strings reproducibly. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  string(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** A password a person would choose for a service account: words, digits and a symbol. */
  password(): string {
    const words = ['Summer', 'Falcon', 'Harbor', 'Violet', 'Copper', 'Maple', 'Orbit', 'Tundra', 'Saffron', 'Quartz'];
    const symbols = '!#$%&*@?';
    return `${this.pick(words)}${this.string('0123456789', 2 + this.int(3))}${symbols[this.int(symbols.length)]}${this.pick(words).toLowerCase()}`;
  }
}

/** Real key pairs (generated here, used nowhere) in the PEM and OpenSSH encodings leaked keys come in. */
export function privateKeys(): Record<'rsa' | 'ec' | 'pkcs8' | 'openssh', string> {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    rsa: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().trim(),
    ec: ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString().trim(),
    pkcs8: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim(),
    openssh: opensshKey(),
  };
}

/** Node cannot write the OpenSSH container, ssh-keygen can (Debian's openssh-client). */
function opensshKey(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-key-'));
  try {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'deploy@build', '-f', join(dir, 'id')]);
    return readFileSync(join(dir, 'id'), 'utf8').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function jwtPart(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Makers for every provider format in the corpus. */
export function makers(r: Random) {
  return {
    awsKeyId: () => `AKIA${r.string(BASE32, 16)}`,
    awsSessionKeyId: () => `ASIA${r.string(BASE32, 16)}`,
    awsSecret: () => r.string(BASE64, 40),
    githubPat: () => `ghp_${r.string(ALNUM, 36)}`,
    githubOauth: () => `gho_${r.string(ALNUM, 36)}`,
    githubFineGrained: () => `github_pat_${r.string(ALNUM, 22)}_${r.string(ALNUM, 59)}`,
    gitlabPat: () => `glpat-${r.string(URLSAFE, 20)}`,
    slackBot: () => `xoxb-${r.string('0123456789', 12)}-${r.string('0123456789', 13)}-${r.string(ALNUM, 24)}`,
    slackWebhook: () => `https://hooks.slack.com/services/T${r.string('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 8)}/B${r.string('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10)}/${r.string(ALNUM, 24)}`,
    stripeLive: () => `sk_live_${r.string(ALNUM, 24)}`,
    stripeRestricted: () => `rk_live_${r.string(ALNUM, 24)}`,
    googleApiKey: () => `AIza${r.string(URLSAFE, 35)}`,
    googleOauthSecret: () => `GOCSPX-${r.string(URLSAFE, 28)}`,
    jwt: () => {
      const body = `${jwtPart({ alg: 'HS256', typ: 'JWT' })}.${jwtPart({ sub: `svc-${r.string(HEX, 6)}`, iat: 1716239022, scope: 'admin' })}`;
      return `${body}.${r.string(URLSAFE, 43)}`;
    },
    openai: () => `sk-proj-${r.string(URLSAFE, 74)}T3BlbkFJ${r.string(URLSAFE, 74)}`,
    anthropic: () => `sk-ant-api03-${r.string(URLSAFE, 93)}AA`,
    huggingface: () => `hf_${r.string('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`,
    npm: () => `npm_${r.string(ALNUM, 36)}`,
    pypi: () => `pypi-AgEIcHlwaS5vcmc${r.string(URLSAFE, 70)}`,
    dockerhub: () => `dckr_pat_${r.string(URLSAFE, 27)}`,
    azureAccountKey: () => `${r.string(BASE64, 86)}==`,
    azureSig: () => `${r.string(ALNUM, 43)}%3D`,
    azureAdSecret: () => `${r.string(ALNUM, 3)}8Q~${r.string(ALNUM + '_~.-', 34)}`,
    sendgrid: () => `SG.${r.string(URLSAFE, 22)}.${r.string(URLSAFE, 43)}`,
    twilioKey: () => `SK${r.string(HEX, 32)}`,
    mailchimp: () => `${r.string(HEX, 32)}-us${1 + r.int(20)}`,
    telegram: () => `${r.string('123456789', 10)}:AA${r.string(URLSAFE, 33)}`,
    vault: () => `hvs.${r.string(URLSAFE, 95)}`,
    digitalocean: () => `dop_v1_${r.string(HEX, 64)}`,
    databricks: () => `dapi${r.string(HEX, 32)}`,
    shopify: () => `shpat_${r.string(HEX, 32)}`,
    hex32: () => r.string(HEX, 32),
    base62: (n = 32) => r.string(ALNUM, n),
    password: () => r.password(),
    /** A plain word, as people pick for a key they think nobody sees (a cryptographic key is a finding whatever it is). */
    word: () => `${r.pick(['copper', 'harbor', 'violet', 'maple', 'orbit', 'tundra', 'saffron', 'quartz', 'falcon', 'summer'])}${r.pick(['gate', 'stone', 'river', 'field', 'light', 'cloud'])}`,
    /** A password with only letters and digits (a command line or a sentence ends at punctuation). */
    alnumPassword: () => r.password().replace(/[^A-Za-z0-9]/g, ''),
  };
}

export type Makers = ReturnType<typeof makers>;
