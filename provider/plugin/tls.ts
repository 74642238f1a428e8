/**
 * Transport security for the listener (sec. 1.7).
 *
 * AutoMTLS is on exactly when the client sent `PLUGIN_CLIENT_CERT`: the client then dials with TLS
 * whatever we do, so plaintext would fail every RPC. The client's certificate is the only thing
 * that authenticates the caller on the socket, so a connection is accepted only when the client
 * proves (in the TLS handshake) that it holds a certificate from that PEM; go-plugin servers
 * use RequireAndVerifyClientCert. Plaintext is only for TF_DISABLE_PLUGIN_TLS and debug
 * (reattach) mode, where no client cert exists.
 *
 * Why we compare certificates instead of handing the PEM to OpenSSL as a CA: any `ca` option,
 * and leaving it out alike, makes Node parse its ~140 bundled root certificates into a store
 * the first time (~ 20 ms of CPU, on every provider start). An empty CA list skips that; the
 * handshake then completes without chain verification (the client still has to sign with the
 * certificate's key), and `acceptsPeer` admits exactly the certificates the client announced.
 * go-plugin's client certificate is self-signed and presented as is, so this admits the same
 * clients as CA verification would, and nothing it would refuse.
 */
import { X509Certificate } from 'node:crypto';
import type { TlsOptions, TLSSocket } from 'node:tls';
import { generateCertificate } from './cert';

export interface MutualTls {
  /** Our certificate and key (PEM), generated for this launch. */
  readonly certPem: string;
  readonly keyPem: string;
  /** DER of every certificate in PLUGIN_CLIENT_CERT: the identities a client may present. */
  readonly clientCertsDer: readonly Buffer[];
}

export interface ListenerSecurity {
  /** DER of our certificate for handshake field 6; undefined when plaintext. */
  readonly serverCertDer?: Buffer;
  /** Set when connections must be wrapped in TLS and authenticated; undefined for plaintext. */
  readonly mtls?: MutualTls;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

export function listenerSecurity(clientCertPem: string | undefined): ListenerSecurity {
  if (clientCertPem === undefined || clientCertPem.trim() === '') return {};
  const blocks = clientCertPem.match(PEM_CERT);
  if (!blocks) throw new Error('PLUGIN_CLIENT_CERT is not a PEM certificate');
  let clientCertsDer: Buffer[];
  try {
    clientCertsDer = blocks.map((b) => new X509Certificate(b).raw);
  } catch {
    throw new Error('PLUGIN_CLIENT_CERT is not a valid PEM certificate');
  }
  const cert = generateCertificate();
  return { serverCertDer: cert.certDer, mtls: { certPem: cert.certPem, keyPem: cert.keyPem, clientCertsDer } };
}

/** tls.Server options: our certificate, an empty CA list, a client certificate requested, HTTP/2 only. */
export function tlsServerOptions(mtls: MutualTls): TlsOptions {
  // `ca: []` rather than leaving it out: see the file comment. rejectUnauthorized stays false
  // because with no CA every chain "fails" verification; acceptsPeer decides instead.
  return { ca: [], cert: mtls.certPem, key: mtls.keyPem, requestCert: true, rejectUnauthorized: false, ALPNProtocols: ['h2'] };
}

/**
 * True when the handshake completed with one of the client certificates we were given, inside its
 * validity period (Go's RequireAndVerifyClientCert refuses an expired or not-yet-valid one, even
 * when it is the pinned certificate itself).
 */
export function acceptsPeer(socket: TLSSocket, mtls: MutualTls): boolean {
  const peer = socket.getPeerCertificate();
  const raw = peer && 'raw' in peer ? peer.raw : undefined;
  if (raw === undefined || !mtls.clientCertsDer.some((der) => der.equals(raw))) return false;
  // valid_from / valid_to read like "Nov 29 20:00:00 2026 GMT"; an unparsable date refuses (NaN).
  const now = Date.now();
  return now >= Date.parse(peer.valid_from) && now <= Date.parse(peer.valid_to);
}
