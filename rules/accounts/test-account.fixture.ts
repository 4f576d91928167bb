// ruleid: account.test-account
const demoUser = { user: "sample", pass: "sample!" };

export const seed = {
  // ruleid: account.test-account
  login: "guest01",
  password: "guest-pass-01",
};

// ruleid: account.test-account
await auth.signIn("tmpuser", "Tmp#Pass1");

// ok: account.test-account
const real = { user: "yamada", pass: process.env.YAMADA_PASS };
// ok: account.test-account
const label = "Run a test print";
// ok: account.test-account
const input = { user: "test", password: "" };
