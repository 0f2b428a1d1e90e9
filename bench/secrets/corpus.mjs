// Builds a mixed corpus (source, config, minified JS, lockfiles, planted credentials) for the benchmark.
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandTemplate, randomFrom, seededRandom } from '../../dist/analyzers/secrets/test-tokens.js';

const WORDS =
  'user order item price total account session request response handler config client server cache queue event payment invoice customer product token secret key value result error status message data list map index count'.split(
    ' ',
  );
const PLANTS = [
  'GITHUB_TOKEN=<<gh:ghp>>',
  'AWS_ACCESS_KEY_ID=AKIA<<b32:16>>',
  'aws_secret_access_key = <<b64:40>>',
  'const stripe = "sk_live_<<a62:32>>";',
  'SLACK_BOT=xoxb-<<dig:12>>-<<dig:12>>-<<a62:24>>',
  'DATABASE_URL=postgres://app:<<a62:20>>@db.internal:5432/orders',
  'db_password = "admin' + '123"',
  'OPENAI_API_KEY=sk-proj-<<url:74>>T3BlbkFJ<<url:74>>',
  '//registry.npmjs.org/:_authToken=<<npm>>',
  'SENDGRID=SG.<<url:22>>.<<url:43>>',
];

// Bump when the generator changes so that a cached corpus is rebuilt.
const CORPUS_VERSION = 2;

function pick(rnd, arr) {
  return arr[Math.floor(rnd() * arr.length)];
}

function sourceFile(rnd, lines) {
  const out = [];
  for (let i = 0; i < lines; i++) {
    const a = pick(rnd, WORDS);
    const b = pick(rnd, WORDS);
    switch (i % 8) {
      case 0:
        out.push(`import { ${a}Service } from '../${b}/${a}-service';`);
        break;
      case 1:
        out.push(
          `export async function get${a[0].toUpperCase()}${a.slice(1)}(${b}Id: string): Promise<${a}> {`,
        );
        break;
      case 2:
        out.push(`  const ${a} = await this.${b}Repository.findOne({ where: { id: ${b}Id } });`);
        break;
      case 3:
        out.push(`  if (!${a}) throw new NotFoundError(\`${a} \${${b}Id} not found\`);`);
        break;
      case 4:
        out.push(`  // ${a} ${b} ${pick(rnd, WORDS)} ${pick(rnd, WORDS)}: keep in sync with the ${b} schema`);
        break;
      case 5:
        out.push(`  logger.info({ ${a}, ${b}: ${a}.${b} }, 'loaded ${a} for ${b}');`);
        break;
      case 6:
        out.push(`  const token = req.headers.authorization; const password = body.password;`);
        break;
      default:
        out.push(`  return { ...${a}, ${b}: ${randomFrom(rnd, '0123456789', 4)} };\n}`);
    }
  }
  return out.join('\n') + '\n';
}

function configFile(rnd, lines) {
  const out = [];
  for (let i = 0; i < lines; i++) {
    const a = pick(rnd, WORDS);
    out.push(
      i % 3 === 0
        ? `${a}:`
        : `  ${pick(rnd, WORDS)}_${a}: ${i % 2 ? randomFrom(rnd, 'abcdefghij', 8) : '${' + a.toUpperCase() + '_VALUE}'}`,
    );
  }
  return out.join('\n') + '\n';
}

function minified(rnd, kb) {
  let s = '';
  while (s.length < kb * 1024) {
    const a = pick(rnd, WORDS);
    s += `var ${a}${s.length % 97}=function(e,t){return e.${a}?t.${pick(rnd, WORDS)}(e):"${randomFrom(rnd, 'abcdefghijklmnopqrstuvwxyz', 12)}"};`;
  }
  return s + '\n';
}

function lockfile(rnd, entries) {
  const out = ['{', '  "name": "bench", "lockfileVersion": 3,', '  "packages": {'];
  for (let i = 0; i < entries; i++) {
    const n = `${pick(rnd, WORDS)}-${pick(rnd, WORDS)}-${i}`;
    out.push(`    "node_modules/${n}": {`, `      "version": "1.${i % 30}.0",`);
    out.push(`      "resolved": "https://registry.npmjs.org/${n}/-/${n}-1.${i % 30}.0.tgz",`);
    out.push(
      `      "integrity": "sha512-${randomFrom(rnd, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 86)}==",`,
    );
    out.push(`      "license": "MIT"`, '    },');
  }
  out.push('  }', '}');
  return out.join('\n') + '\n';
}

/** Writes the corpus under `dir` (reused when its manifest says it is complete); returns its stats. */
export function buildCorpus(dir, targetMB) {
  const manifest = join(dir, '.corpus.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.targetMB === targetMB && m.version === CORPUS_VERSION) return m;
  }
  rmSync(dir, { recursive: true, force: true });
  const rnd = seededRandom(42);
  let bytes = 0;
  let files = 0;
  let planted = 0;
  const target = targetMB * 1024 * 1024;
  while (bytes < target) {
    const pkg = join(dir, `pkg-${Math.floor(files / 200)}`);
    mkdirSync(join(pkg, 'src'), { recursive: true });
    mkdirSync(join(pkg, 'config'), { recursive: true });
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    const kind = files % 20;
    let name;
    let text;
    if (kind < 13)
      [name, text] = [`src/${pick(rnd, WORDS)}-${files}.ts`, sourceFile(rnd, 200 + Math.floor(rnd() * 600))];
    else if (kind < 17)
      [name, text] = [
        `config/${pick(rnd, WORDS)}-${files}.yaml`,
        configFile(rnd, 100 + Math.floor(rnd() * 300)),
      ];
    else if (kind < 19)
      [name, text] = [`dist/bundle-${files}.min.js`, minified(rnd, 100 + Math.floor(rnd() * 400))];
    else
      [name, text] = [
        `package-lock-${files}/package-lock.json`,
        lockfile(rnd, 100 + Math.floor(rnd() * 400)),
      ];
    if (files % 25 === 0) {
      const lines = text.split('\n');
      lines.splice(Math.floor(lines.length / 2), 0, expandTemplate(PLANTS[planted % PLANTS.length], rnd));
      text = lines.join('\n');
      planted++;
    }
    const abs = join(pkg, name);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  const m = { targetMB, version: CORPUS_VERSION, bytes, files, planted };
  writeFileSync(manifest, JSON.stringify(m));
  return m;
}
