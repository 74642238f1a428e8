/**
 * Release zips are written by our own writer and read back by `install`; both must agree with
 * the rest of the world (zip/unzip, Go's archive/zip inside tofu) and refuse hostile archives.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32, readZip, writeZip } from '../../../provider/install/zip';

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const itWithUnzip = has('unzip') ? it : it.skip;
const itWithZip = has('zip') ? it : it.skip;

const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-zip-'));
  tmpDirs.push(d);
  return d;
};

// A deterministic pseudo-random buffer (incompressible) without Math.random.
const noise = (n: number, seed: string): Buffer => {
  const out = Buffer.alloc(n);
  let block = Buffer.from(seed);
  for (let i = 0; i < n; i += 32) {
    block = crypto.createHash('sha256').update(block).digest();
    block.copy(out, i, 0, Math.min(32, n - i));
  }
  return out;
};

const sample = [
  { name: 'terraform-provider-coder_v1.2.3', data: Buffer.from('#!/bin/sh\n' + 'echo provider\n'.repeat(200)), mode: 0o755 },
  { name: 'docs/README.md', data: Buffer.from('read me\n'), mode: 0o644 },
  { name: 'empty', data: Buffer.alloc(0), mode: 0o600 },
  { name: 'noise.bin', data: noise(5000, 'seed'), mode: 0o644 },
];

describe('crc32', () => {
  it('gives the standard check values', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    expect(crc32(Buffer.from('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('can be computed incrementally', () => {
    const a = Buffer.from('12345');
    const b = Buffer.from('6789');
    expect(crc32(b, crc32(a))).toBe(0xcbf43926);
  });
});

describe('writeZip / readZip', () => {
  it('round-trips names, contents and permissions', () => {
    const back = readZip(writeZip(sample));
    expect(back.map((e) => [e.name, e.mode, e.data.toString('base64')])).toEqual(sample.map((e) => [e.name, e.mode, e.data.toString('base64')]));
  });

  it('is reproducible: the same input gives the same bytes', () => {
    expect(writeZip(sample).equals(writeZip(sample))).toBe(true);
  });

  it('deflates what compresses and stores what does not', () => {
    const zip = writeZip(sample);
    // Central directory entries: method at offset 10 of each 46-byte header.
    const methods: Record<string, number> = {};
    for (let p = zip.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); p >= 0; p = zip.indexOf(Buffer.from([0x50, 0x4b, 1, 2]), p + 4)) {
      const nameLen = zip.readUInt16LE(p + 28);
      methods[zip.subarray(p + 46, p + 46 + nameLen).toString()] = zip.readUInt16LE(p + 10);
    }
    expect(methods['terraform-provider-coder_v1.2.3']).toBe(8);
    expect(methods['noise.bin']).toBe(0);
  });

  itWithUnzip('writes archives unzip(1) accepts, with the executable bit kept', () => {
    const dir = tmp();
    const file = path.join(dir, 'a.zip');
    fs.writeFileSync(file, writeZip(sample));
    execFileSync('unzip', ['-tq', file]);
    execFileSync('unzip', ['-q', file, '-d', path.join(dir, 'out')]);
    for (const e of sample) {
      const p = path.join(dir, 'out', e.name);
      expect(fs.readFileSync(p).equals(e.data)).toBe(true);
      expect(fs.statSync(p).mode & 0o777).toBe(e.mode);
    }
  });

  itWithZip('reads archives zip(1) wrote, including streamed ones with data descriptors', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'tool'), sample[0]!.data, { mode: 0o755 });
    fs.chmodSync(path.join(dir, 'tool'), 0o755);
    execFileSync('zip', ['-q', '-X', path.join(dir, 'plain.zip'), 'tool'], { cwd: dir });
    const plain = readZip(fs.readFileSync(path.join(dir, 'plain.zip')));
    expect(plain).toHaveLength(1);
    expect(plain[0]!.name).toBe('tool');
    expect(plain[0]!.mode).toBe(0o755);
    expect(plain[0]!.data.equals(sample[0]!.data)).toBe(true);
    // `zip - -` compresses stdin and must use a data descriptor (sizes after the data).
    const streamed = execFileSync('zip', ['-q', '-', '-'], { input: sample[3]!.data });
    const [entry] = readZip(streamed);
    expect(entry!.data.equals(sample[3]!.data)).toBe(true);
  });

  it('refuses names that would leave the extraction directory', () => {
    for (const name of ['../evil', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b', 'a//b']) {
      expect(() => writeZip([{ name, data: Buffer.from('x'), mode: 0o644 }])).toThrow(/unsafe entry name/);
    }
    // Same-length rename in both headers of a valid archive: "ok/x" → "../x".
    const zip = writeZip([{ name: 'ok/x', data: Buffer.from('x'), mode: 0o644 }]);
    const hostile = Buffer.from(zip.toString('latin1').split('ok/x').join('../x'), 'latin1');
    expect(() => readZip(hostile)).toThrow(/unsafe entry name/);
  });

  it('detects corrupted data, truncation and things that are not zips', () => {
    const zip = writeZip([{ name: 'f', data: noise(100, 'c'), mode: 0o644 }]);
    const flipped = Buffer.from(zip);
    flipped[30 + 1 + 10] ^= 0xff; // a byte of the stored data
    expect(() => readZip(flipped)).toThrow(/CRC mismatch/);
    expect(() => readZip(zip.subarray(0, zip.length - 5))).toThrow(/not a zip archive/);
    expect(() => readZip(Buffer.from('definitely not a zip file, just text'))).toThrow(/not a zip archive/);
  });

  it('refuses encrypted entries and unknown compression methods', () => {
    const zip = writeZip([{ name: 'f', data: Buffer.from('hello hello hello hello'), mode: 0o644 }]);
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 1, 2]));
    const encrypted = Buffer.from(zip);
    encrypted.writeUInt16LE(1, cd + 8);
    expect(() => readZip(encrypted)).toThrow(/encrypted/);
    const bzip2 = Buffer.from(zip);
    bzip2.writeUInt16LE(12, cd + 10);
    expect(() => readZip(bzip2)).toThrow(/compression method 12/);
  });

  it('bounds the total size it will inflate', () => {
    const zip = writeZip([{ name: 'zeros', data: Buffer.alloc(1_000_000), mode: 0o644 }]);
    expect(zip.length).toBeLessThan(5_000);
    expect(() => readZip(zip, 100_000)).toThrow(/exceed 100000 bytes/);
  });
});
