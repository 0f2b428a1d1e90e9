import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../core/errors.js';
import { parsePom } from './pom.js';

const FIX = join(import.meta.dirname, '..', 'fixtures');

describe('parsePom', () => {
  // A Spring Boot service as `spring initializr` lays it out: parent, properties, a BOM import.
  const inv = parsePom(readFileSync(join(FIX, 'maven-managed', 'pom.xml'), 'utf8'));
  const byName = new Map(inv.packages.map((p) => [p.name, p]));

  it('resolves properties recursively, the own dependencyManagement and the parent coordinates', () => {
    expect(inv.packages.map((p) => [p.name, p.version, p.line, p.dev ?? false])).toEqual([
      ['org.apache.logging.log4j:log4j-core', '2.14.1', 57, false],
      ['org.apache.commons:commons-text', '1.9', 69, false],
      // groupId and version inherited from the parent, through ${project.groupId} / ${project.version}
      ['org.springframework.boot:orders-api', '2.5.12', 73, false],
      // scope test comes from dependencyManagement
      ['org.mockito:mockito-core', '3.9.0', 89, true],
    ]);
    expect(byName.get('org.apache.logging.log4j:log4j-core')!.purl).toBe(
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    );
  });

  it('ignores commented-out dependencies and the dependencies of build plugins', () => {
    expect(byName.has('commons-collections:commons-collections')).toBe(false);
    expect(byName.has('org.example:plugin-only')).toBe(false);
    // The BOM import manages versions; it is not a dependency of the application.
    expect(byName.has('com.fasterxml.jackson:jackson-bom')).toBe(false);
  });

  it('notes what it could not resolve instead of guessing', () => {
    expect(inv.notes).toEqual([
      '1 Maven dependencies have no version in this pom (managed by the parent org.springframework.boot:spring-boot-starter-parent, the imported BOM com.fasterxml.jackson:jackson-bom) and were not resolved',
      '1 Maven dependencies use version ranges and were not resolved',
      '1 Maven dependencies use properties this pom does not define and were not resolved',
    ]);
  });

  it('keeps versions as written, entities decoded, and survives a property cycle', () => {
    const pom = [
      '<project>',
      '  <groupId>com.acme</groupId><artifactId>x</artifactId><version>1.0</version>',
      '  <properties><a>${b}</a><b>${a}</b><v>1.10</v></properties>',
      '  <dependencies>',
      '    <dependency><groupId>com.acme</groupId><artifactId>one</artifactId><version>${v}</version></dependency>',
      '    <dependency><groupId>com.acme</groupId><artifactId>two</artifactId><version>${a}</version></dependency>',
      '    <dependency><groupId>com.acme&amp;co</groupId><artifactId>three</artifactId><version>2.0</version></dependency>',
      '  </dependencies>',
      '</project>',
    ].join('\n');
    const r = parsePom(pom);
    expect(r.packages.map((p) => `${p.name}@${p.version}:${p.line}`)).toEqual([
      'com.acme:one@1.10:5',
      'com.acme&co:three@2.0:7',
    ]);
    expect(r.notes).toEqual([
      '1 Maven dependencies use properties this pom does not define and were not resolved',
    ]);
  });

  it('reports malformed XML as a ParseError at its line', () => {
    let caught: unknown;
    try {
      parsePom('<project>\n  <dependencies>\n    <dependency></dependencies>\n</project>\n');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ParseError);
    expect((caught as ParseError).line).toBe(3);
    expect(() => parsePom('<settings><servers/></settings>')).toThrow(/no <project> element/);
  });
});
