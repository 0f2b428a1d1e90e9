/**
 * A rule file of one JavaScript taint rule (`code/x-path`: request data into `fs.readFileSync`) with the guards
 * given, for the tests of how guards are read: `guards` is YAML indented under `guards:` (eight spaces),
 * `utils` a file-level `utils:` block, `more` rule keys (four spaces) placed before `taint:`.
 */
export function pathRuleYaml(guards: string, o: { utils?: string; more?: string } = {}): string {
  return `${o.utils ?? ''}rules:
  - id: code/x-path
    title: t
    description: d
    languages: [javascript]
    severity: high
    confidence: high
    cwe: [22]
    principles: [zoning-containment]
    message: m
    remediation: r
    triggers: [fs]
${o.more ?? ''}    taint:
      sinks:
        - pattern: fs.readFileSync($P)
          arg: P
      guards:
${guards}
`;
}
