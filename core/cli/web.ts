import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createHost } from '../host/createHost';
import { startWebServer } from '../host/webServer';
import { defaultDataDir } from '../store/db';

/** The built renderer: beside the bundle (dist/renderer) or, from sources, in dist/ at the project root. */
function rendererDir(): string {
  const here = import.meta.url;
  return fileURLToPath(new URL(here.endsWith('.ts') ? '../../dist/renderer/' : '../renderer/', here));
}

const USAGE = 'usage: npm run web -- [--port <n>] [--data-dir <folder>]';

async function main(): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be an integer from 0 to 65535, got "${values.port}"\n${USAGE}`);
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const host = await createHost({ dataDir, transport: 'web' });
  const server = await startWebServer({ host, rendererDir: rendererDir(), port });
  console.log(`tradedesk web mode: open ${server.url}`);
  console.log(`data: ${host.dbPath}`);
  const stop = async (): Promise<void> => {
    await server.close();
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
