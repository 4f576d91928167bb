// ruleid: secret.generic-token
const API_KEY = "a8f5f167f44f4964e6c998dee827110c";
const client = new Client({
  // ruleid: secret.generic-token
  apiKey: "k3Jd82hsQ0pLm4Zx91bV",
  // ok: secret.generic-token
  apiVersion: "2024-01-01",
});
// ruleid: secret.generic-token
headers["X-Api-Key"] = "f3a9c1d7e5b2a8c4d6e0f1a3";
// ruleid: secret.generic-token
axios.defaults.headers.common["x-auth-token"] = "Zk81mQpL0sXv27Nc4RtY";

// ok: secret.generic-token
const token = "identifier";
// ok: secret.generic-token
const tokenType = "Bearer";
// ok: secret.generic-token
const apiKey = process.env.API_KEY;
// ok: secret.generic-token
const publicKey = "pk_live_2e8gSOA3d5gYCW8AXDAdXncn";
// ok: secret.generic-token
const searchApiKey = "3c9e1a7f5b2d8e4c6a0f9b1d3e5c7a2f";
// ok: secret.generic-token
const siteSearch = { "docsearch.api_key": "e81f4b2c9a6d3e7f0b5c8a1d4e9f2b6c" };
// ruleid: secret.generic-token
const indexer = { "catalog.admin.api_key": "7d2e9b4f1c6a8e3d5b0f2a7c9e4d1b6f" };
// ok: secret.generic-token
const csrfToken = "a1b2c3d4e5f6a7b8c9d0";
// ok: secret.generic-token
const API_KEY_HEADER = "X-Api-Key";
// ok: secret.generic-token
const refreshTokenUrl = "https://auth.example.com/oauth/token";
// ok: secret.generic-token
const token = await getToken("service-account");
// ok: secret.generic-token
const accessToken = localStorage.getItem("accessToken");
// ok: secret.generic-token
const apiKey = "your-api-key-here";
// ok: secret.generic-token
if (token.type === "Punctuator") {}
// ruleid: secret.generic-token
const sms = twilio("AC8f7e6d5c4b3a2918f7e6d5c4b3a29181", "f7e6d5c4b3a2918f7e6d5c4b3a29181");
