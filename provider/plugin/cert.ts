/**
 * The AutoMTLS server certificate (plugin-protocol.md sec. 1.7).
 *
 * go-plugin's client pins exactly the certificate we print in the handshake (it becomes its only
 * root) and verifies it for host name `localhost`, so the certificate mirrors go-plugin's own
 * `generateCert` template: O=HashiCorp, CN=localhost, DNS SAN localhost, CA, both EKUs, ~30 years.
 * We use ECDSA P-256 instead of P-521 because it is the cheapest key Go's TLS stack accepts, and the
 * key is generated afresh on every launch (never stored).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  bitStringBytes,
  boolean,
  explicit,
  ia5String,
  implicitPrimitive,
  namedBits,
  octetString,
  oid,
  printableString,
  readTlv,
  sequence,
  set,
  smallInteger,
  TAG,
  time,
  unsignedInteger,
} from './der';

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** KeyUsage bit numbers (RFC 5280 sec. 4.2.1.3). */
const KEY_USAGE = { digitalSignature: 0, keyEncipherment: 2, keyAgreement: 4, keyCertSign: 5 } as const;

/** go-plugin: NotBefore = now - 30 s (clock skew), NotAfter = now + 262 980 h (~30 years). */
export const NOT_BEFORE_SKEW_MS = 30_000;
export const VALIDITY_MS = 262_980 * 3600 * 1000;

export interface CertificateTemplate {
  /** Big-endian magnitude; encoded as a positive INTEGER. */
  readonly serial: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DER SubjectPublicKeyInfo of the key being certified. */
  readonly spki: Uint8Array;
  readonly commonName: string;
  readonly organization: string;
  readonly dnsNames: readonly string[];
}

function extension(id: string, critical: boolean, value: Uint8Array): Buffer {
  return critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
}

/** Name in the order Go's pkix.Name produces (O before CN). */
function name(t: CertificateTemplate): Buffer {
  return sequence(
    set(sequence(oid(OID.organization), printableString(t.organization))),
    set(sequence(oid(OID.commonName), printableString(t.commonName))),
  );
}

/**
 * Subject Key Identifier = SHA-1 of the subjectPublicKey bits (RFC 5280 sec. 4.2.1.2 method 1, what Go
 * computes for CA certificates). Helps OpenSSL-based peers build the (one-element) chain.
 */
function subjectKeyIdentifier(spki: Uint8Array): Buffer {
  // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
  const outer = readTlv(spki);
  const algorithm = readTlv(spki, outer.start);
  const bits = readTlv(spki, algorithm.end);
  if (outer.tag !== TAG.SEQUENCE || bits.tag !== TAG.BIT_STRING) throw new Error('unrecognised SubjectPublicKeyInfo');
  // Skip the unused-bits byte.
  return createHash('sha1').update(spki.subarray(bits.start + 1, bits.end)).digest();
}

/** TBSCertificate DER (RFC 5280 sec. 4.1). Pure: all randomness and time come from the template. */
export function buildTbsCertificate(t: CertificateTemplate): Buffer {
  const extensions = [
    extension(
      OID.keyUsage,
      true,
      namedBits([KEY_USAGE.digitalSignature, KEY_USAGE.keyEncipherment, KEY_USAGE.keyAgreement, KEY_USAGE.keyCertSign]),
    ),
    extension(OID.extKeyUsage, false, sequence(oid(OID.clientAuth), oid(OID.serverAuth))),
    // cA = TRUE and no pathLenConstraint, as go-plugin sets IsCA.
    extension(OID.basicConstraints, true, sequence(boolean(true))),
    extension(OID.subjectKeyIdentifier, false, octetString(subjectKeyIdentifier(t.spki))),
    extension(OID.subjectAltName, false, sequence(...t.dnsNames.map((dns) => implicitPrimitive(2, ia5String(dns).subarray(2))))),
  ];
  const algorithm = sequence(oid(OID.ecdsaWithSha256));
  return sequence(
    explicit(0, smallInteger(2)), // v3
    unsignedInteger(t.serial),
    algorithm,
    name(t), // issuer = subject: self-signed
    sequence(time(t.notBefore), time(t.notAfter)),
    name(t),
    Buffer.from(t.spki),
    explicit(3, sequence(...extensions)),
  );
}

/** Certificate = SEQUENCE { tbs, ecdsa-with-SHA256, BIT STRING signature }. */
export function signCertificate(tbs: Buffer, privateKey: KeyObject): Buffer {
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  return sequence(tbs, sequence(oid(OID.ecdsaWithSha256)), bitStringBytes(signature));
}

export function derToPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const body = Buffer.from(der).toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

/** A random positive 128-bit serial (never zero; the DER writer handles the sign bit). */
export function randomSerial(): Buffer {
  const serial = randomBytes(16);
  if (serial.every((b) => b === 0)) serial[15] = 1;
  return serial;
}

export interface GeneratedCertificate {
  readonly certDer: Buffer;
  readonly certPem: string;
  readonly keyPem: string;
}

/** A fresh key and self-signed certificate following go-plugin's template. */
export function generateCertificate(now: Date = new Date()): GeneratedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const tbs = buildTbsCertificate({
    serial: randomSerial(),
    notBefore: new Date(now.getTime() - NOT_BEFORE_SKEW_MS),
    notAfter: new Date(now.getTime() + VALIDITY_MS),
    spki: publicKey.export({ type: 'spki', format: 'der' }),
    commonName: 'localhost',
    organization: 'HashiCorp',
    dnsNames: ['localhost'],
  });
  const certDer = signCertificate(tbs, privateKey);
  return {
    certDer,
    certPem: derToPem(certDer),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
