import { describe, expect, it } from 'vitest';
import { scanAll, SERVER, APP, traversal } from './test-shell-app.js';

describe('guards of keys only the login’s users mint (minted-key-guard.ts)', () => {
  const STORE = `const keys = new Map();
const apiKeysDb = {
  createApiKey: (userId, name) => { const k = String(Math.random()); keys.set(k, { userId, name }); return k; },
  validateApiKey: (k) => keys.get(k),
};
module.exports = { apiKeysDb };
`;
  const SETTINGS = `const express = require('express');
const { apiKeysDb } = require('../database/db');
const router = express.Router();
router.post('/api-keys', (req, res) => {
  res.json(apiKeysDb.createApiKey(req.user.id, req.body.name));
});
module.exports = router;
`;
  const AGENT = `const express = require('express');
const fs = require('fs');
const { apiKeysDb } = require('../database/db');
const router = express.Router();
const validateExternalApiKey = (req, res, next) => {
  const user = apiKeysDb.validateApiKey(req.headers['x-api-key']);
  if (!user) return res.status(401).json({ error: 'Invalid API key' });
  req.user = user;
  next();
};
router.post('/', validateExternalApiKey, (req, res) => {
  res.send(fs.readFileSync(req.body.projectPath, 'utf8'));
});
module.exports = router;
`;
  const keyed = (server: string, extra: Record<string, string> = {}): Record<string, string> => ({
    ...APP,
    'server/index.js': server,
    'server/database/db.js': STORE,
    'server/routes/settings.js': SETTINGS,
    'server/routes/agent.js': AGENT,
    ...extra,
  });
  const MOUNTS = SERVER.replace(
    "const filesRoutes = require('./routes/files');",
    "const filesRoutes = require('./routes/files');\nconst settingsRoutes = require('./routes/settings');\nconst agentRoutes = require('./routes/agent');",
  ).replace(
    "app.use('/api/files', authenticateToken, filesRoutes);",
    "app.use('/api/files', authenticateToken, filesRoutes);\napp.use('/api/settings', authenticateToken, settingsRoutes);\napp.use('/api/agent', agentRoutes);",
  );

  it('does not report a route behind a key that users behind the shell’s login mint, and says so', async () => {
    const found = await scanAll(keyed(MOUNTS));
    const agent = traversal(found, 'server/routes/agent.js', 12);
    expect(agent?.suppression?.kind).toBe('by-design');
    expect(agent?.suppression?.reason).toContain(
      'an API key only its users mint, checked by validateExternalApiKey',
    );
  });

  it('proves nothing when a key is also minted outside the login, or the guard checks no store', async () => {
    // Settings mounted without the login: anyone mints a key.
    const open = await scanAll(
      keyed(
        MOUNTS.replace(
          "app.use('/api/settings', authenticateToken, settingsRoutes);",
          "app.use('/api/settings', settingsRoutes);",
        ),
      ),
    );
    expect(traversal(open, 'server/routes/agent.js', 12)?.message).toContain('shell at');
    expect(traversal(open, 'server/routes/agent.js', 12)?.suppression).toBeUndefined();
    // A key minted at start-up as well, by a script of the application.
    const seeded = await scanAll(
      keyed(MOUNTS, {
        'server/seed.js':
          "const { apiKeysDb } = require('./database/db');\napiKeysDb.createApiKey(1, 'ci');\n",
      }),
    );
    expect(traversal(seeded, 'server/routes/agent.js', 12)?.message).toContain('shell at');
    expect(traversal(seeded, 'server/routes/agent.js', 12)?.suppression).toBeUndefined();
    // A key compared with the environment: another login.
    const env = await scanAll(
      keyed(MOUNTS, {
        'server/routes/agent.js': AGENT.replace(
          "apiKeysDb.validateApiKey(req.headers['x-api-key'])",
          "req.headers['x-api-key'] === process.env.KEY",
        ),
      }),
    );
    expect(traversal(env, 'server/routes/agent.js', 12)?.message).toContain('shell at');
    expect(traversal(env, 'server/routes/agent.js', 12)?.suppression).toBeUndefined();
  });

  it('proves nothing when the guard lets a request without a key through, or a key is minted through the module object', async () => {
    // `if (!key) return next()`: a request that sends no key passes.
    const optional = await scanAll(
      keyed(MOUNTS, {
        'server/routes/agent.js': AGENT.replace(
          "  const user = apiKeysDb.validateApiKey(req.headers['x-api-key']);",
          "  if (!req.headers['x-api-key']) return next();\n  const user = apiKeysDb.validateApiKey(req.headers['x-api-key']);",
        ),
      }),
    );
    expect(traversal(optional, 'server/routes/agent.js', 13)?.suppression).toBeUndefined();
    // An open route minting a key through the module object (`db.apiKeysDb.createApiKey`).
    const viaModule = await scanAll(
      keyed(
        MOUNTS.replace(
          "app.use('/api/agent', agentRoutes);",
          "app.use('/api/agent', agentRoutes);\nconst db = require('./database/db');\napp.post('/api/signup', (req, res) => res.json(db.apiKeysDb.createApiKey(req.body.user, 'default')));",
        ),
      ),
    );
    expect(traversal(viaModule, 'server/routes/agent.js', 12)?.suppression).toBeUndefined();
  });
});
