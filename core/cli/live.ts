import { parseArgs } from 'node:util';
import { IbBroker } from '../broker/ib/IbBroker';
import { loadSpecFile } from '../config/loadSpec';
import { LIVE_ARMING_PHRASE } from '../ipc/contract/trading';
import { replaySimulator, simulatorOnBroker, type LocalSimulator } from '../service/sessions/localSimulator';
import { startStrategySession, type StartedSession } from '../service/sessions/startSession';
import type { StrategySession } from '../session/strategySession';
import { defaultDbPath, openDatabase } from '../store/db';
import { sessionEquity } from '../store/strategySessions';
import { isoDay } from './summary';

const USAGE = `usage: tradedesk live <spec.yaml> [options]

Runs the spec's strategy, params, planner and risk limits as a forward-testing session: a decision
at each bar close, every order recorded, on a paper (or armed live) account.

  --mode MODE         paper (default) or live
  --arm PHRASE        required with --mode live: the arming phrase "${LIVE_ARMING_PHRASE}"
  --broker B          ib (TWS / IB Gateway, default) or sim (the simulator as a local paper broker)
  --sim-bars SRC      sim: replay (the spec's data through an in-process fake TWS, default) or ib
                      (the live bars of the TWS at --host/--port; daily sessions)
  --host H, --port P  where TWS listens (default 127.0.0.1:7497)
  --client-id N       the API client id (default 11)
  --speed N           sim replay: bars per second (default 2; two years of the data are history)
  --decisions N       stop after N decisions (default: run until Ctrl-C)
  --flatten           on stopping, cancel the session's orders and close its positions
  --resume ID         resume session ID after a restart instead of starting a new one
  --set k=v           override a spec key (dotted path; value parsed as YAML)
  --db FILE           the app database (default: the app's data directory)`;

class UsageError extends Error {}

function whole(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} takes a whole number of at least ${min}, not "${text}"`);
  return Number(text);
}

interface LiveArgs {
  specFile: string;
  overrides: string[];
  mode: 'PAPER' | 'LIVE';
  broker: 'ib' | 'sim';
  simBars: 'replay' | 'ib';
  host: string;
  port: number;
  clientId: number;
  speed: number;
  decisions: number | null;
  flatten: boolean;
  resume: string | undefined;
  db: string;
}

function parse(argv: string[]): LiveArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'paper' },
      arm: { type: 'string' },
      broker: { type: 'string', default: 'ib' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      'client-id': { type: 'string' },
      'sim-bars': { type: 'string', default: 'replay' },
      speed: { type: 'string' },
      decisions: { type: 'string' },
      flatten: { type: 'boolean', default: false },
      resume: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] },
      db: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one spec file');
  if (values.mode !== 'paper' && values.mode !== 'live') throw new UsageError(`--mode is paper or live, not "${values.mode}"`);
  if (values.broker !== 'ib' && values.broker !== 'sim') throw new UsageError(`--broker is ib or sim, not "${values.broker}"`);
  if (values.broker === 'sim' && values.resume !== undefined) throw new UsageError("a local simulator's session cannot resume: its account ended with the process that ran it");
  if (values['sim-bars'] !== 'replay' && values['sim-bars'] !== 'ib') throw new UsageError(`--sim-bars is replay or ib, not "${values['sim-bars']}"`);
  if (values.mode === 'live' && values.broker === 'sim') throw new UsageError('--broker sim is a paper broker: it cannot trade live');
  if (values.mode === 'live' && values.arm?.trim() !== LIVE_ARMING_PHRASE) throw new UsageError(`--mode live needs --arm "${LIVE_ARMING_PHRASE}"`);
  return {
    specFile: positionals[0],
    overrides: values.set,
    mode: values.mode === 'live' ? 'LIVE' : 'PAPER',
    broker: values.broker,
    simBars: values['sim-bars'],
    host: values.host,
    port: whole('port', values.port, 7497),
    clientId: whole('client-id', values['client-id'], 11, 0),
    speed: whole('speed', values.speed, 2),
    decisions: values.decisions === undefined ? null : whole('decisions', values.decisions, 1),
    flatten: values.flatten,
    resume: values.resume,
    db: values.db ?? defaultDbPath(),
  };
}

function describe(s: StrategySession): string {
  const at = Number.isFinite(s.lastDecidedTs) ? isoDay(s.lastDecidedTs) : '-';
  return `decision ${s.decided} at ${at}: equity ${s.equity.toFixed(2)} (${s.state})`;
}

export async function liveCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let args: LiveArgs;
  try {
    args = parse(argv);
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err)) {
      process.stderr.write(`error: ${(err as Error).message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  const spec = loadSpecFile(args.specFile, args.overrides);
  const db = openDatabase(args.db);
  const tws = { host: args.host, port: args.port, clientId: args.clientId };
  // With --broker ib the session trades at TWS; with sim on IB bars, TWS only streams the bars.
  const ib = args.broker === 'ib' || args.simBars === 'ib' ? new IbBroker({ mode: args.mode, db }) : null;
  let sim: LocalSimulator | null = null;
  let started: StartedSession | null = null;
  try {
    if (ib) await ib.connect(tws);
    if (args.broker === 'sim') {
      sim = ib ? await simulatorOnBroker(db, spec, ib) : await replaySimulator(db, spec, args.speed);
    }
    const broker = sim?.broker ?? (ib as IbBroker);
    started = await startStrategySession({ db, spec, mode: args.mode, brokerName: args.broker, broker, resumeId: args.resume });
    const session = started.session;
    const where = args.broker === 'ib' ? `${tws.host}:${tws.port}` : args.simBars === 'ib' ? `the local simulator on ${tws.host}:${tws.port}'s bars` : 'the local simulator';
    process.stdout.write(`session ${started.id} ${args.resume ? 'resumed' : 'started'}: ${spec.name} on ${where} (${args.mode}), ${started.symbols.join(', ')}\n`);
    await new Promise<void>((resolve) => {
      const limit = args.decisions;
      const off = session.onChange((s) => {
        process.stdout.write(`${describe(s)}\n`);
        if (s.state === 'stopped' || s.state === 'failed' || (limit !== null && s.decided >= limit)) {
          off();
          resolve();
        }
      });
      process.once('SIGINT', () => resolve());
    });
    if (session.state === 'running' || session.state === 'paused') {
      if (args.flatten) session.flattenAndStop('stopped from the command line');
      else session.stop('stopped from the command line');
    }
    const points = sessionEquity(db, started.id);
    const last = points[points.length - 1];
    process.stdout.write(`session ${started.id} ${session.state}${session.reason ? `: ${session.reason}` : ''}; ${session.decided} decisions${last ? `, equity ${last.equity.toFixed(2)}` : ''}\n`);
    return session.state === 'failed' ? 1 : 0;
  } finally {
    await sim?.close();
    ib?.disconnect();
    db.close();
  }
}
