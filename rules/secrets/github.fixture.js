const { Octokit } = require("@octokit/rest");

// ruleid: secret.github-token
const octokit = new Octokit({ auth: "ghp_by6RFnCakeiouTTyPatiK27F4T3TgOLubYXr" });
// ruleid: secret.github-token
const fineGrained = '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';
// ok: secret.github-token
const fromEnv = new Octokit({ auth: process.env.GITHUB_TOKEN });
// ok: secret.github-token
const docs = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secret.github-token
const tooShort = "ghp_abc123";
