import { keywordRules, tokenRules } from './define.js';
import type { SecretRule } from './types.js';

/** AI and model providers: OpenAI, Anthropic, Hugging Face, Replicate, Groq, … */
export const AI_RULES: SecretRule[] = [
  ...tokenRules('OpenAI', [
    [
      'openai-api-key',
      'OpenAI API key',
      'sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}',
      'sk-proj-<<url:74>>T3BlbkFJ<<url:74>>',
      'sk-proj-<<url:20>>',
      { prefilter: 'T3BlbkFJ', severity: 'critical' },
    ],
  ]),
  ...tokenRules('Anthropic', [
    [
      'anthropic-api-key',
      'Anthropic API key',
      'sk-ant-api03-[A-Za-z0-9_-]{93}AA',
      'sk-ant-api03-<<url:93>>AA',
      'sk-ant-api03-<<url:10>>',
      { severity: 'critical' },
    ],
    [
      'anthropic-admin-key',
      'Anthropic admin API key',
      'sk-ant-admin01-[A-Za-z0-9_-]{93}AA',
      'sk-ant-admin01-<<url:93>>AA',
      'sk-ant-admin01-<<url:10>>',
      { severity: 'critical' },
    ],
  ]),
  ...tokenRules('Hugging Face', [
    [
      'huggingface-token',
      'Hugging Face access token',
      'hf_[A-Za-z]{34}',
      'hf_<<alpha:34>>',
      'hf_<<alpha:10>>',
    ],
    [
      'huggingface-org-token',
      'Hugging Face organization API token',
      'api_org_[A-Za-z]{34}',
      'api_org_<<alpha:34>>',
      'api_org_<<alpha:10>>',
    ],
  ]),
  ...tokenRules('Replicate', [
    ['replicate-api-token', 'Replicate API token', 'r8_[A-Za-z0-9]{37}', 'r8_<<a62:37>>', 'r8_<<a62:8>>'],
  ]),
  ...tokenRules('Groq', [
    ['groq-api-key', 'Groq API key', 'gsk_[A-Za-z0-9]{52}', 'gsk_<<a62:52>>', 'gsk_<<a62:8>>'],
  ]),
  ...tokenRules('Perplexity', [
    ['perplexity-api-key', 'Perplexity API key', 'pplx-[A-Za-z0-9]{48}', 'pplx-<<a62:48>>', 'pplx-<<a62:8>>'],
  ]),
  ...tokenRules('xAI', [
    ['xai-api-key', 'xAI API key', 'xai-[A-Za-z0-9]{80}', 'xai-<<a62:80>>', 'xai-<<a62:8>>'],
  ]),
  ...tokenRules('OpenRouter', [
    [
      'openrouter-api-key',
      'OpenRouter API key',
      'sk-or-v1-[a-f0-9]{64}',
      'sk-or-v1-<<hex:64>>',
      'sk-or-v1-<<hex:8>>',
    ],
  ]),
  ...tokenRules('LangSmith', [
    [
      'langsmith-api-key',
      'LangSmith API key',
      'lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}',
      'lsv2_pt_<<hex:32>>_<<hex:10>>',
      'lsv2_pt_<<hex:8>>',
    ],
  ]),
  ...tokenRules('Pinecone', [
    ['pinecone-api-key', 'Pinecone API key', 'pcsk_[A-Za-z0-9_]{50,80}', 'pcsk_<<a62:60>>', 'pcsk_<<a62:8>>'],
  ]),
  ...keywordRules('Cohere', [
    ['cohere-api-key', 'Cohere API key', 'cohere|\\bco[_-]api', '[A-Za-z0-9]{40}', '<<a62:40>>'],
  ]),
  ...keywordRules('Mistral AI', [
    ['mistral-api-key', 'Mistral AI API key', 'mistral', '[A-Za-z0-9]{32}', '<<a62:32>>'],
  ]),
  ...keywordRules('DeepSeek', [
    ['deepseek-api-key', 'DeepSeek API key', 'deepseek', 'sk-[a-f0-9]{32}', 'sk-<<hex:32>>'],
  ]),
];
