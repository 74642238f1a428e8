/**
 * Synchronous writes to a raw file descriptor.
 *
 * Why not process.stdout/stderr: on macOS those are asynchronous for pipes, so a line written just
 * before process.exit() (the handshake, a panic report) could be lost; and touching
 * process.stdout would create a stream we deliberately replace in plugin mode (see stdout-guard).
 * A pipe inherited in non-blocking mode can answer EAGAIN when full; we retry briefly rather than
 * drop the line.
 */
import { writeSync } from 'node:fs';

const MAX_EAGAIN_RETRIES = 1000;

export function writeFdSync(fd: number, text: string): void {
  let buf = Buffer.from(text, 'utf8');
  let retries = 0;
  while (buf.length > 0) {
    try {
      const n = writeSync(fd, buf);
      buf = buf.subarray(n);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN' || ++retries > MAX_EAGAIN_RETRIES) throw err;
      // Sleep 1 ms (Atomics.wait is Node's only synchronous sleep); this path only triggers when
      // the reader is momentarily behind.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}
