import { keywordRules, tokenRules } from './define.js';
import { publishedTokenCheck } from './published-client-token.js';
import type { SecretRule } from './types.js';

/** Chat, e-mail and messaging: Slack, Discord, Telegram, Twilio, SendGrid, Mailgun, … */
export const COMMS_RULES: SecretRule[] = [
  ...tokenRules('Slack', [
    [
      'slack-bot-token',
      'Slack bot token',
      'xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}',
      'xoxb-<<dig:12>>-<<dig:13>>-<<a62:24>>',
      'xoxb-<<dig:4>>-<<a62:10>>',
    ],
    [
      'slack-user-token',
      'Slack user token',
      'xox[pe]-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{28,34}',
      'xoxp-<<dig:12>>-<<dig:12>>-<<dig:13>>-<<hex:32>>',
      'xoxp-<<dig:4>>-<<hex:8>>',
      { prefilter: 'xoxp-|xoxe-|xoxa-|xoxo-|xoxr-|xoxs-' },
    ],
    [
      'slack-app-token',
      'Slack app-level token',
      'xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}',
      'xapp-1-<<up:11>>-<<dig:13>>-<<hex:64>>',
      'xapp-1-<<up:11>>',
    ],
    [
      'slack-config-token',
      'Slack configuration token',
      'xoxe\\.xox[bp]-[0-9]-[A-Z0-9]{163,}',
      'xoxe.xoxp-1-<<up:164>>',
      'xoxe.xoxp-1-<<up:10>>',
    ],
    [
      'slack-config-refresh-token',
      'Slack configuration refresh token',
      'xoxe-[0-9]-[A-Z0-9]{146}',
      'xoxe-1-<<up:146>>',
      'xoxe-1-<<up:10>>',
    ],
    [
      'slack-legacy-token',
      'Slack legacy or workspace token',
      'xox[aors]-(?:[0-9]{1,13}-){2,3}[0-9A-Za-z]{8,64}',
      'xoxs-<<dig:10>>-<<dig:11>>-<<dig:12>>-<<a62:32>>',
      'xoxs-<<a62:8>>',
      { prefilter: 'xoxp-|xoxe-|xoxa-|xoxo-|xoxr-|xoxs-' },
    ],
    [
      'slack-webhook',
      'Slack incoming webhook URL',
      'https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,}',
      'https://hooks.slack.com/services/T<<up:10>>/B<<up:10>>/<<a62:24>>',
      'https://hooks.slack.com/services/T000/B000/XXXX',
    ],
  ]),
  ...tokenRules('Google Chat', [
    [
      'google-chat-webhook',
      'Google Chat incoming webhook URL',
      'https://chat\\.googleapis\\.com/v1/spaces/[A-Za-z0-9_-]{6,}/messages\\?key=AIza[0-9A-Za-z_-]{35}&token=[A-Za-z0-9_%=-]{30,}',
      'https://chat.googleapis.com/v1/spaces/AAAA<<url:7>>/messages?key=AIza<<url:35>>&token=<<url:43>>',
      'https://chat.googleapis.com/v1/spaces/WORKSPACE/messages?key=WEBHOOK_KEY&token=WEBHOOK_TOKEN',
      { prefilter: 'chat\\.googleapis\\.com' },
    ],
  ]),
  ...tokenRules('Discord', [
    [
      'discord-webhook',
      'Discord webhook URL',
      'https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68}',
      'https://discord.com/api/webhooks/<<dig:18>>/<<url:68>>',
      'https://discord.com/api/webhooks/<<dig:18>>/',
      { prefilter: '/api/webhooks/' },
    ],
  ]),
  ...tokenRules('Telegram', [
    [
      'telegram-bot-token',
      'Telegram bot token',
      '[0-9]{8,10}:AA[A-Za-z0-9_-]{33}',
      '<<dig:10>>:AA<<url:33>>',
      '<<dig:10>>:<<url:10>>',
      { prefilter: ':AA' },
    ],
  ]),
  ...tokenRules('Twilio', [
    [
      'twilio-api-key',
      'Twilio API key',
      'SK[0-9a-fA-F]{32}',
      'SK<<hex:32>>',
      'SK<<hex:8>>',
      { prefilter: 'SK[0-9a-fA-F]{8}' },
    ],
  ]),
  ...keywordRules('Twilio', [
    ['twilio-auth-token', 'Twilio auth token', 'twilio', '[a-f0-9]{32}', '<<hex:32>>'],
  ]),
  ...tokenRules('SendGrid', [
    [
      'sendgrid-api-key',
      'SendGrid API key',
      'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
      'SG.<<url:22>>.<<url:43>>',
      'SG.<<url:22>>.',
    ],
  ]),
  ...tokenRules('Mailgun', [
    [
      'mailgun-api-key',
      'Mailgun API key',
      'key-[0-9a-f]{32}',
      'key-<<hex:32>>',
      'key-<<hex:8>>',
      { prefilter: 'key-[0-9a-f]{8}' },
    ],
  ]),
  ...keywordRules('Mailgun', [
    [
      'mailgun-signing-key',
      'Mailgun webhook signing key',
      'mailgun[_.-]?(?:webhook[_.-]?)?signing',
      '[a-f0-9]{32}',
      '<<hex:32>>',
    ],
  ]),
  ...tokenRules('Mailchimp', [
    [
      'mailchimp-api-key',
      'Mailchimp API key',
      '[0-9a-f]{32}-us[0-9]{1,2}',
      '<<hex:32>>-us14',
      '<<hex:32>>-eu',
      { prefilter: '[0-9a-f]{8}-us[0-9]' },
    ],
  ]),
  ...tokenRules('Brevo', [
    [
      'brevo-api-key',
      'Brevo (Sendinblue) API key',
      'xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}',
      'xkeysib-<<hex:64>>-<<a62:16>>',
      'xkeysib-<<hex:10>>',
    ],
  ]),
  ...tokenRules('Microsoft Teams', [
    [
      'microsoft-teams-webhook',
      'Microsoft Teams incoming webhook URL',
      'https://[a-z0-9-]{1,60}\\.webhook\\.office\\.com/webhookb2/[a-z0-9@-]{36,}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9-]{36}',
      'https://acme.webhook.office.com/webhookb2/<<uuid>>@<<uuid>>/IncomingWebhook/<<hex:32>>/<<uuid>>',
      'https://acme.webhook.office.com/webhookb2/',
      { prefilter: '\\.webhook\\.office\\.com/' },
    ],
  ]),
  ...tokenRules('X (Twitter)', [
    [
      'twitter-bearer-token',
      'X (Twitter) API bearer token',
      'AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{30,}',
      'AAAAAAAAAAAAAAAAAAAAA<<a62:80>>',
      'AAAAAAAAAAAAAAAAAAAAA<<a62:8>>',
      {
        // X's own web-client tokens (by digest) are lowered to low with the reason; any other stays high.
        check: publishedTokenCheck(),
        // Base64 data (a font in a CSS `data:` URI) is told apart by every token rule (define.ts).
        moreBad: [
          'curl -H "Authorization: Bearer AAAAAAAAAAAAAAAAAAAAA<<a62:60>>" https://api.x.com/2/tweets',
          // Written in a URL's path: the words between its slashes are no encoded data.
          'curl https://proxy.internal.example/v2/bearer/AAAAAAAAAAAAAAAAAAAAA<<a62:60>>',
        ],
        // A run of zero bytes in a font embedded as base64 in a stylesheet, and after a data URI's marker.
        moreGood: [
          '@font-face{font-family:codicon;src:url(data:font/ttf;base64,AAEAAAALAIAAAwAwR1NVQiCLJXoAAAE4AAAAVE9TLzI' +
            'AAuqI6ozqx+rJ6wnrTuxx8QP//wAA6mDqiuqP6snqzOsL61DxAf//AAAAAAAAAAAAAAAAAAAAAAABABIAYgBmANYA1' +
            'gFQAdYEGAAAAAMBHAF8AXcA1gFmAckBUwDKAToBqQBXAfkBlAGfAZ4AqgA7AV0AnQDzASgARgHHAI0AGAH0ALUAnwFzAUsBQQFCAd4A7ADBAN4B1QG2AKMBxQGvAPsBvAGwAb4BxAHAAbkA4QG1AcIAAgAFAAYACwAMAA0ADgAPABAAEQATABwAHgAfACAAcABxAHIAcwB2AHcAIwAkACUAJgAoACsA) format("truetype")}',
          // A wasm module bundled as a base64 string, without a data URI's marker.
          // One line, as a bundle has it: the run of A's follows the `+/` of the data before it.
          'const wasm = "AGFzbQEAAAABBgFgAX8BfwMCAQAHBwEDZmliAAAKHgEcAEEBIABBAkgNABpBAWsQACAAQQJrEABqCw+/AAAAAAAAAAAAAAAAAAAAAAAABABIAYgBmANYA1gFQAdYEGAAAAAMBHAF8AXcA1gFmAckBUwDKAToBqQBXAfkB";',
          'src: url("data:font/woff2;base64,AAAAAAAAAAAAAAAAAAAAAAAABABIAYgBmANYA1gFQAdYEGAAAAAMBHAF8AXcA1gFmAckBUwDKAToBqQBXAfkBlAGfAZ4AqgA7AV0AnQDzASgARgHH") format("woff2")',
        ],
      },
    ],
  ]),
  ...keywordRules('X (Twitter)', [
    [
      'twitter-api-secret',
      'X (Twitter) API secret',
      'twitter|\\bx[_-]api',
      '[A-Za-z0-9]{45,50}',
      '<<a62:50>>',
    ],
  ]),
  ...tokenRules('Meta', [
    [
      'facebook-access-token',
      'Facebook / Meta access token',
      'EAA[MC][A-Za-z0-9]{90,}',
      'EAAC<<a62:150>>',
      'EAAC<<a62:20>>',
      {
        prefilter: 'EAA[MC][A-Za-z0-9]{8}',
        // The token in a Graph API call's query string.
        moreBad: ['curl "https://graph.facebook.com/v19.0/me?fields=id&access_token=EAAC<<a62:150>>"'],
        // The shape by chance inside an image's base64 data (a sample note export), glued by `+` and `/`.
        moreGood: [
          '    /9j/4AAQSkZJRgABAQEASABIAAD/4gxYSUNDX1BST0ZJTEUAAQEAAAxITGlubwIQ+EAAC<<a62:120>>/<<a62:60>>+<<a62:40>>',
        ],
      },
    ],
  ]),
  ...keywordRules('Meta', [
    ['facebook-app-secret', 'Facebook app secret', 'facebook|\\bfb[_-]', '[a-f0-9]{32}', '<<hex:32>>'],
  ]),
  ...keywordRules('PagerDuty', [
    ['pagerduty-api-key', 'PagerDuty API key', 'pagerduty|\\bpd[_-]api', '[A-Za-z0-9_+-]{20}', '<<a62:20>>'],
  ]),
  ...keywordRules('Postmark', [
    [
      'postmark-server-token',
      'Postmark server token',
      'postmark',
      '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      '<<uuid>>',
    ],
  ]),
  ...keywordRules('Vonage', [
    ['vonage-api-secret', 'Vonage (Nexmo) API secret', 'vonage|nexmo', '[A-Za-z0-9]{16}', '<<a62:16>>'],
  ]),
];
