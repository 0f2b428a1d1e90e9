import type { RuleMeta } from '../core/rule.js';

/** A rule of the probe; a running service is checked in the test stage unless `--phase runtime`. */
function probeRule(r: Omit<RuleMeta, 'analyzer' | 'phase'>): RuleMeta {
  return { analyzer: 'probe', phase: 'test', ...r };
}

const MISCONFIG = ['A02:2025'];
const CRYPTO = ['A04:2025'];

export const HSTS_MISSING = probeRule({
  id: 'probe/hsts-missing',
  title: 'HTTPS response without Strict-Transport-Security',
  description:
    'Without HSTS a browser that once typed the bare host name, or followed an http:// link, talks plain HTTP first, where an attacker on the path can strip TLS.',
  severity: 'medium',
  confidence: 'high',
  cwe: [319],
  owasp: CRYPTO,
  principles: ['encryption'],
  remediation:
    'Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on every HTTPS response (add `preload` once every subdomain serves HTTPS).',
});

export const HSTS_WEAK = probeRule({
  id: 'probe/hsts-weak',
  title: 'Strict-Transport-Security with a short or invalid max-age',
  description:
    'An HSTS policy that expires within days (or that the browser cannot parse) leaves the next visit open to TLS stripping.',
  severity: 'low',
  confidence: 'high',
  cwe: [319],
  owasp: CRYPTO,
  principles: ['encryption'],
  remediation: 'Use `max-age` of at least 15552000 seconds (180 days); one year (31536000) is usual.',
});

export const CSP_MISSING = probeRule({
  id: 'probe/csp-missing',
  title: 'HTML page without a Content-Security-Policy',
  description:
    'Without a CSP, any HTML or script injection becomes script execution in the page: the browser has no list of trusted sources to refuse the rest.',
  severity: 'medium',
  confidence: 'high',
  cwe: [693],
  owasp: MISCONFIG,
  principles: ['zoning-containment'],
  remediation:
    "Send a Content-Security-Policy header, for example `default-src 'self'; script-src 'self' 'nonce-…'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'` (a `-Report-Only` header does not protect).",
});

export const CSP_WEAK = probeRule({
  id: 'probe/csp-weak',
  title: 'Content-Security-Policy that is trivially bypassed',
  description:
    'A CSP that allows inline script without a nonce or hash, script from any host or from data: URLs, plugins (no object-src) or a rewritten <base> (no base-uri) does not stop an injected script.',
  severity: 'medium',
  confidence: 'high',
  cwe: [693],
  owasp: MISCONFIG,
  principles: ['zoning-containment'],
  remediation:
    "Allow script by nonce or hash (`script-src 'nonce-…' 'strict-dynamic'`), never `*`, `data:`, `http:`/`https:` or `'unsafe-inline'` alone; add `object-src 'none'` and `base-uri 'none'`.",
});

export const XCTO_MISSING = probeRule({
  id: 'probe/content-type-options-missing',
  title: 'X-Content-Type-Options: nosniff missing',
  description:
    'Without `nosniff`, browsers may sniff an uploaded or reflected text file as script or HTML and run it.',
  severity: 'low',
  confidence: 'high',
  cwe: [693],
  owasp: MISCONFIG,
  principles: ['zoning-containment'],
  remediation: 'Send `X-Content-Type-Options: nosniff` on every response.',
});

export const FRAME_MISSING = probeRule({
  id: 'probe/frame-protection-missing',
  title: 'HTML page that any site may frame',
  description:
    'A page without `X-Frame-Options` or a CSP `frame-ancestors` can be framed by another site and its buttons clicked through a decoy (clickjacking).',
  severity: 'medium',
  confidence: 'high',
  cwe: [1021],
  owasp: MISCONFIG,
  principles: ['zoning-containment'],
  remediation:
    "Send `Content-Security-Policy: frame-ancestors 'none'` (or 'self'), or `X-Frame-Options: DENY`.",
});

export const REFERRER_POLICY = probeRule({
  id: 'probe/referrer-policy-weak',
  title: 'HTML page without a safe Referrer-Policy',
  description:
    'Without a Referrer-Policy (or with `unsafe-url` / `no-referrer-when-downgrade`), full URLs — with their paths and query tokens — leak to other sites and over plain HTTP.',
  severity: 'low',
  confidence: 'high',
  cwe: [200],
  owasp: MISCONFIG,
  principles: ['zoning-containment'],
  remediation: 'Send `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`).',
});

