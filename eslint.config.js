// Lint rules that guard the code's shape: which layer may import which, no runtime import cycles,
// no bare console output in the engine, and typescript-eslint's recommended checks.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const root = import.meta.dirname;

/**
 * What the renderer may import from core/ipc: the typed contract and the client side of the wire
 * (frames, errors, the preload bridge's shape, the WebSocket client). The server side (router,
 * event bus, in-process transport) belongs to the host.
 */
const CONTRACT = [
  './ipc/contract.ts',
  './ipc/contract',
  './ipc/contractTypes.ts',
  './ipc/errors.ts',
  './ipc/wire.ts',
  './ipc/client.ts',
  './ipc/bridge.ts',
  './ipc/wsClientTransport.ts',
];

const coreZone = {
  target: './core',
  from: ['./renderer', './electron'],
  message: 'core/ is the engine: it must not depend on the renderer or on Electron.',
};
// Inside the engine, the bottom layers stay at the bottom: the domain depends on nothing else, and the
// broker port (and the IB adapter behind it) knows nothing of the simulator that implements it.
const domainZone = {
  target: './core/domain',
  from: './core',
  except: ['./domain'],
  message: 'core/domain is the bottom layer: orders, fills and positions depend on nothing else in core/.',
};
const brokerZone = {
  target: './core/broker',
  from: './core/sim',
  message: 'core/broker (the port and the IB adapter) must not depend on the simulator; shared rules belong in core/domain.',
};
const rendererZone = {
  target: './renderer',
  from: './core',
  except: CONTRACT,
  message: 'the renderer talks to the engine only through the contract (core/ipc/contract*, client, wire, errors, bridge, wsClientTransport).',
};
// The log is the engine's one structured log (core/log), which the main process writes to as well.
const electronZone = {
  target: './electron',
  from: './core',
  except: ['./host', './ipc', './store/dataDir.ts', './log'],
  message: 'electron/ may use only the host (core/host), the contract (core/ipc), the data dir (core/store/dataDir) and the log (core/log).',
};
const restrictedPaths = (...zones) => ['error', { basePath: root, zones }];

const SOURCES = ['**/*.{ts,tsx,mts,js,mjs}'];
const TESTS = ['**/*.test.{ts,tsx}', 'e2e/**', '**/testing/**', '**/testing.ts'];

export default defineConfig(
  { ignores: ['node_modules/**', 'dist/**', '.artifacts/**', 'test-results/**', 'playwright-report/**', 'fixtures/**', 'docs/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: SOURCES,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json', '.node'] })],
    },
    rules: {
      // Type-only imports are erased at build time, so they cannot form a runtime cycle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // The boundary rules judge resolved paths, so an import they cannot resolve must fail too.
      'import-x/no-unresolved': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // An import used only as a type must say so: the cycle check above skips exactly those.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // TypeScript checks undefined names; hot loops pre-initialise their counters on purpose.
      'no-undef': 'off',
      'no-useless-assignment': 'off',
    },
  },
  { files: ['core/**'], rules: { 'import-x/no-restricted-paths': restrictedPaths(coreZone, domainZone, brokerZone) } },
  // The renderer's tests may check it against the engine (its own validation, constants and host).
  { files: ['renderer/**'], ignores: TESTS, rules: { 'import-x/no-restricted-paths': restrictedPaths(rendererZone) } },
  { files: ['electron/**'], ignores: TESTS, rules: { 'import-x/no-restricted-paths': restrictedPaths(electronZone) } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Playwright fixtures that use no other fixture take `{}` as their first argument.
  { files: ['e2e/**'], rules: { 'no-empty-pattern': 'off' } },
  // The engine logs through its structured logger; only command-line entry points print.
  {
    files: ['core/**'],
    ignores: ['core/cli/**', 'core/fakeTws/cli.ts', ...TESTS],
    rules: { 'no-console': 'error' },
  },
);
