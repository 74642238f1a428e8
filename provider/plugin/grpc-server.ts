/**
 * A gRPC server on node:http2, serving exactly what a provider needs: unary calls, server
 * streams and bidirectional streams, uncompressed, on connections we accept and authenticate
 * ourselves (server.ts) and hand over with injectConnection.
 *
 * Why not @grpc/grpc-js's server: tofu starts the provider five times per plan + apply, and the
 * general-purpose server was the largest part of what each start loads (about 1 MB of code
 * with its client side) and over a tenth of the CPU of a 100-resource plan + apply (a Duplex
 * stream, interceptors and metadata objects per call). grpc-js stays the client of our tests.
 *
 * Services are registered with the grpc-js shapes the protocol layer already produces
 * (ServiceDefinition: path, serializers; handlers taking (call, callback) or a stream call), so
 * the handlers cannot tell the two servers apart. What a call object offers is what those
 * handlers use: `request`, `cancelled`, the 'cancelled' / 'close' / 'error' / 'data' / 'end'
 * events, write() and end().
 *
 * The wire format (gRPC over HTTP/2): a request is HEADERS (:path = /package.Service/Method)
 * then DATA frames carrying length-prefixed messages (1 byte compressed flag, 4 bytes big-endian
 * length, the protobuf bytes); the answer is HEADERS (:status 200, content-type
 * application/grpc), the messages, and trailers with grpc-status (and grpc-message), or a
 * single trailers-only HEADERS frame when there is no message.
 */
import { EventEmitter } from 'node:events';
import { createServer, type Http2Server, type IncomingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2';
import type { Duplex } from 'node:stream';
import type * as grpc from '@grpc/grpc-js';
import { GrpcStatus, type GrpcStatusCode } from '../protocol/grpc-status';

type Kind = 'unary' | 'serverStream' | 'clientStream' | 'bidi';

interface Method {
  readonly kind: Kind;
  readonly definition: grpc.MethodDefinition<unknown, unknown>;
  readonly handler: (...args: unknown[]) => void;
}

export interface GrpcServerLimits {
  /** Largest message accepted in either direction (bytes, without the 5-byte prefix). */
  readonly maxMessageBytes: number;
}

/** Error shape handlers pass to callbacks or emit on streams (grpc-js's ServiceError subset). */
interface StatusLike {
  code?: number;
  details?: string;
  message?: string;
}

const RESPONSE_HEADERS = { ':status': 200, 'content-type': 'application/grpc+proto' };

/** grpc-message is percent-encoded: anything outside printable ASCII, and '%' itself. */
export function encodeGrpcMessage(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Ends a call that sent nothing with a status: trailers-only, one HEADERS frame. */
function respondStatus(stream: ServerHttp2Stream, code: GrpcStatusCode, details: string): void {
  const headers: Record<string, string | number> = { ...RESPONSE_HEADERS, 'grpc-status': String(code) };
  if (details) headers['grpc-message'] = encodeGrpcMessage(details);
  stream.respond(headers, { endStream: true });
}

/** A message with gRPC's 5-byte prefix (uncompressed). */
export function frameMessage(message: Buffer): Buffer {
  const out = Buffer.allocUnsafe(5 + message.length);
  out[0] = 0;
  out.writeUInt32BE(message.length, 1);
  message.copy(out, 5);
  return out;
}

/**
 * Splits a byte stream into gRPC messages. Chunks are kept as they arrive and joined once per
 * message, so a 10 MiB request costs one copy.
 */
export class MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Length of the message being read; -1 while its prefix is incomplete. */
  private need = -1;

  constructor(
    private readonly maxMessageBytes: number,
    private readonly onMessage: (message: Buffer) => void,
    private readonly onError: (code: GrpcStatusCode, details: string) => void,
  ) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.need < 0) {
        if (this.buffered < 5) return;
        const prefix = this.take(5);
        if (prefix[0] !== 0) {
          this.onError(GrpcStatus.UNIMPLEMENTED, 'compressed messages are not supported');
          return this.reset();
        }
        const length = prefix.readUInt32BE(1);
        if (length > this.maxMessageBytes) {
          this.onError(GrpcStatus.RESOURCE_EXHAUSTED, `received message larger than max (${length} vs. ${this.maxMessageBytes})`);
          return this.reset();
        }
        this.need = length;
      }
      if (this.buffered < this.need) return;
      const message = this.take(this.need);
      this.need = -1;
      this.onMessage(message);
    }
  }

  /** Bytes of a message begun but not finished. */
  get pending(): boolean {
    return this.buffered > 0 || this.need >= 0;
  }

  private reset(): void {
    this.chunks = [];
    this.buffered = 0;
    this.need = -1;
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    if (n === 0) return Buffer.alloc(0);
    if (first && first.length >= n) {
      const out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const c = this.chunks[0]!;
      const used = Math.min(c.length, n - at);
      c.copy(out, at, 0, used);
      at += used;
      if (used === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(used);
    }
    this.buffered -= n;
    return out;
  }
}

