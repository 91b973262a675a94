import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { exitQuietlyOnBrokenPipe } from './brokenPipe';

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`write ${code}`), { code });

describe('exitQuietlyOnBrokenPipe', () => {
  it('ends the process with 0 when the reader has gone (EPIPE)', () => {
    const stream = new PassThrough();
    const exits: number[] = [];
    exitQuietlyOnBrokenPipe(stream as unknown as NodeJS.WriteStream, (code) => exits.push(code));
    stream.emit('error', errno('EPIPE'));
    expect(exits).toEqual([0]);
  });

  it('still fails loudly on any other write error', () => {
    const stream = new PassThrough();
    const exits: number[] = [];
    exitQuietlyOnBrokenPipe(stream as unknown as NodeJS.WriteStream, (code) => exits.push(code));
    expect(() => stream.emit('error', errno('EIO'))).toThrow('write EIO');
    expect(exits).toEqual([]);
  });
});
