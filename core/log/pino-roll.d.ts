// pino-roll 4 ships no types: the part of its API logFile.ts uses.
declare module 'pino-roll' {
  import type { Writable } from 'node:stream';

  interface PinoRollOptions {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    dateFormat?: string;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    mkdir?: boolean;
    symlink?: boolean;
  }

  /** A sonic-boom stream that rolls its file; `fd` is -1 until the file is open. */
  type RollingStream = Writable & { fd: number; flush(cb?: (err?: Error) => void): void };

  export default function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
}