/** One call: the object handlers receive (unary call, server stream or duplex stream). */
class ServerCall extends EventEmitter {
  request: unknown = undefined;
  cancelled = false;
  private finished = false;
  private pendingStatus: { code: GrpcStatusCode; details: string } | undefined;

  constructor(
    private readonly stream: ServerHttp2Stream,
    private readonly definition: grpc.MethodDefinition<unknown, unknown>,
    private readonly limits: GrpcServerLimits,
  ) {
    super();
    // grpc-js's stream calls turn an emitted 'error' into the call's status; so do we.
    this.on('error', (e: StatusLike) => this.finish(statusCodeOf(e), detailsOf(e)));
    stream.on('wantTrailers', () => {
      const s = this.pendingStatus ?? { code: GrpcStatus.OK, details: '' };
      try {
        stream.sendTrailers(s.details ? { 'grpc-status': String(s.code), 'grpc-message': encodeGrpcMessage(s.details) } : { 'grpc-status': String(s.code) });
      } catch {
        // The stream was reset meanwhile.
      }
    });
    stream.on('close', () => {
      if (!this.finished) {
        this.finished = true;
        this.cancelled = true;
        this.emit('cancelled');
      }
      this.emit('close');
    });
  }

  /** Sends one message (a protobuf object, or bytes the service already encoded). */
  write(message: unknown): boolean {
    if (this.finished || this.stream.destroyed) return false;
    let bytes: Buffer;
    try {
      bytes = this.definition.responseSerialize(message);
    } catch (e) {
      this.finish(GrpcStatus.INTERNAL, `could not serialize the response: ${e instanceof Error ? e.message : 'unknown error'}`);
      return false;
    }
    if (bytes.length > this.limits.maxMessageBytes) {
      this.finish(GrpcStatus.RESOURCE_EXHAUSTED, `sent message larger than max (${bytes.length} vs. ${this.limits.maxMessageBytes})`);
      return false;
    }
    if (!this.stream.headersSent) this.stream.respond(RESPONSE_HEADERS, { waitForTrailers: true });
    return this.stream.write(frameMessage(bytes));
  }

  /** Ends the call with OK. */
  end(): void {
    this.finish(GrpcStatus.OK, '');
  }

  /** Ends the call with a status (once; later calls do nothing). */
  finish(code: GrpcStatusCode, details: string): void {
    if (this.finished) return;
    this.finished = true;
    const stream = this.stream;
    if (stream.destroyed || stream.closed) return;
    try {
      if (!stream.headersSent) {
        respondStatus(stream, code, details);
        return;
      }
      this.pendingStatus = { code, details };
      stream.end();
    } catch {
      stream.destroy();
    }
  }

  get isFinished(): boolean {
    return this.finished;
  }
}

function statusCodeOf(e: StatusLike | null | undefined): GrpcStatusCode {
  const c = e?.code;
  return typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= 16 ? (c as GrpcStatusCode) : GrpcStatus.UNKNOWN;
}

function detailsOf(e: StatusLike | null | undefined): string {
  return e?.details ?? e?.message ?? '';
}

function kindOf(d: grpc.MethodDefinition<unknown, unknown>): Kind {
  if (d.requestStream) return d.responseStream ? 'bidi' : 'clientStream';
  return d.responseStream ? 'serverStream' : 'unary';
}

export class GrpcServer {
  private readonly methods = new Map<string, Method>();
  private readonly http2: Http2Server;
  private readonly sessions = new Set<ServerHttp2Session>();
  private closing = false;
  private onDrained: (() => void) | undefined;

