/**
 * Crash reporting in the form Terraform understands (sec. 1.9): a stderr line starting with `panic: `
 * switches go-plugin into panic mode; that line and all following plain lines are recorded and
 * printed by Terraform as "Stack trace from the ... plugin" / "The ... plugin crashed!".
 *
 * Only the error's own message and stack are written, never anything else reachable from it: a
 * thrown non-Error (which could be any request value) is described by its type only. Provider code
 * must therefore not put secret values into Error messages (the same rule as for log fields).
 */
import { writeFdSync } from './fd-write';

export function formatPanic(err: unknown): string {
  if (err instanceof Error) {
    const message = err.message.split('\n')[0] ?? '';
    const stack = typeof err.stack === 'string' ? err.stack : `${err.name}: ${err.message}`;
    return `panic: ${message}\n\n${stack}\n`;
  }
  return `panic: a non-Error value of type ${err === null ? 'null' : typeof err} was thrown\n`;
}

/** Writes the report synchronously (the process exits right after). Never throws. */
export function writePanic(err: unknown): void {
  try {
    writeFdSync(2, formatPanic(err));
  } catch {
    // stderr gone: nothing left to report to.
  }
}
