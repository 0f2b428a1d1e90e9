/**
 * What `vanguard probe` checked, beside its findings: the URLs and where they led, the TLS of each
 * HTTPS origin, and the ports of each host against what the project declares. Part of the result
 * so a report (and the server, deciding which probe findings a new probe may close) knows the scope.
 */

export interface ProbeTargetReport {
  url: string;
  /** `scheme://host:port`: findings about this target are filed under it. */
  origin: string;
  /** Status of the last response followed; absent when the service did not answer. */
  status?: number;
  finalUrl?: string;
  /** A redirect to another host that was not followed (without --follow-other-hosts). */
  redirectNotFollowed?: string;
  error?: string;
}

export interface ProbeTls {
  origin: string;
  /** Each version tried: whether a handshake at exactly that version completed. */
  protocols: Partial<Record<'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3', boolean>>;
  certificate?: {
    subject: string;
    issuer: string;
    validFrom: string;
    validTo: string;
    /** Chains to a trusted CA (the system's, or --ca-file). */
    trusted: boolean;
    /** OpenSSL's verification error when not trusted. */
    error?: string;
  };
}

export interface ProbePorts {
  host: string;
  /** The address the host resolved to once, and every connection went to. */
  address: string;
  scanned: number;
  open: number[];
  /** Open ports that the project or the probed URLs declare. */
  expected: number[];
}

export interface ProbeReport {
  targets: ProbeTargetReport[];
  tls: ProbeTls[];
  ports: ProbePorts[];
  /** The project whose declared ports open ports were compared with (its folder); absent when none. */
  project?: string;
  requests: { used: number; budget: number };
}
