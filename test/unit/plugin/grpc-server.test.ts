/**
 * provider/plugin/grpc-server.ts against grpc-js's client (a second, independent implementation
 * of the wire format): unary, server-streaming, client-streaming and bidirectional calls, status
 * codes and messages, size limits, cancellation and shutdown. Real OpenTofu (grpc-go) talks to
 * the same server in every e2e test.
 */
import * as grpc from '@grpc/grpc-js';
import * as fs from 'node:fs';
import { createServer, type Server as NetServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { GrpcServer, MessageReader, encodeGrpcMessage, frameMessage } from '../../../provider/plugin/grpc-server';

const bytes = (b: Buffer): Buffer => b;
const method = (name: string, requestStream: boolean, responseStream: boolean): grpc.MethodDefinition<Buffer, Buffer> => ({
  path: `/test.Echo/${name}`,
  requestStream,
  responseStream,
  requestSerialize: bytes,
  requestDeserialize: bytes,
  responseSerialize: (v: unknown) => (Buffer.isBuffer(v) ? v : Buffer.from(String(v))),
  responseDeserialize: bytes,
});

const SERVICE = {
  Echo: method('Echo', false, false),
  Fail: method('Fail', false, false),
  Slow: method('Slow', false, false),
  Count: method('Count', false, true),
  Sum: method('Sum', true, false),
  Chat: method('Chat', true, true),
} as unknown as grpc.ServiceDefinition;

let dir: string;
let server: GrpcServer;
let listener: NetServer;
let client: grpc.Client;
const cancelled: string[] = [];
const LIMIT = 1024 * 1024;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-grpc-'));
  server = new GrpcServer({ maxMessageBytes: LIMIT });
  server.addService(SERVICE, {
    Echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => cb(null, call.request),
    Fail: (_call: unknown, cb: grpc.sendUnaryData<Buffer>) => cb({ code: grpc.status.NOT_FOUND, details: 'no such thing: 100% gone, caf\u00e9' }, null),
    Slow: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => {
      call.on('cancelled', () => cancelled.push('Slow'));
      setTimeout(() => cb(null, Buffer.from('late')), 300);
    },
    Count: (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
      const n = Number(call.request.toString());
      for (let i = 1; i <= n; i++) call.write(Buffer.from(String(i)));
      call.end();
    },
    Sum: (call: grpc.ServerReadableStream<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => {
      let sum = 0;
      call.on('data', (b: Buffer) => (sum += Number(b.toString())));
      call.on('end', () => cb(null, Buffer.from(String(sum))));
    },
    Chat: (call: grpc.ServerDuplexStream<Buffer, Buffer>) => {
      call.on('data', (b: Buffer) => call.write(Buffer.from(`re: ${b.toString()}`)));
      call.on('end', () => call.end());
    },
  });
  const socketPath = path.join(dir, 's');
  listener = createServer((socket) => server.injectConnection(socket));
  await new Promise<void>((resolve) => listener.listen(socketPath, resolve));
  client = new grpc.Client(`unix://${socketPath}`, grpc.credentials.createInsecure(), {
    'grpc.max_send_message_length': 4 * LIMIT,
    'grpc.max_receive_message_length': 4 * LIMIT,
  });
});