export const COOKIE_FLAGS = probeRule({
  id: 'probe/cookie-flags',
  title: 'Cookie without Secure, HttpOnly or SameSite',
  description:
    'A cookie without `Secure` travels over plain HTTP; without `HttpOnly` any injected script reads it; without `SameSite` other sites send it along with forged requests.',
  severity: 'medium',
  confidence: 'high',
  cwe: [614, 1004, 1275],
  owasp: MISCONFIG,
  principles: ['authentication'],
  remediation:
    'Set cookies with `Secure; HttpOnly; SameSite=Lax` (or `Strict`); a cookie that script must read keeps `Secure` and `SameSite`.',
});

export const CORS_REFLECTED = probeRule({
  id: 'probe/cors-reflects-origin',
  title: 'CORS reflects any Origin and allows credentials',
  description:
    "The server copies whatever Origin it is sent into Access-Control-Allow-Origin and allows credentials: any web site can read this service's responses with the visitor's cookies.",
  severity: 'high',
  confidence: 'high',
  cwe: [942],
  owasp: ['A01:2025'],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Compare the Origin with an allowlist of exact origins before echoing it; never combine a reflected or `null` origin with `Access-Control-Allow-Credentials: true`.',
});

export const NO_HTTPS_REDIRECT = probeRule({
  id: 'probe/http-without-https-redirect',
  title: 'Plain HTTP served without a redirect to HTTPS',
  description:
    'The service answers plain HTTP with content instead of redirecting to HTTPS: whatever is sent or received there can be read and changed on the way.',
  severity: 'medium',
  confidence: 'high',
  cwe: [319],
  owasp: CRYPTO,
  principles: ['encryption'],
  remediation:
    'Answer every plain-HTTP request with a 301/308 redirect to the same path on https://, and send HSTS there.',
});

export const VERSION_DISCLOSURE = probeRule({
  id: 'probe/version-disclosure',
  title: 'Server or framework version disclosed in headers',
  description:
    'Headers such as `Server: nginx/1.18.0` or `X-Powered-By: PHP/7.4.3` tell an attacker which known vulnerabilities to try, without any effort.',
  severity: 'low',
  confidence: 'high',
  cwe: [497],
  owasp: MISCONFIG,
  principles: ['asset-management'],
  remediation:
    'Remove version numbers from `Server` and drop `X-Powered-By` and `X-AspNet-Version` (nginx `server_tokens off`, Apache `ServerTokens Prod`, Express `app.disable("x-powered-by")`).',
});

export const DIRECTORY_LISTING = probeRule({
  id: 'probe/directory-listing',
  title: 'Directory listing enabled',
  description:
    'The server lists the files of a folder, so backups, sources and forgotten files can be found and fetched.',
  severity: 'medium',
  confidence: 'high',
  cwe: [548],
  owasp: MISCONFIG,
  principles: ['zoning-containment'],
  remediation:
    'Turn automatic indexes off (nginx `autoindex off`, Apache `Options -Indexes`) and serve only what is meant to be public.',
});

export const EXPOSED_ENDPOINT = probeRule({
  id: 'probe/exposed-endpoint',
  title: 'Administration, debug or internal endpoint reachable',
  description:
    'An endpoint meant for operators (a .git folder, an .env file, server-status, Spring actuator, Prometheus metrics, pprof, a debug console) answers anyone who can reach the service.',
  severity: 'high',
  confidence: 'high',
  cwe: [200],
  owasp: MISCONFIG,
  principles: ['zoning-containment', 'asset-management'],
  remediation:
    'Remove the endpoint from the deployed service, or serve it only on an internal port or network with authentication.',
});

export const TLS_LEGACY = probeRule({
  id: 'probe/tls-legacy-protocol',
  title: 'TLS 1.0 or 1.1 accepted',
  description:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996): they allow weak ciphers and downgrade attacks and fail PCI DSS and most compliance baselines.',
  severity: 'medium',
  confidence: 'high',
  cwe: [327],
  owasp: CRYPTO,
  principles: ['encryption'],
  remediation:
    'Accept only TLS 1.2 and 1.3 (nginx `ssl_protocols TLSv1.2 TLSv1.3;`, Node `minVersion: "TLSv1.2"`).',
});

