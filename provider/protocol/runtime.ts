/**
 * gRPC plumbing shared by the protocol 5 and 6 adapters: method tables -> grpc-js service
 * definitions, per-call contexts (stop/cancel signal), and the unary-handler wrapper that turns
 * every failure into a well-formed response.
 */
import type * as grpc from '@grpc/grpc-js';
import { GrpcStatus } from './grpc-status';
import type { CallContext } from './interface';

/** The part of a protobufjs static message class that the gRPC layer needs. */
export interface MessageCodec {
  encode(message: never): { finish(): Uint8Array };
  decode(reader: Uint8Array): unknown;
}

export type MethodKind = 'unary' | 'serverStream' | 'clientStream' | 'bidi';

export interface MethodSpec {
  /** Wire method name, e.g. "PlanResourceChange". */
  readonly name: string;
  readonly kind: MethodKind;
  readonly request: MessageCodec;
  readonly response: MessageCodec;
}

export function method(name: string, kind: MethodKind, request: MessageCodec, response: MessageCodec): MethodSpec {
  return { name, kind, request, response };
}

export interface CallHooks {
  /** Called once per finished provider call with the wire method name and its duration. */
  onCall?(method: string, ms: number): void;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Serializer for one message type. Accepts either a message-shaped object (encoded with the
 * generated codec) or bytes that were already encoded (the provider handlers encode inside their
 * error boundary so that an unencodable response still becomes a diagnostic).
 */
function serializer(codec: MessageCodec): (value: unknown) => Buffer {
  return (value) => (value instanceof Uint8Array ? toBuffer(value) : toBuffer(codec.encode(value as never).finish()));
}

function deserializer(codec: MessageCodec): (bytes: Buffer) => unknown {
  return (bytes) => codec.decode(bytes);
}

/** A request whose bytes are not a valid protobuf message of the method's request type. */
export class UndecodableRequest {
  constructor(readonly reason: string) {}
}

/**
 * Request deserializer for the provider services. grpc-js answers a deserializer exception with an
 * INTERNAL gRPC error; instead, bytes that are not a valid message become an UndecodableRequest,
 * which unary handlers answer with an error diagnostic (and unimplemented methods with
 * UNIMPLEMENTED), like any other bad input.
 */
function tolerantDeserializer(codec: MessageCodec): (bytes: Buffer) => unknown {
  return (bytes) => {
    try {
      return codec.decode(bytes);
    } catch (e) {
      // protobufjs messages name offsets and wire types, never field contents.
      return new UndecodableRequest(e instanceof Error ? e.message : 'malformed message');
    }
  };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * Builds a grpc-js service definition (paths `/<service>/<Method>`) from a method table.
 * `tolerantRequests`: undecodable requests reach the handler as UndecodableRequest.
 */
export function serviceDefinition(
  serviceName: string,
  methods: readonly MethodSpec[],
  options: { tolerantRequests?: boolean } = {},
): grpc.ServiceDefinition {
  const def: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const m of methods) {
    def[m.name] = {
      path: `/${serviceName}/${m.name}`,
      requestStream: m.kind === 'clientStream' || m.kind === 'bidi',
      responseStream: m.kind === 'serverStream' || m.kind === 'bidi',
      requestSerialize: serializer(m.request),
      requestDeserialize: options.tolerantRequests ? tolerantDeserializer(m.request) : deserializer(m.request),
      responseSerialize: serializer(m.response),
      responseDeserialize: deserializer(m.response),
      originalName: lowerFirst(m.name),
    };
  }
  return def as grpc.ServiceDefinition;
}

/**
 * Source of the "stop" signal for one gRPC server: StopProvider aborts the current controller
 * (cancelling every call in flight at that moment) and installs a fresh one for later calls.
 */
export class StopSource {
  private controller = new AbortController();
  /** Abort functions of the calls in flight (see openCallContext). */
  private readonly inFlight = new Set<(reason: unknown) => void>();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Registers a call in flight, aborted by the next stop(); returns its deregistration. */
  track(abort: (reason: unknown) => void): () => void {
    this.inFlight.add(abort);
    return () => this.inFlight.delete(abort);
  }

