import { iacRule } from '../common.js';

export const PLAINTEXT_URL = iacRule({
  id: 'iac/plaintext-protocol',
  title: 'Plaintext protocol in configuration',
  description:
    'An `http://`, `ftp://`, `telnet://` or `ldap://` endpoint sends data and credentials unencrypted to a remote host, readable and changeable by anyone on the path.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [319],
  principles: ['encryption'],
  remediation:
    'Use the encrypted protocol (`https://`, `sftp://`/`ftps://`, `ssh`, `ldaps://`) and make sure the server presents a valid certificate.',
});

export const PLAINTEXT_RULES = [PLAINTEXT_URL];
