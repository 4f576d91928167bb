/**
 * Checks a token format carries within itself. A real token passes its format's check; a hand-made one (test data,
 * a placeholder typed to look right) nearly never does. A pattern names its check in `checksum:`; the secret kind
 * records the result as evidence (`checksum:valid` / `checksum:failed`) and reports a failed one a severity lower.
 * Every check is pure and linear in the token's length; none calls a network or the provider.
 */

/** Base62 in the digit order GitHub and npm use: 0-9, A-Z, a-z. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, as zlib computes it) of a string's UTF-8 bytes; written here because editors run older Node. */
export function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The value of base62 digits, or undefined for a character outside the alphabet. */
export function base62Value(digits: string): number | undefined {
  let value = 0;
  for (const ch of digits) {
    const d = BASE62.indexOf(ch);
    if (d < 0) return undefined;
    value = value * 62 + d;
  }
  return value;
}

/** Six base62 digits of a number (zero-padded), as GitHub and npm append their checksum. */
export function base62Digits(value: number, width = 6): string {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62] + out;
  return out.padStart(width, '0');
}

/**
 * GitHub's `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` tokens and npm's `npm_` tokens: 30 random base62 characters, then the
 * CRC-32 of those 30 characters in 6 base62 digits (GitHub's "Behind GitHub's new authentication token formats",
 * npm's "new access token format").
 */
function base62Crc32(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 36) return false;
  return base62Value(body.slice(30)) === crc32(body.slice(0, 30));
}

function base64UrlBytes(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text.replace(/=+$/, ''), 'base64url');
}

/**
 * A PyPI token is `pypi-` and a macaroon in the version 2 binary format, base64url: a version byte 2, a location
 * (`pypi.org`), an identifier, caveat sections, and a 32-byte signature ending the data. Each field is a type byte
 * (0 ends a section), a varint length and that many bytes.
 */
function pypiMacaroon(token: string): boolean {
  const bytes = base64UrlBytes(token.slice('pypi-'.length));
  if (!bytes || bytes[0] !== 2) return false;
  let at = 1;
  const varint = (): number | undefined => {
    let value = 0;
    for (let shift = 0; shift < 28 && at < bytes.length; shift += 7) {
      const b = bytes[at++];
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return value;
    }
    return undefined;
  };
  let sections = 0;
  let emptySection = false;
  // Sections until an empty one (the end of the caveats), then the signature.
  while (!emptySection) {
    let fields = 0;
    for (;;) {
      if (at >= bytes.length) return false;
      const type = bytes[at++];
      if (type === 0) break;
      if (type > 6) return false;
      const length = varint();
      if (length === undefined || at + length > bytes.length) return false;
      at += length;
      fields++;
    }
    emptySection = fields === 0 && sections > 0;
    if (fields === 0 && sections === 0) return false;
    sections++;
  }
  if (bytes[at++] !== 6) return false;
  return varint() === 32 && at + 32 === bytes.length;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Bech32 (BIP-173) checksum of a whole string `hrp1data`; age secret keys are Bech32 with the prefix `age-secret-key-`. */
function bech32(token: string): boolean {
  const text = token.toLowerCase();
  const sep = text.lastIndexOf('1');
  if (sep < 1 || sep + 7 > text.length) return false;
  const hrp = text.slice(0, sep);
  const values: number[] = [];
  for (const ch of hrp) values.push(ch.charCodeAt(0) >> 5);
  values.push(0);
  for (const ch of hrp) values.push(ch.charCodeAt(0) & 31);
  for (const ch of text.slice(sep + 1)) {
    const v = BECH32.indexOf(ch);
    if (v < 0) return false;
    values.push(v);
  }
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
  }
  return chk === 1;
}

/** A JSON Web Token's header is a base64url JSON object naming its algorithm. */
function jwtHeader(token: string): boolean {
  const bytes = base64UrlBytes(token.slice(0, token.indexOf('.')));
  if (!bytes) return false;
  try {
    const header = JSON.parse(bytes.toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** A Discord bot token starts with the bot's user id (a snowflake: 17 to 20 digits) in base64. */
function discordSnowflake(token: string): boolean {
  const bytes = base64UrlBytes(token.slice(0, token.indexOf('.')));
  return bytes !== undefined && /^[1-9][0-9]{16,19}$/.test(bytes.toString('latin1'));
}

export const CHECKSUMS: Readonly<Record<string, (token: string) => boolean>> = {
  'base62-crc32': base62Crc32,
  'pypi-macaroon': pypiMacaroon,
  bech32,
  'jwt-header': jwtHeader,
  'discord-snowflake': discordSnowflake,
};

export type ChecksumName = keyof typeof CHECKSUMS;
