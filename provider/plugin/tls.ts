/**
 * Transport security for the listener (§1.7).
 *
 * AutoMTLS is on exactly when the client sent `PLUGIN_CLIENT_CERT`: the client then dials with TLS
 * whatever we do, so plaintext would fail every RPC. We verify the client's certificate against
 * that PEM (go-plugin servers use RequireAndVerifyClientCert): it is the only thing that
 * authenticates the caller on the socket. Plaintext is only for TF_DISABLE_PLUGIN_TLS and debug
 * (reattach) mode, where no client cert exists.
 */
import * as grpc from '@grpc/grpc-js';
import { generateCertificate } from './cert';

export interface ListenerSecurity {
  readonly credentials: grpc.ServerCredentials;
  /** DER of our certificate for handshake field 6; undefined when plaintext. */
  readonly serverCertDer?: Buffer;
}

export function listenerSecurity(clientCertPem: string | undefined): ListenerSecurity {
  if (clientCertPem === undefined || clientCertPem.trim() === '') {
    return { credentials: grpc.ServerCredentials.createInsecure() };
  }
  if (!clientCertPem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error('PLUGIN_CLIENT_CERT is not a PEM certificate');
  }
  const cert = generateCertificate();
  const credentials = grpc.ServerCredentials.createSsl(
    Buffer.from(clientCertPem),
    [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }],
    /* checkClientCertificate */ true,
  );
  return { credentials, serverCertDer: cert.certDer };
}
