/**
 * The engine's V8 settings, as `npm run backtest` uses them. Electron applies V8 flags to the main
 * process (where the engine and its worker threads live) only when they are on the command line at
 * startup; app.commandLine.appendSwitch from main.ts would reach the renderer processes only.
 */
export const ENGINE_JS_FLAGS = '--max-semi-space-size=32 --single-threaded-gc --max-inlined-bytecode-size-cumulative=2000';

/** Electron's command line for the app in `appDir`. */
export function electronArgs(appDir: string, extra: readonly string[] = []): string[] {
  return [`--js-flags=${ENGINE_JS_FLAGS}`, appDir, ...extra];
}
