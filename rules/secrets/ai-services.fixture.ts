import Anthropic from "@anthropic-ai/sdk";

// ruleid: secret.anthropic-api-key
const client = new Anthropic({ apiKey: "sk-ant-api03-tnEy2pSEH093fJ9FoPTQcwcSUzRjzAvlApEau5MOhh5f-GRanc-AbCNWddooazVW6D3Ek3PXfKHja5UfYEuHWKSu8DsAnAA" });
// ok: secret.anthropic-api-key
const fromEnv = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
