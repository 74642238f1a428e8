import { encodeServerCert, formatHandshakeLine } from '../../../provider/plugin/handshake';
import { hasMagicCookie, REFUSAL_TEXT } from '../../../provider/plugin/cookie';

describe('handshake line', () => {
  test('plaintext: six fields, empty cert, one newline', () => {
    expect(formatHandshakeLine({ appProtocol: 6, network: 'unix', address: '/tmp/tpc-x/plugin.sock' })).toBe(
      '1|6|unix|/tmp/tpc-x/plugin.sock|grpc|\n',
    );
    expect(formatHandshakeLine({ appProtocol: 5, network: 'unix', address: '/s' })).toBe('1|5|unix|/s|grpc|\n');
  });

  test('TLS: field 6 is unpadded standard base64 of the DER', () => {
    for (const len of [30, 31, 32]) {
      const der = Buffer.alloc(len, 0xfb);
      const line = formatHandshakeLine({ appProtocol: 6, network: 'unix', address: '/s', serverCertDer: der });
      const fields = line.trimEnd().split('|');
      expect(fields).toHaveLength(6);
      expect(fields[5]).not.toMatch(/=/);
      expect(fields[5]).toMatch(/^[A-Za-z0-9+/]+$/); // standard alphabet, not URL-safe
      expect(Buffer.from(fields[5]!, 'base64').equals(der)).toBe(true);
    }
    expect(encodeServerCert(Buffer.from([1]))).toBe('AQ');
  });

  test('an address that would corrupt the line is refused', () => {
    expect(() => formatHandshakeLine({ appProtocol: 6, network: 'unix', address: '/a|b' })).toThrow();
    expect(() => formatHandshakeLine({ appProtocol: 6, network: 'unix', address: '/a\nb' })).toThrow();
  });
});

describe('magic cookie', () => {
  const cookie = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
  test('exact value only', () => {
    expect(hasMagicCookie({ TF_PLUGIN_MAGIC_COOKIE: cookie })).toBe(true);
    expect(hasMagicCookie({ TF_PLUGIN_MAGIC_COOKIE: `${cookie} ` })).toBe(false);
    expect(hasMagicCookie({})).toBe(false);
  });
  test('refusal text is go-plugin’s three lines', () => {
    expect(REFUSAL_TEXT.split('\n')).toEqual([
      'This binary is a plugin. These are not meant to be executed directly.',
      'Please execute the program that consumes these plugins, which will',
      'load any plugins automatically',
      '',
    ]);
  });
});
