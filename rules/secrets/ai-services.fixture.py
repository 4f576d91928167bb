from openai import OpenAI
from anthropic import Anthropic

# ruleid: secret.openai-api-key
client = OpenAI(api_key="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")
# ruleid: secret.openai-api-key
openai.api_key = "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"
# ruleid: secret.anthropic-api-key
claude = Anthropic(api_key="sk-ant-api03-tnEy2pSEH093fJ9FoPTQcwcSUzRjzAvlApEau5MOhh5f-GRanc-AbCNWddooazVW6D3Ek3PXfKHja5UfYEuHWKSu8DsAnAA")
# ruleid: secret.huggingface-token
HF_TOKEN = "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"
# ok: secret.openai-api-key
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
# ok: secret.openai-api-key
EXAMPLE = "sk-proj-..."
# ok: secret.anthropic-api-key
claude = Anthropic()
