// ruleid: account.default-credentials
const config = { user: "guest", password: "guest" };

// ruleid: account.default-credentials
const ADMIN_LOGIN = "admin";
const ADMIN_PASS = "admin123";

// ok: account.default-credentials
const pool = { user: "admin", password: process.env.PGPASSWORD };
// ok: account.default-credentials
const menu = { label: "admin", title: "admin" };
// ok: account.default-credentials
const field = { name: "password", type: "password" };
