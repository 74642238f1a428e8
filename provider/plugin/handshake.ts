/**
 * The go-plugin handshake line (plugin-protocol.md sec. 1.6):
 *   CORE|APP|NETWORK|ADDRESS|PROTOCOL|SERVERCERT
 * It must be the first and only line on stdout; anything else there breaks the client.
 */
import { CORE_PROTOCOL_VERSION, type AppProtocolVersion } from './constants';

/**
 * Go's base64.RawStdEncoding: standard alphabet, no `=` padding. With padding the client fails
 * whenever the DER length is not a multiple of 3 ("illegal base64 data at input byte N").
 */
export function encodeServerCert(der: Uint8Array): string {
  return Buffer.from(der).toString('base64').replace(/=+$/, '');
}

export interface HandshakeFields {
  readonly appProtocol: AppProtocolVersion;
  readonly network: 'unix' | 'tcp';
  /** Socket path (no `unix:` prefix) or host:port. */
  readonly address: string;
  /** DER of our AutoMTLS certificate; absent for plaintext. */
  readonly serverCertDer?: Uint8Array;
}

/**
 * Always six fields: field 6 is empty without TLS. A 7th (mux) field is never written - we do not
 * support PLUGIN_MULTIPLEX_GRPC, and clients before go-plugin 1.6 would corrupt the cert field.
 */
export function formatHandshakeLine(f: HandshakeFields): string {
  if (f.address.includes('|') || /[\r\n]/.test(f.address)) throw new Error('listener address cannot appear in a handshake line');
  const cert = f.serverCertDer ? encodeServerCert(f.serverCertDer) : '';
  return `${CORE_PROTOCOL_VERSION}|${f.appProtocol}|${f.network}|${f.address}|grpc|${cert}\n`;
}
