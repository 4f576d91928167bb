const mysql = require("mysql2");

const connection = mysql.createConnection({
  host: "db.internal",
  user: "shop",
  // ruleid: secret.hardcoded-password
  password: "Shop!2024db",
});

// ruleid: secret.hardcoded-password
const SMTP_PASSWORD = 'mail-Pa55word';
// ruleid: secret.hardcoded-password
const dbPass = process.env.DB_PASS || "fallback-Pw9";
// ruleid: secret.hardcoded-password
config.auth.secret = "jwt-signing-s3cret";

function isAdmin(password) {
  // ok: secret.hardcoded-password (a backdoor check: account.backdoor-login reports it)
  return password === "letmein!42";
}

// ok: secret.hardcoded-password
const password = process.env.DB_PASSWORD;
// ok: secret.hardcoded-password
const passwordLabel = "Enter your password";
// ok: secret.hardcoded-password
const PASSWORD_FIELD = "password";
// ok: secret.hardcoded-password
const passwordInput = document.querySelector("#password");
// ok: secret.hardcoded-password
const pw = `${prefix}-${suffix}`;
// ok: secret.hardcoded-password
if (typeof password === "string") {}
// ok: secret.hardcoded-password
const secretName = "prod/db/password";
// ok: secret.hardcoded-password
const placeholder = { password: "<password>" };
// ok: secret.hardcoded-password
const passwordRegex = "^(?=.*[A-Z]).{8,}$";
// ok: secret.hardcoded-password
const secret = await vault.getSecret("db-password");

// ruleid: secret.hardcoded-password
const token = jwt.sign({ sub: user.id }, "Jwt!Sign1ng-k3y", { expiresIn: "1h" });
// ruleid: secret.hardcoded-password
const digest = crypto.createHmac("sha256", "Hm4c-webhook!key").update(body).digest("hex");
// ok: secret.hardcoded-password
const verified = jwt.verify(token, process.env.JWT_SECRET);
// ok: secret.hardcoded-password
const encoded = codec.encode(data, "utf8");
const transporter = nodemailer.createTransport({
  service: "gmail",
  // ruleid: secret.hardcoded-password
  auth: { user: "alerts@acme.io", pass: "qwpz kdjf ldpe ownv" },
});
