#!/usr/bin/env node
import { exitQuietlyOnBrokenPipe } from './brokenPipe';
import { runMain } from './runMain';

/** One command line for every tool; each subcommand is loaded only when called, so a backtest never loads the web server or the IB client. */
const COMMANDS: Record<string, () => Promise<(argv: string[]) => number | Promise<number>>> = {
  backtest: async () => (await import('./backtest')).backtestCommand,
  sweep: async () => (await import('./sweep')).sweepCommand,
  walkforward: async () => (await import('./walkForward')).walkForwardCommand,
  live: async () => (await import('./live')).liveCommand,
  data: async () => (await import('./data')).dataCommand,
  web: async () => (await import('./web')).webCommand,
  'fake-tws': async () => (await import('../fakeTws/cli')).fakeTwsCommand,
  'fake-alpaca': async () => (await import('../fakeAlpaca/cli')).fakeAlpacaCommand,
};

export const USAGE = `usage: tradedesk <command> [options]

  backtest <spec.yaml> [--set k=v ...] [--json] [--db FILE | --memory]   a backtest, headless
  sweep <spec.yaml> --grid p=from:to:step ... [--where E] [--objective M] a parameter sweep on every core
  walkforward <spec.yaml> --grid ... --is N --oos M [--mode ..] [--unit ..]  walk-forward analysis
  live <spec.yaml> [--mode paper|live] [--broker ib|sim] [--speed N]      forward-test the strategy on a paper or live account
  data import|list|show|delete ...                                        the bar store
  web [--port N] [--data-dir DIR]                                         the app in a browser on 127.0.0.1
  fake-tws [--port N] [--csv F --symbol S]... [--speed N]                 a fake TWS to paper-trade against
  fake-alpaca [--port N] [--csv F --symbol S]... [--speed N]              a fake Alpaca (REST + streams) to paper-trade against

  tradedesk <command> --help   the options of one command`;

async function tradedesk(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    process.stderr.write(`error: unknown command "${name}"\n${USAGE}\n`);
    return 2;
  }
  return (await load())(rest);
}

exitQuietlyOnBrokenPipe(process.stdout);
runMain(tradedesk);