afterAll(() => {
  client.close();
  server.forceShutdown();
  listener.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function unary(name: string, req: Buffer, deadlineMs?: number): Promise<{ err: grpc.ServiceError | null; value?: Buffer }> {
  return new Promise((resolve) =>
    client.makeUnaryRequest(`/test.Echo/${name}`, bytes, bytes, req, deadlineMs ? { deadline: Date.now() + deadlineMs } : {}, (err, value) =>
      resolve({ err, value }),
    ),
  );
}

describe('MessageReader', () => {
  const collect = (limit = 100): { messages: string[]; errors: string[]; reader: MessageReader } => {
    const messages: string[] = [];
    const errors: string[] = [];
    const reader = new MessageReader(limit, (m) => messages.push(m.toString()), (code, d) => errors.push(`${code}:${d}`));
    return { messages, errors, reader };
  };

  test('messages split across chunks and several messages in one chunk', () => {
    const { messages, errors, reader } = collect();
    const wire = Buffer.concat([frameMessage(Buffer.from('hello')), frameMessage(Buffer.alloc(0)), frameMessage(Buffer.from('world'))]);
    for (let i = 0; i < wire.length; i += 3) reader.push(wire.subarray(i, i + 3));
    expect(messages).toEqual(['hello', '', 'world']);
    expect(errors).toEqual([]);
    expect(reader.pending).toBe(false);
    reader.push(wire.subarray(0, 7));
    expect(reader.pending).toBe(true);
  });

  test('a compressed message or one above the limit is refused with the gRPC code', () => {
    const a = collect();
    a.reader.push(Buffer.from([1, 0, 0, 0, 1, 0x41]));
    expect(a.errors).toEqual(['12:compressed messages are not supported']);
    const b = collect(4);
    b.reader.push(frameMessage(Buffer.from('too long')));
    expect(b.errors).toEqual(['8:received message larger than max (8 vs. 4)']);
    expect(b.messages).toEqual([]);
  });

  test('grpc-message is percent-encoded outside printable ASCII', () => {
    expect(encodeGrpcMessage('plain text')).toBe('plain text');
    expect(encodeGrpcMessage('100% caf\u00e9\n')).toBe('100%25 caf%C3%A9%0A');
  });
});

describe('GrpcServer with a grpc-js client', () => {
  test('a unary call answers its message; an error answers the code and the message', async () => {
    const ok = await unary('Echo', Buffer.from('ping'));
    expect(ok.err).toBeNull();
    expect(ok.value!.toString()).toBe('ping');
    const empty = await unary('Echo', Buffer.alloc(0));
    expect(empty.value!.length).toBe(0);
    const failed = await unary('Fail', Buffer.from('x'));
    expect(failed.err?.code).toBe(grpc.status.NOT_FOUND);
    expect(failed.err?.details).toBe('no such thing: 100% gone, caf\u00e9');
  });

  test('an unknown method answers UNIMPLEMENTED', async () => {
    const r = await unary('Nope', Buffer.from('x'));
    expect(r.err?.code).toBe(grpc.status.UNIMPLEMENTED);
  });

  test('a message of 1 MiB passes; a larger one gets RESOURCE_EXHAUSTED, and the connection stays usable', async () => {
    const big = Buffer.alloc(LIMIT, 7);
    const ok = await unary('Echo', big);
    expect(ok.err).toBeNull();
    expect(ok.value!.equals(big)).toBe(true);
    const tooBig = await unary('Echo', Buffer.alloc(LIMIT + 1, 7));
    expect(tooBig.err?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    expect((await unary('Echo', Buffer.from('still here'))).value!.toString()).toBe('still here');
  });

  test('server streaming, client streaming and bidirectional calls', async () => {
    const counted = await new Promise<string[]>((resolve, reject) => {
      const out: string[] = [];
      const s = client.makeServerStreamRequest('/test.Echo/Count', bytes, bytes, Buffer.from('3'));
      s.on('data', (b: Buffer) => out.push(b.toString()));
      s.on('error', reject);
      s.on('status', (st: grpc.StatusObject) => (st.code === grpc.status.OK ? resolve(out) : reject(new Error(st.details))));
    });
    expect(counted).toEqual(['1', '2', '3']);

    const sum = await new Promise<string>((resolve, reject) => {
      const s = client.makeClientStreamRequest('/test.Echo/Sum', bytes, bytes, (err, v) => (err ? reject(err) : resolve(v!.toString())));
      for (const n of ['1', '2', '39']) s.write(Buffer.from(n));
      s.end();
    });
    expect(sum).toBe('42');

    const replies = await new Promise<string[]>((resolve, reject) => {
      const out: string[] = [];
      const s = client.makeBidiStreamRequest('/test.Echo/Chat', bytes, bytes);
      s.on('data', (b: Buffer) => out.push(b.toString()));
      s.on('error', reject);
      s.on('status', () => resolve(out));
      s.write(Buffer.from('a'));
      s.write(Buffer.from('b'));
      s.end();
    });
    expect(replies).toEqual(['re: a', 're: b']);
  });

  test("a call the client gives up on sees 'cancelled'", async () => {
    const r = await unary('Slow', Buffer.from('x'), 50);
    expect(r.err?.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cancelled).toContain('Slow');
  });

  test('tryShutdown lets the call in flight finish, then reports the server drained', async () => {
    const s2 = new GrpcServer({ maxMessageBytes: LIMIT });
    s2.addService(SERVICE, {
      Slow: (_call: unknown, cb: grpc.sendUnaryData<Buffer>) => setTimeout(() => cb(null, Buffer.from('done')), 100),
    });
    const socketPath = path.join(dir, 's2');
    const l2 = createServer((socket) => s2.injectConnection(socket));
    await new Promise<void>((resolve) => l2.listen(socketPath, resolve));
    const c2 = new grpc.Client(`unix://${socketPath}`, grpc.credentials.createInsecure());
    try {
      const pending = new Promise<string>((resolve, reject) =>
        c2.makeUnaryRequest('/test.Echo/Slow', bytes, bytes, Buffer.from('x'), (err, v) => (err ? reject(err) : resolve(v!.toString()))),
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      let drained = false;
      l2.close();
      s2.tryShutdown(() => (drained = true));
      expect(await pending).toBe('done');
      c2.close();
      for (let i = 0; i < 50 && !drained; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(drained).toBe(true);
    } finally {
      c2.close();
      s2.forceShutdown();
    }
  });
});
