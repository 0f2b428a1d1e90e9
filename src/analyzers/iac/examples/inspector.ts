import type { ExampleTable } from './types.js';

export const INSPECTOR_EXAMPLES: ExampleTable = {
  'iac/node-inspector-exposed': [
    {
      path: 'Dockerfile',
      bad: `FROM node:20.11-slim\nENV NODE_OPTIONS="--max-old-space-size=512 --inspect=0.0.0.0:9229" ⟵\nUSER node\nCMD ["node", "--inspect-brk=0.0.0.0", "server.js"] ⟵\n`,
      good: `FROM node:20.11-slim\nENV NODE_OPTIONS="--max-old-space-size=512"\nRUN node --inspect=0.0.0.0 -e "1"\nUSER node\nCMD ["node", "--inspect=127.0.0.1:9229", "server.js"]\n`,
    },
    {
      path: 'services/api/Dockerfile',
      bad: `FROM node:20.11-slim\nUSER node\nENV NODE_OPTIONS=--inspect=0.0.0.0:\${DEBUG_PORT:-9229} ⟵\nENTRYPOINT node --inspect=[::]:9229 dist/main.js ⟵\n`,
      good: `FROM node:20.11-slim\nUSER node\nENTRYPOINT node --inspect dist/main.js\n`,
    },
    {
      path: 'package.json',
      bad: `{\n  "name": "shop-api",\n  "scripts": {\n    "start": "node --inspect=0.0.0.0:9229 server.js", ⟵\n    "debug": "nodemon --inspect-wait=0.0.0.0 server.js", ⟵\n    "test": "vitest"\n  }\n}\n`,
      good: `{\n  "name": "shop-api",\n  "description": "run with --inspect=0.0.0.0 only inside a private network",\n  "scripts": {\n    "start": "node server.js",\n    "debug": "node --inspect=9229 server.js",\n    "debug:local": "node --inspect=127.0.0.1:9229 server.js",\n    "debug:brk": "node --inspect-brk server.js"\n  }\n}\n`,
    },
    {
      path: 'Procfile',
      bad: `web: node --inspect=0.0.0.0:9229 server.js ⟵\nworker: node worker.js\nclock: node --inspect=0.0.0.0:$INSPECT_PORT clock.js ⟵\n`,
      good: `web: node server.js\n# debug: node --inspect=0.0.0.0 server.js\nworker: node --inspect=localhost:9230 worker.js\n`,
    },
  ],
};
