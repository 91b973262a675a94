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

const USAGE = 'usage: tradedesk web [--port <n>] [--data-dir <folder>]';

/** `tradedesk web`: serves the app on 127.0.0.1 until SIGINT/SIGTERM, then closes the host; answers the exit code. */
export async function webCommand(argv: string[]): Promise<number> {
  let values: { port?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`error: --port must be an integer from 0 to 65535, got "${values.port}"\n${USAGE}\n`);
    return 2;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const host = await createHost({ dataDir, transport: 'web' });
  const server = await startWebServer({ host, rendererDir: rendererDir(), port });
  process.stdout.write(`tradedesk web mode: open ${server.url}\ndata: ${host.dbPath}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await host.close();
  return 0;
}
