import {
  bitStringBytes,
  encodeLength,
  explicit,
  namedBits,
  oid,
  printableString,
  readTlv,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
} from '../../../provider/plugin/der';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('DER writer', () => {
  test('lengths: short form below 128, long form above', () => {
    expect(hex(encodeLength(0))).toBe('00');
    expect(hex(encodeLength(127))).toBe('7f');
    expect(hex(encodeLength(128))).toBe('8180');
    expect(hex(encodeLength(255))).toBe('81ff');
    expect(hex(encodeLength(256))).toBe('820100');
    expect(hex(encodeLength(70000))).toBe('83011170');
    expect(() => encodeLength(-1)).toThrow(RangeError);
  });

  test('INTEGER is minimal and positive', () => {
    expect(hex(smallInteger(0))).toBe('020100');
    expect(hex(smallInteger(2))).toBe('020102');
    expect(hex(smallInteger(128))).toBe('02020080');
    expect(hex(unsignedInteger(Buffer.from('0000017f', 'hex')))).toBe('0202017f');
    expect(hex(unsignedInteger(Buffer.from('ff01', 'hex')))).toBe('020300ff01');
    expect(hex(unsignedInteger(Buffer.from('0000', 'hex')))).toBe('020100');
  });

  test('OIDs encode like the reference encodings', () => {
    expect(hex(oid('1.2.840.10045.4.3.2'))).toBe('06082a8648ce3d040302'); // ecdsa-with-SHA256
    expect(hex(oid('2.5.29.17'))).toBe('0603551d11'); // subjectAltName
    expect(hex(oid('1.3.6.1.5.5.7.3.1'))).toBe('06082b06010505070301'); // serverAuth
    expect(() => oid('1.40')).toThrow(RangeError);
    expect(() => oid('1.2.x')).toThrow(RangeError);
  });

  test('KeyUsage bits drop trailing zero bits', () => {
    // digitalSignature(0) | keyEncipherment(2) | keyAgreement(4) | keyCertSign(5): 0xAC, 2 unused bits
    expect(hex(namedBits([0, 2, 4, 5]))).toBe('030202ac');
    expect(hex(namedBits([0]))).toBe('03020780');
    expect(hex(namedBits([8]))).toBe('0303070080');
  });

  test('byte BIT STRING, SEQUENCE, SET ordering, explicit tags', () => {
    expect(hex(bitStringBytes(Buffer.from('abcd', 'hex')))).toBe('030300abcd');
    expect(hex(sequence(smallInteger(1), smallInteger(2)))).toBe('3006020101020102');
    expect(hex(set(smallInteger(2), smallInteger(1)))).toBe('3106020101020102');
    expect(hex(explicit(0, smallInteger(2)))).toBe('a003020102');
  });

  test('PrintableString rejects characters outside its alphabet', () => {
    expect(hex(printableString('HashiCorp'))).toBe('1309' + Buffer.from('HashiCorp').toString('hex'));
    expect(() => printableString('a@b')).toThrow(RangeError);
  });

  test('UTCTime before 2050, GeneralizedTime from 2050', () => {
    const utc = time(new Date(Date.UTC(2049, 11, 31, 23, 59, 59)));
    expect(utc[0]).toBe(0x17);
    expect(utc.subarray(2).toString('ascii')).toBe('491231235959Z');
    const gen = time(new Date(Date.UTC(2050, 0, 1, 0, 0, 0)));
    expect(gen[0]).toBe(0x18);
    expect(gen.subarray(2).toString('ascii')).toBe('20500101000000Z');
    const old = time(new Date(Date.UTC(1949, 0, 1)));
    expect(old[0]).toBe(0x18);
  });

  test('readTlv walks short and long forms', () => {
    const long = sequence(Buffer.alloc(200));
    expect(readTlv(long)).toEqual({ tag: 0x30, start: 3, end: 203 });
    const two = Buffer.concat([smallInteger(5), smallInteger(6)]);
    const first = readTlv(two);
    expect(readTlv(two, first.end)).toEqual({ tag: 0x02, start: 5, end: 6 });
    expect(() => readTlv(Buffer.from('3005', 'hex'))).toThrow(RangeError);
  });
});