  stop(): void {
    const old = this.controller;
    this.controller = new AbortController();
    const reason = abortReason('the provider was asked to stop (StopProvider)');
    const calls = [...this.inFlight];
    this.inFlight.clear();
    for (const abort of calls) abort(reason);
    old.abort(reason);
  }
}

function abortReason(message: string): Error {
  const err = new Error(message);
  err.name = 'AbortError';
  return err;
}

export interface CallEnv {
  readonly stop: StopSource;
  readonly hooks?: CallHooks;
}

/** The surface of a grpc-js server call this module uses. */
interface CancellableCall {
  readonly cancelled: boolean;
  on(event: 'cancelled', listener: () => void): unknown;
  removeListener(event: 'cancelled', listener: () => void): unknown;
}

/**
 * A CallContext whose signal fires on StopProvider or when the client cancels the call;
 * `stopped()` tells the same without making the signal (the framework asks it in its loops).
 *
 * The AbortController is made only when someone reads `ctx.signal` (an abort that came first is
 * replayed onto it): creating one and subscribing it to the stop signal on every call was 3 % of
 * the provider's CPU time over a 1,000-resource plan + apply, and most calls finish without
 * anyone looking at the signal.
 */
export function openCallContext(env: CallEnv, call: CancellableCall): { ctx: CallContext; close(): void } {
  let controller: AbortController | undefined;
  let aborted: { reason: unknown } | undefined;
  const abort = (reason: unknown): void => {
    if (aborted) return;
    aborted = { reason };
    controller?.abort(reason);
  };
  const onCancel = (): void => abort(abortReason('the gRPC call was cancelled by the client'));
  const stopSignal = env.stop.signal;
  if (stopSignal.aborted) abort(stopSignal.reason ?? abortReason('the provider was asked to stop'));
  const untrack = env.stop.track(abort);
  call.on('cancelled', onCancel);
  if (call.cancelled) onCancel();
  const ctx: CallContext = {
    get signal(): AbortSignal {
      if (!controller) {
        controller = new AbortController();
        if (aborted) controller.abort(aborted.reason);
      }
      return controller.signal;
    },
    stopped: () => aborted !== undefined,
  };
  return {
    ctx,
    close: () => {
      untrack();
      call.removeListener('cancelled', onCancel);
    },
  };
}

function reportCall(env: CallEnv, name: string, started: number): void {
  const onCall = env.hooks?.onCall;
  if (!onCall) return;
  try {
    onCall(name, performance.now() - started);
  } catch {
    // A broken metrics hook must never affect the RPC.
  }
}

/**
 * `build(source)` encoded with `codec`, once per source object: for answers that never change for
 * a given provider answer, such as the schema (converting and encoding it took ~5 ms per call, as
 * long as a whole PlanResourceChange). The bytes are shared: nothing may modify them.
 */
export function encodedOnce<S extends object>(codec: MessageCodec, build: (source: S) => object): (source: S) => Uint8Array {
  const cache = new WeakMap<S, Uint8Array>();
  return (source) => {
    let bytes = cache.get(source);
    if (bytes === undefined) {
      bytes = codec.encode(build(source) as never).finish();
      cache.set(source, bytes);
    }
    return bytes;
  };
}

/**
 * Wraps an async operation as a grpc-js unary handler. The operation's result is encoded inside
 * the error boundary; if the operation or the encoding fails, `fallback(error)` is encoded instead
 * (a response carrying an error diagnostic). The call therefore always succeeds at the gRPC
 * level and no rejection escapes.
 */
export function unaryHandler<Req>(
  env: CallEnv,
  name: string,
  response: MessageCodec,
  op: (request: Req, ctx: CallContext) => Promise<object>,
  fallback: (error: unknown) => object,
): grpc.handleUnaryCall<Req, Buffer> {
  return (call, callback) => {
    const started = performance.now();
    const { ctx, close } = openCallContext(env, call);
    // An operation may answer with bytes it encoded earlier (see encodedOnce).
    const encode = (message: object): Buffer =>
      message instanceof Uint8Array ? toBuffer(message) : toBuffer(response.encode(message as never).finish());
    let settled = false;
    const reply = (bytes: Buffer): void => {
      if (settled) return;
      settled = true;
      close();
      reportCall(env, name, started);
      callback(null, bytes);
    };
    const fail = (error: unknown): void => {
      let bytes: Buffer;
      try {
        bytes = encode(fallback(error));
      } catch {
        // The fallback is a handful of strings; this cannot realistically fail, but never throw.
        bytes = Buffer.alloc(0);
      }
      reply(bytes);
    };
    const request: unknown = call.request;
    if (request instanceof UndecodableRequest) {
      fail(new Error(`the ${name} request is not a valid protobuf message: ${request.reason}`));
      return;
    }
    let pending: Promise<object>;
    try {
      pending = op(call.request, ctx);
    } catch (error) {
      fail(error);
      return;
    }
    Promise.resolve(pending).then(
      (message) => {
        let bytes: Buffer;
        try {
          bytes = encode(message);
        } catch (error) {
          fail(error);
          return;
        }
        reply(bytes);
      },
      (error: unknown) => fail(error),
    );
  };
}

function unimplementedError(service: string, name: string): Partial<grpc.StatusObject> {
  return {
    code: GrpcStatus.UNIMPLEMENTED,
    details: `${service}/${name} is not supported by this provider`,
  };
}

/** A handler answering UNIMPLEMENTED, shaped for the method's streaming kind. */
export function unimplementedHandler(service: string, spec: MethodSpec): grpc.UntypedHandleCall {
  const err = unimplementedError(service, spec.name);
  switch (spec.kind) {
    case 'unary':
    case 'clientStream':
      return ((_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(err, null)) as grpc.UntypedHandleCall;
    case 'serverStream':
    case 'bidi':
      return ((call: grpc.ServerWritableStream<unknown, unknown>) => {
        call.emit('error', err);
      }) as grpc.UntypedHandleCall;
  }
}

/** Fills every method of `methods` that `implemented` lacks with an UNIMPLEMENTED handler. */
export function completeImplementation(
  service: string,
  methods: readonly MethodSpec[],
  implemented: grpc.UntypedServiceImplementation,
): grpc.UntypedServiceImplementation {
  const out: grpc.UntypedServiceImplementation = {};
  for (const spec of methods) {
    out[spec.name] = Object.prototype.hasOwnProperty.call(implemented, spec.name)
      ? implemented[spec.name]!
      : unimplementedHandler(service, spec);
  }
  return out;
}
