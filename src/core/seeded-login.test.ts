import { describe, expect, it } from 'vitest';
import { inTestAppLogin } from './seeded-login.js';

const record = (email: string, extra = ''): string[] => [
  'const res = await request(app)',
  '  .post("/auth/login")',
  `  .send({ email: "${email}",${extra} password: pw });`,
];

describe("a test's login to the application under test", () => {
  it('is a record with an e-mail at a placeholder domain, in a test or fixture', () => {
    expect(inTestAppLogin(record('admin@foo.com'), 2, 'auth/testhelp.js')).toBe(true);
    expect(inTestAppLogin(record('qa@shop.test'), 2, 'test/fixtures/users.js')).toBe(true);
  });
  it("is the test's user declared in variables beside it (`let testUserEmail = …@foo.com`)", () => {
    const vars = (email: string, extra = ''): string[] => [
      'describe("TOTP brute force protection", () => {',
      `  let testUserEmail = "${email}";`,
      '  let testUserPassword = pw;',
      `  let totpKey = "abcdefghij";${extra}`,
      '  beforeAll(async () => {',
      '    const existing = await User.findOne({ email: testUserEmail });',
    ];
    expect(inTestAppLogin(vars('totp-test@foo.com'), 2, 'tests/auth.test.js')).toBe(true);
    // The nearest true variants: a real domain, or a live service named beside it.
    expect(inTestAppLogin(vars('totp-test@acme-shop.io'), 2, 'tests/auth.test.js')).toBe(false);
    const staging = ' const base = "https://staging.acme-shop.io";';
    expect(inTestAppLogin(vars('totp-test@foo.com', staging), 2, 'tests/auth.test.js')).toBe(false);
    // Outside tests the same declarations are a product's own account.
    expect(inTestAppLogin(vars('totp-test@foo.com'), 2, 'src/bootstrap.js')).toBe(false);
  });
  it('is not one with a real domain, a host, or outside tests', () => {
    expect(inTestAppLogin(record('qa@acme-shop.io'), 2, 'auth/testhelp.js')).toBe(false);
    expect(inTestAppLogin(record('admin@foo.com', ' host: "db.acme.io",'), 2, 'test/db.js')).toBe(false);
    expect(inTestAppLogin(record('admin@foo.com'), 2, 'src/seed.js')).toBe(false);
    expect(inTestAppLogin(record('admin@foo.com'), 7, 'test/login.js')).toBe(false);
  });
  it("is not one that names a live service's URL, under any key (a test signing in to staging)", () => {
    const staging = ` apiUrl: "https://staging.acme-shop.io",`;
    expect(inTestAppLogin(record('qa@example.com', staging), 2, 'test/staging.test.js')).toBe(false);
    const local = ` apiUrl: "http://localhost:3000", origin: "https://shop.example.com",`;
    expect(inTestAppLogin(record('qa@example.com', local), 2, 'test/staging.test.js')).toBe(true);
  });
});
