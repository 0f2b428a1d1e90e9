import type { Command } from 'commander';
import { Argument, Option } from 'commander';
import { ROLES, type Role } from '../server/auth/roles.js';
import type { Store } from '../server/store/open.js';
import { VanguardError } from '../core/errors.js';
import { addStoreOption, storeOptions } from './server-common.js';

const ACTOR = 'admin-cli';

type Accounts = typeof import('../server/auth/accounts.js');

/** Opens the store (modules loaded on use, so other commands start fast), runs `fn`, closes it. */
async function withStore<T>(
  flags: { dataDir?: string },
  fn: (s: Store, a: Accounts) => Promise<T>,
): Promise<T> {
  const [{ openStore }, accounts] = await Promise.all([
    import('../server/store/open.js'),
    import('../server/auth/accounts.js'),
  ]);
  const store = await openStore(storeOptions(flags));
  try {
    return await fn(store, accounts);
  } finally {
    await store.close();
  }
}

function print(json: boolean | undefined, obj: Record<string, unknown>, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(obj)}\n` : text);
}

/** `vanguard admin`: users and tokens, directly on the store (bootstrap and recovery). */
export function registerAdmin(program: Command): void {
  const admin = program
    .command('admin')
    .description('bootstrap users, push tokens and webhook credentials directly on the store');
  const user = admin.command('user').description('users');
  addStoreOption(
    user
      .command('add')
      .description('add a user; prints a generated password and an API token, once')
      .argument('<name>')
      .addOption(new Option('--role <role>', 'the role').choices([...ROLES]).makeOptionMandatory())
      .option('--json', 'print one JSON object'),
  ).action(async (name: string, flags: { role: Role; json?: boolean; dataDir?: string }) => {
    const r = await withStore(flags, (s, a) => a.addUser(s.db, name, flags.role, ACTOR));
    print(
      flags.json,
      { user: r.user, role: r.role, password: r.password, token: r.token },
      `user ${r.user} (${r.role})\npassword: ${r.password}\ntoken: ${r.token}\nBoth are shown only now; only their hashes are stored.\n`,
    );
  });
  const token = admin.command('token').description('project push tokens');
  addStoreOption(
    token
      .command('create')
      .description('create a push token for a project (created if new); prints it once')
      .requiredOption('--project <name>', 'the project')
      .option('--expires <duration>', 'lifetime: 90d, 12h, 30m or never', '90d')
      .option('--json', 'print one JSON object'),
  ).action(async (flags: { project: string; expires: string; json?: boolean; dataDir?: string }) => {
    const r = await withStore(flags, (s, a) =>
      a.createPushToken(s.db, flags.project, a.expiryFrom(flags.expires), ACTOR),
    );
    print(
      flags.json,
      { id: r.id, project: r.project, token: r.token, expires: r.expires },
      `push token ${r.id} for project ${r.project}${r.expires ? `, expires ${r.expires}` : ''}\ntoken: ${r.token}\nShown only now; only its hash is stored.\n`,
    );
  });
  addStoreOption(
    token
      .command('revoke')
      .description('revoke a token by its id (the vgp_… / vgu_… prefix shown at creation)')
      .argument('<id>')
      .option('--json', 'print one JSON object'),
  ).action(async (id: string, flags: { json?: boolean; dataDir?: string }) => {
    const done = await withStore(flags, (s, a) => a.revokeToken(s.db, id, ACTOR));
    if (!done) throw new VanguardError('NOT_FOUND', `no active token ${id}`);
    print(flags.json, { id, revoked: true }, `revoked ${id}\n`);
  });
  registerHookAdmin(admin);
}

type Hooks = typeof import('../server/operate/hooks.js');

/** `vanguard admin hook`: webhook credentials for Alertmanager, Falco and signed generic senders. */
function registerHookAdmin(admin: Command): void {
  const hook = admin.command('hook').description('webhook credentials for runtime detections');
  const withHooks = <T>(flags: { dataDir?: string }, fn: (s: Store, h: Hooks) => Promise<T>) =>
    withStore(flags, async (s) => fn(s, await import('../server/operate/hooks.js')));
  addStoreOption(
    hook
      .command('create')
      .description(
        'create a hook credential; prints it once: a bearer token (alertmanager, falco) or a whsec_ signing secret (generic)',
      )
      .addArgument(new Argument('<kind>', 'the sender').choices(['alertmanager', 'falco', 'generic']))
      .option('--name <name>', 'a label for the list (which cluster, which tool)')
      .option('--json', 'print one JSON object: { id, kind, token, secret }'),
  ).action(
    async (
      kind: 'alertmanager' | 'falco' | 'generic',
      flags: { name?: string; json?: boolean; dataDir?: string },
    ) => {
      if (flags.name !== undefined && (flags.name.length === 0 || flags.name.length > 100))
        throw new VanguardError('USAGE', '--name must be 1–100 characters');
      const r = await withHooks(flags, (s, h) => h.createHook(s, kind, flags.name, ACTOR));
      const credential = r.token !== null ? `token: ${r.token}` : `secret: ${r.secret}`;
      print(
        flags.json,
        { id: r.id, kind: r.kind, token: r.token, secret: r.secret },
        `${r.kind} hook ${r.id} (${r.name})\n${credential}\nShown only now; see docs/operate.md to configure the sender.\n`,
      );
    },
  );
  addStoreOption(
    hook
      .command('revoke')
      .description('revoke a hook credential by its id (it stops working at once)')
      .argument('<id>')
      .option('--json', 'print one JSON object'),
  ).action(async (id: string, flags: { json?: boolean; dataDir?: string }) => {
    const done = await withHooks(flags, (s, h) => h.revokeHook(s.db, id, ACTOR));
    if (!done) throw new VanguardError('NOT_FOUND', `no active hook ${id}`);
    print(flags.json, { id, revoked: true }, `revoked ${id}\n`);
  });
  addStoreOption(
    hook
      .command('list')
      .description('hook credentials (ids, kinds, last use)')
      .option('--json', 'print JSON'),
  ).action(async (flags: { json?: boolean; dataDir?: string }) => {
    const items = await withHooks(flags, (s, h) => h.listHooks(s.db));
    const text = items
      .map((h) => `${h.id}  ${h.kind.padEnd(12)} ${h.revokedAt ? 'revoked' : 'active '}  ${h.name}\n`)
      .join('');
    print(flags.json, { items }, text === '' ? 'no hooks\n' : text);
  });
}