export const CERT_INVALID = probeRule({
  id: 'probe/tls-certificate-expired',
  title: 'TLS certificate expired or not yet valid',
  description:
    'Clients refuse the certificate, or users learn to click through warnings, which makes interception easy.',
  severity: 'high',
  confidence: 'high',
  cwe: [298],
  owasp: CRYPTO,
  principles: ['encryption'],
  remediation:
    'Renew the certificate and automate renewal (ACME, cert-manager) with an alert well before expiry.',
});

export const CERT_EXPIRING = probeRule({
  id: 'probe/tls-certificate-expiring',
  title: 'TLS certificate expires within 30 days',
  description: 'The certificate is about to expire; when it does, clients refuse the service.',
  severity: 'medium',
  confidence: 'high',
  cwe: [298],
  owasp: CRYPTO,
  principles: ['encryption', 'asset-management'],
  remediation:
    'Renew the certificate now and automate renewal (ACME, cert-manager) with monitoring of expiry dates.',
});

export const CERT_HOSTNAME = probeRule({
  id: 'probe/tls-hostname-mismatch',
  title: 'TLS certificate does not name the host',
  description:
    'The certificate is for other names, so clients that check it refuse the connection and clients that do not cannot tell the service from an impostor.',
  severity: 'high',
  confidence: 'high',
  cwe: [297],
  owasp: CRYPTO,
  principles: ['encryption', 'authentication'],
  remediation: 'Serve a certificate whose subjectAltName lists this host name (or IP address).',
});

export const CERT_SELF_SIGNED = probeRule({
  id: 'probe/tls-self-signed',
  title: 'Self-signed TLS certificate',
  description:
    'No trusted authority vouches for a self-signed certificate: clients either refuse it or are configured to trust anything, and then cannot detect interception.',
  severity: 'high',
  confidence: 'high',
  cwe: [295],
  owasp: CRYPTO,
  principles: ['encryption', 'authentication'],
  remediation:
    "Use a certificate from a public CA (ACME) for public services, or from the organisation's internal CA distributed to its clients.",
});

export const CERT_UNTRUSTED = probeRule({
  id: 'probe/tls-untrusted-chain',
  title: 'TLS certificate chain not trusted',
  description:
    'The certificate does not chain to a trusted authority (an unknown issuer, or intermediates missing from the handshake), so clients refuse it.',
  severity: 'high',
  confidence: 'high',
  cwe: [295],
  owasp: CRYPTO,
  principles: ['encryption', 'authentication'],
  remediation:
    'Serve the full chain (leaf and intermediates) from a trusted CA; give `--ca-file` when the service uses a private CA.',
});

export const PORT_UNDECLARED = probeRule({
  id: 'probe/port-undeclared',
  title: 'Open port that the project does not declare',
  description:
    'A TCP port answers on the host although no Dockerfile, Kubernetes object, Compose file or URL of the project declares it: a forgotten service, a debug listener or an exposed database — what operations should ask development to switch off.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [668],
  owasp: MISCONFIG,
  principles: ['asset-management', 'zoning-containment'],
  remediation:
    'Close the port (stop the service, bind it to localhost, or firewall it); if it is meant to be open, declare it in the project (Dockerfile EXPOSE, a Service or container port, Compose ports).',
});

/** Every probe rule, for `vanguard rules list` and the result's rule descriptions. */
export const PROBE_RULES: readonly RuleMeta[] = [
  HSTS_MISSING,
  HSTS_WEAK,
  CSP_MISSING,
  CSP_WEAK,
  XCTO_MISSING,
  FRAME_MISSING,
  REFERRER_POLICY,
  COOKIE_FLAGS,
  CORS_REFLECTED,
  NO_HTTPS_REDIRECT,
  VERSION_DISCLOSURE,
  DIRECTORY_LISTING,
  EXPOSED_ENDPOINT,
  TLS_LEGACY,
  CERT_INVALID,
  CERT_EXPIRING,
  CERT_HOSTNAME,
  CERT_SELF_SIGNED,
  CERT_UNTRUSTED,
  PORT_UNDECLARED,
];
