const crypto = require('crypto');

// ruleid: secret.static-crypto-key
const ENCRYPTION_KEY = 'correcthorsebatterystaple';
// ruleid: secret.static-crypto-key
const cipher = crypto.createCipheriv('aes-256-cbc', 'thirtytwocharacterlongkeyvalue!!', iv);
// ruleid: secret.static-crypto-key
const decipher = crypto.createDecipheriv('aes-256-cbc', key, '0102030405060708');
// ruleid: secret.static-crypto-key
const hash = crypto.pbkdf2Sync(password, 'staticsalt', 100000, 64, 'sha512');

// ok: secret.static-crypto-key
const encryptionKey = process.env.ENCRYPTION_KEY;
// ok: secret.static-crypto-key
const iv = crypto.randomBytes(16);
// ok: secret.static-crypto-key
const cipherAlgorithm = 'aes-256-gcm';
// ok: secret.static-crypto-key
const sessionKeyHeader = 'x-session-key';
