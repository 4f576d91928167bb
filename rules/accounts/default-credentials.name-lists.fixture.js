// Lists of field names under one key say which fields are sensitive: no account is written there.
const SENSITIVE_FIELDS = {
  // ok: account.default-credentials
  username: ["user", "login", "admin"],
  password: ["password", "passwd", "pwd"],
};

// Near miss: one value per key is an account.
const SEED = {
  // ruleid: account.default-credentials
  username: "admin",
  password: "admin",
};
