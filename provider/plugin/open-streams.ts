/**
 * Long-lived server streams (health Watch, stdio, broker) that must end when the process shuts
 * down, so a graceful server shutdown is not held open by them.
 */

/** The part of a grpc-js server stream we need: end it, and learn when the peer went away. */
export interface EndableStream {
  end(): void;
  on(event: 'cancelled' | 'close' | 'error', listener: (...args: unknown[]) => void): unknown;
}

export class OpenStreams {
  private readonly streams = new Set<EndableStream>();
  private closed = false;

  /** Tracks `stream` until it ends; a stream opened after shutdown began is ended at once. */
  add(stream: EndableStream): void {
    // A stream error (e.g. the client reset it) must not become an uncaught 'error' event,
    // which would crash the whole process.
    stream.on('error', () => this.streams.delete(stream));
    stream.on('cancelled', () => this.streams.delete(stream));
    stream.on('close', () => this.streams.delete(stream));
    if (this.closed) {
      safeEnd(stream);
      return;
    }
    this.streams.add(stream);
  }

  get size(): number {
    return this.streams.size;
  }

  endAll(): void {
    this.closed = true;
    for (const stream of this.streams) safeEnd(stream);
    this.streams.clear();
  }
}

function safeEnd(stream: EndableStream): void {
  try {
    stream.end();
  } catch {
    // Already closed by the peer.
  }
}
