// A password field holding a salted hash (with its salt beside it, or inside a self-describing format) stores the
// password the right way: no password is in the code.
const users = [
  // ok: secret.hardcoded-password
  { name: "ops", password: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", salt: "a8d3fe21", iterations: 10000 },
  // ok: secret.hardcoded-password
  { name: "web", password: "pbkdf2_sha256$260000$Xk2sF3w9abcd$e8fQ1hK0qabc1ZxWv7dLm2Q=" },
  // ok: secret.hardcoded-password
  { name: "cli", password: "$2b$12$KIXQJQ1x0wQO5cTq9PpOJe1u7g7m7E8x8JrQb0H5zvB3c0nq2mX0a" },
];

const record = {
  // ok: secret.hardcoded-password
  password: "3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAA8hJg==",
  salt: "c2FsdHNhbHQ=",
  rounds: 120000,
};

// Near misses: a hash-looking value with no salt in its record, and a password beside a salt.
// ruleid: secret.hardcoded-password
const lone = { password: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" };
// ruleid: secret.hardcoded-password
const typed = { password: "Sp4rkle-Pony-92", salt: "a8d3fe21" };