  constructor(private readonly limits: GrpcServerLimits) {
    this.http2 = createServer({
      // Node's defaults refuse new streams once a session buffers 10 MB; our requests and
      // answers may each be up to limits.maxMessageBytes.
      maxSessionMemory: Number.MAX_SAFE_INTEGER,
      maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER,
    });
    this.http2.on('session', (session: ServerHttp2Session) => {
      this.sessions.add(session);
      // A peer that resets or breaks the connection must not crash the process.
      session.on('error', () => undefined);
      session.on('close', () => {
        this.sessions.delete(session);
        this.checkDrained();
      });
    });
    this.http2.on('sessionError', () => undefined);
    this.http2.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => this.onStream(stream, headers));
  }

  /** Serves `implementation`'s handlers for the methods of `definition`. */
  addService(definition: grpc.ServiceDefinition, implementation: grpc.UntypedServiceImplementation): void {
    for (const [name, d] of Object.entries(definition)) {
      const handler = implementation[name] ?? implementation[d.originalName ?? ''];
      if (typeof handler !== 'function') continue;
      this.methods.set(d.path, { kind: kindOf(d), definition: d, handler: handler as (...args: unknown[]) => void });
    }
  }

  /** Serves HTTP/2 on an already accepted (and, with AutoMTLS, authenticated) connection. */
  injectConnection(socket: Duplex): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    this.http2.emit('connection', socket);
  }

  /** Stops taking calls; `done` runs once every connection is closed (calls in flight finish). */
  tryShutdown(done: () => void): void {
    this.closing = true;
    this.onDrained = done;
    for (const session of this.sessions) session.close();
    this.checkDrained();
  }

  /** Closes every connection now. */
  forceShutdown(): void {
    this.closing = true;
    for (const session of this.sessions) session.destroy();
    this.sessions.clear();
    this.checkDrained();
  }

  private checkDrained(): void {
    if (!this.closing || this.sessions.size > 0 || !this.onDrained) return;
    const done = this.onDrained;
    this.onDrained = undefined;
    done();
  }

  private onStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
    // RST_STREAM from the peer and the like: the call's 'close' handles it.
    stream.on('error', () => undefined);
    const path = String(headers[':path'] ?? '');
    const method = this.methods.get(path);
    if (!method) {
      respondStatus(stream, GrpcStatus.UNIMPLEMENTED, `unknown method ${path}`);
      stream.resume();
      return;
    }
    const call = new ServerCall(stream, method.definition, this.limits);
    const streamingRequest = method.kind === 'bidi' || method.kind === 'clientStream';
    let received = 0;
    const reader = new MessageReader(
      this.limits.maxMessageBytes,
      (bytes) => {
        received++;
        let message: unknown;
        try {
          message = method.definition.requestDeserialize(bytes);
        } catch (e) {
          call.finish(GrpcStatus.INTERNAL, `could not parse the request: ${e instanceof Error ? e.message : 'malformed message'}`);
          return;
        }
        if (streamingRequest) call.emit('data', message);
        else if (received === 1) call.request = message;
      },
      (code, details) => call.finish(code, details),
    );
    stream.on('data', (chunk: Buffer) => {
      if (!call.isFinished || streamingRequest) reader.push(chunk);
    });
    const reply = (err: StatusLike | null, value?: unknown): void => {
      if (err) {
        call.finish(statusCodeOf(err), detailsOf(err));
        return;
      }
      call.write(value);
      call.end();
    };
    if (streamingRequest) {
      // The handler runs at once and reads the messages as 'data' events; a client-streaming
      // handler answers through the callback.
      stream.on('end', () => call.emit('end'));
      this.invoke(method, call, method.kind === 'clientStream' ? [call, reply] : [call]);
      return;
    }
    // Unary and server-streaming calls carry exactly one request message, then end the stream.
    stream.on('end', () => {
      if (call.isFinished) return;
      if (received !== 1 || reader.pending) {
        call.finish(GrpcStatus.INTERNAL, received === 0 ? 'the request carried no message' : 'the request carried more than one message');
        return;
      }
      if (method.kind === 'serverStream') {
        this.invoke(method, call, [call]);
        return;
      }
      this.invoke(method, call, [call, reply]);
    });
  }

  private invoke(method: Method, call: ServerCall, args: unknown[]): void {
    try {
      method.handler(...args);
    } catch (e) {
      call.finish(GrpcStatus.INTERNAL, `the handler failed: ${e instanceof Error ? e.message : 'unknown error'}`);
    }
  }
}
