/**
 * Where the gRPC server listens: a unix socket inside a fresh private directory (sec. 1.5).
 *
 * Why a private directory: between bind() and chmod() the socket briefly has umask permissions; a
 * 0700 parent means no other user can reach it even in that window. The socket carries
 * plaintext gRPC when AutoMTLS is off, so it must never be reachable by others. No TCP listener:
 * Terraform and OpenTofu accept unix sockets on every non-Windows OS.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** sun_path is 104 bytes on macOS/BSD and 108 on Linux, including the NUL; keep under the smaller. */
export const MAX_SOCKET_PATH_BYTES = 103;

const DIR_PREFIX = 'tpc-';
const SOCKET_NAME = 'plugin.sock';

export interface SocketLocation {
  /** The private directory (mode 0700) that holds the socket; removed on exit. */
  readonly dir: string;
  /** Absolute socket path, printed in the handshake. */
  readonly path: string;
}

/**
 * Candidate parent directories, in order. `PLUGIN_UNIX_SOCKET_DIR` is an instruction from the
 * client, so it has no fallback; otherwise try the OS temp dir and, when a long `$TMPDIR` (macOS
 * puts it under /var/folders/...) would overflow sun_path, `/tmp`.
 */
export function socketParents(env: NodeJS.ProcessEnv, osTmp: string = tmpdir()): string[] {
  const requested = env.PLUGIN_UNIX_SOCKET_DIR;
  if (requested) return [requested];
  return osTmp === '/tmp' ? ['/tmp'] : [osTmp, '/tmp'];
}

/** Length of the socket path a parent would produce (mkdtemp adds six characters). */
export function socketPathLength(parent: string): number {
  return Buffer.byteLength(join(parent, `${DIR_PREFIX}XXXXXX`, SOCKET_NAME));
}

export function createSocketLocation(env: NodeJS.ProcessEnv): SocketLocation {
  const parents = socketParents(env);
  const parent = parents.find((p) => socketPathLength(p) <= MAX_SOCKET_PATH_BYTES);
  if (parent === undefined) {
    throw new Error(`unix socket path would exceed ${MAX_SOCKET_PATH_BYTES} bytes under ${parents.join(' or ')}`);
  }
  const dir = mkdtempSync(join(parent, DIR_PREFIX));
  // mkdtemp already uses 0700; be explicit in case a platform or umask differs.
  chmodSync(dir, 0o700);
  return { dir, path: join(dir, SOCKET_NAME) };
}

/** grpc-js target for a unix socket at an absolute path. */
export const grpcUnixTarget = (path: string): string => `unix:${path}`;

/** Owner read/write only, applied right after bind. */
export function restrictSocket(path: string): void {
  chmodSync(path, 0o600);
}

/** Synchronous so it can run from a process 'exit' handler; never throws. */
export function removeSocketLocation(loc: SocketLocation): void {
  try {
    rmSync(loc.dir, { recursive: true, force: true });
  } catch {
    // Nothing useful to do at exit; a leftover empty directory in $TMPDIR is harmless.
  }
}
