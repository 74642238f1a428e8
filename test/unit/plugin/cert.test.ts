import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import {
  buildTbsCertificate,
  derToPem,
  generateCertificate,
  NOT_BEFORE_SKEW_MS,
  VALIDITY_MS,
} from '../../../provider/plugin/cert';
import { readTlv } from '../../../provider/plugin/der';

/** Returns the DER value of the extension with this OID (e.g. '551d0f' for keyUsage), with its critical flag. */
function findExtension(certDer: Buffer, oidHex: string): { critical: boolean; value: Buffer } {
  const oidTlv = Buffer.from(`06${(oidHex.length / 2).toString(16).padStart(2, '0')}${oidHex}`, 'hex');
  const at = certDer.indexOf(oidTlv);
  if (at < 0) throw new Error(`extension ${oidHex} not found`);
  let next = readTlv(certDer, at);
  let critical = false;
  let after = readTlv(certDer, next.end);
  if (after.tag === 0x01) {
    critical = certDer[after.start] === 0xff;
    next = after;
    after = readTlv(certDer, next.end);
  }
  expect(after.tag).toBe(0x04);
  return { critical, value: certDer.subarray(after.start, after.end) };
}

describe('AutoMTLS certificate', () => {
  const now = new Date();
  const generated = generateCertificate(now);
  const x509 = new X509Certificate(generated.certPem);

  test('parses and mirrors the go-plugin template', () => {
    expect(x509.subject.split('\n').sort()).toEqual(['CN=localhost', 'O=HashiCorp']);
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.subjectAltName).toBe('DNS:localhost');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.ca).toBe(true);
    expect(x509.keyUsage?.sort()).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
  });

  test('is self-signed with ECDSA P-256 / SHA-256 and matches its private key', () => {
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.publicKey.asymmetricKeyType).toBe('ec');
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(x509.checkPrivateKey(createPrivateKey(generated.keyPem))).toBe(true);
    expect(x509.checkIssued(x509)).toBe(true);
    // signatureAlgorithm = ecdsa-with-SHA256
    expect(generated.certDer.includes(Buffer.from('06082a8648ce3d040302', 'hex'))).toBe(true);
  });

  test('validity: now − 30 s to now + 262 980 h', () => {
    const from = new Date(x509.validFrom).getTime();
    const to = new Date(x509.validTo).getTime();
    const secs = (ms: number): number => Math.floor(ms / 1000) * 1000;
    expect(from).toBe(secs(now.getTime() - NOT_BEFORE_SKEW_MS));
    expect(to).toBe(secs(now.getTime() + VALIDITY_MS));
  });

  test('serial is a positive 128-bit number', () => {
    expect(x509.serialNumber).toMatch(/^[0-9A-F]+$/);
    expect(BigInt(`0x${x509.serialNumber}`) > 0n).toBe(true);
    expect(BigInt(`0x${x509.serialNumber}`) < 2n ** 128n).toBe(true);
    expect(generateCertificate(now).certDer.equals(generated.certDer)).toBe(false);
  });

  test('KeyUsage (critical) and BasicConstraints CA (critical) are encoded exactly', () => {
    const ku = findExtension(generated.certDer, '551d0f');
    expect(ku.critical).toBe(true);
    expect(ku.value.toString('hex')).toBe('030202ac');
    const bc = findExtension(generated.certDer, '551d13');
    expect(bc.critical).toBe(true);
    expect(bc.value.toString('hex')).toBe('30030101ff');
    const eku = findExtension(generated.certDer, '551d25');
    expect(eku.critical).toBe(false);
  });

  test('the DER round-trips through PEM', () => {
    expect(Buffer.from(x509.raw).equals(generated.certDer)).toBe(true);
    expect(generated.certPem).toMatch(/^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
  });

  test('TBS uses GeneralizedTime from 2050 and UTCTime before', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const tbs = buildTbsCertificate({
      serial: Buffer.from('ff'.repeat(16), 'hex'),
      notBefore: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      notAfter: new Date(Date.UTC(2056, 0, 2, 3, 4, 5)),
      spki: publicKey.export({ type: 'spki', format: 'der' }),
      commonName: 'localhost',
      organization: 'HashiCorp',
      dnsNames: ['localhost'],
    });
    expect(tbs.includes(Buffer.concat([Buffer.from([0x17, 13]), Buffer.from('260102030405Z')]))).toBe(true);
    expect(tbs.includes(Buffer.concat([Buffer.from([0x18, 15]), Buffer.from('20560102030405Z')]))).toBe(true);
    // A serial with the top bit set gets a leading zero (17 content bytes).
    expect(tbs.includes(Buffer.from(`021100${'ff'.repeat(16)}`, 'hex'))).toBe(true);
  });

  test('derToPem wraps at 64 columns', () => {
    const pem = derToPem(Buffer.alloc(100, 1));
    const body = pem.split('\n').slice(1, -2);
    expect(body.every((l) => l.length <= 64)).toBe(true);
  });
});
