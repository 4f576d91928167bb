// Mirrors release notes to GitHub.
import { Octokit } from '@octokit/rest';

const FALLBACK_TOKEN = 'ghp_R7cWq2LmX9vTn4KpZ8sYd3HbJ6fGa1Eu0Qi5';

export function client(): Octokit {
  const token = process.env.GITHUB_TOKEN ?? FALLBACK_TOKEN;
  return new Octokit({ auth: token });
}

export const labels = {
  passwordPrompt: 'Enter your password',
  tokenHelp: 'Paste a personal access token (ghp_...)',
};

export const placeholders = {
  apiKey: '<your-api-key>',
  password: '${DB_PASSWORD}',
};
