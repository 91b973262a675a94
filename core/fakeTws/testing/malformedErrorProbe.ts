import { EventName, IBApi } from '@stoqey/ib';

/**
 * Child-process probe for the malformed-error fault: a real IBApi connects to the fake TWS on the port
 * in argv[2] and reports (one JSON line each) when it is ready and what escapes its socket handler.
 * It runs in its own process because the exception is uncaught by design and would end a test worker.
 */
const port = Number(process.argv[2]);
const say = (o: object): void => {
  process.stdout.write(`${JSON.stringify(o)}\n`);
};

process.on('uncaughtException', (err) => {
  say({ uncaught: err.name, message: err.message });
  process.exit(0);
});

const api = new IBApi({ host: '127.0.0.1', port });
let seen = 0;
const oneMore = (): void => {
  if (++seen === 2) say({ ready: true });
};
api.once(EventName.nextValidId, oneMore);
api.once(EventName.managedAccounts, oneMore);
setTimeout(() => {
  say({ timeout: true });
  process.exit(1);
}, 20_000);
api.connect(3);
