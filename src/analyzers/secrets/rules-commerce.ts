import { tokenRules } from './define.js';
import type { SecretRule } from './types.js';

/** Payments and commerce: Stripe, Square, PayPal/Braintree, Shopify, Plaid, … */
export const COMMERCE_RULES: SecretRule[] = [
  ...tokenRules('Stripe', [
    [
      'stripe-secret-key',
      'Stripe secret key',
      'sk_(?:live|test)_[A-Za-z0-9]{24,}',
      'sk_live_<<a62:99>>',
      'sk_live_<<a62:8>>',
      { prefilter: 'sk_live_|sk_test_', severity: 'critical' },
    ],
    [
      'stripe-restricted-key',
      'Stripe restricted key',
      'rk_(?:live|test)_[A-Za-z0-9]{24,}',
      'rk_live_<<a62:99>>',
      'rk_live_<<a62:8>>',
      { prefilter: 'rk_live_|rk_test_' },
    ],
    [
      'stripe-webhook-secret',
      'Stripe webhook signing secret',
      'whsec_[A-Za-z0-9]{32,64}',
      'whsec_<<a62:32>>',
      'whsec_<<a62:8>>',
    ],
  ]),
  ...tokenRules('Square', [
    [
      'square-access-token',
      'Square access token',
      '(?:EAAA|sq0atp-)[A-Za-z0-9_-]{22,60}',
      'EAAA<<url:60>>',
      'EAAA<<url:8>>',
      { prefilter: '(?:EAAA|sq0atp-)[A-Za-z0-9_-]{8}', severity: 'critical' },
    ],
    [
      'square-oauth-secret',
      'Square OAuth secret',
      'sq0csp-[A-Za-z0-9_-]{43}',
      'sq0csp-<<url:43>>',
      'sq0csp-<<url:8>>',
    ],
  ]),
  ...tokenRules('PayPal Braintree', [
    [
      'braintree-access-token',
      'PayPal Braintree access token',
      'access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}',
      'access_token$production$<<low:16>>$<<hex:32>>',
      'access_token$production$',
      { severity: 'critical' },
    ],
  ]),
  ...tokenRules('Shopify', [
    [
      'shopify-access-token',
      'Shopify Admin API access token',
      'shpat_[a-fA-F0-9]{32}',
      'shpat_<<hex:32>>',
      'shpat_<<hex:8>>',
      { severity: 'critical' },
    ],
    [
      'shopify-custom-app-token',
      'Shopify custom app access token',
      'shpca_[a-fA-F0-9]{32}',
      'shpca_<<hex:32>>',
      'shpca_<<hex:8>>',
    ],
    [
      'shopify-private-app-token',
      'Shopify private app access token',
      'shppa_[a-fA-F0-9]{32}',
      'shppa_<<hex:32>>',
      'shppa_<<hex:8>>',
    ],
    [
      'shopify-shared-secret',
      'Shopify app shared secret',
      'shpss_[a-fA-F0-9]{32}',
      'shpss_<<hex:32>>',
      'shpss_<<hex:8>>',
    ],
  ]),
  ...tokenRules('Plaid', [
    [
      'plaid-access-token',
      'Plaid access token',
      'access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      'access-production-<<uuid>>',
      'access-production-<<hex:8>>',
    ],
  ]),
  ...tokenRules('Flutterwave', [
    [
      'flutterwave-secret-key',
      'Flutterwave secret key',
      'FLWSECK(?:_TEST)?-[a-h0-9]{32}-X',
      'FLWSECK-<<hex:32>>-X',
      'FLWSECK-<<hex:8>>-X',
    ],
  ]),
  ...tokenRules('Duffel', [
    [
      'duffel-api-token',
      'Duffel API token',
      'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}',
      'duffel_live_<<url:43>>',
      'duffel_live_<<url:8>>',
    ],
  ]),
  ...tokenRules('Shippo', [
    [
      'shippo-api-token',
      'Shippo API token',
      'shippo_(?:live|test)_[a-f0-9]{40}',
      'shippo_live_<<hex:40>>',
      'shippo_live_<<hex:8>>',
    ],
  ]),
  ...tokenRules('EasyPost', [
    [
      'easypost-api-key',
      'EasyPost API key',
      'EZ[AT]K[a-zA-Z0-9]{54}',
      'EZAK<<a62:54>>',
      'EZAK<<a62:8>>',
      { prefilter: 'EZAK|EZTK' },
    ],
  ]),
  ...tokenRules('Coinbase', [
    [
      'coinbase-access-token',
      'Coinbase access token',
      'organizations/[0-9a-f-]{36}/apiKeys/[0-9a-f-]{36}',
      'organizations/<<uuid>>/apiKeys/<<uuid>>',
      'organizations/<<uuid>>/apiKeys/',
    ],
  ]),
];
