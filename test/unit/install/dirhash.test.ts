/**
 * The h1: hash must be exactly what Terraform/OpenTofu write into .terraform.lock.hcl, or a
 * user comparing `install`'s output with their lock file would be misled. Expected values come
 * from Go's golang.org/x/mod/sumdb/dirhash.HashDir (run once with Go 1.26, x/mod v0.35.0) and from
 * OpenTofu's source (its hash of an empty package).
 */
import { packageHashV1, zipHash } from '../../../provider/install/dirhash';

describe('packageHashV1 (dirhash Hash1)', () => {
  it('matches Go for a package with nested, empty and executable files', () => {
    const files = [
      { name: 'terraform-provider-coder_v2.17.0', data: Buffer.from('#!/bin/sh\necho provider\n') },
      { name: 'docs/README.md', data: Buffer.from('read me\n') },
      { name: 'LICENSE', data: Buffer.alloc(0) },
    ];
    expect(packageHashV1(files)).toBe('h1:/nv1VsZEHkuKAwkeKIV3r4xqSz+JFvea5BRgQkpy9p4=');
    // Order of the input does not matter; Go sorts the names.
    expect(packageHashV1([...files].reverse())).toBe('h1:/nv1VsZEHkuKAwkeKIV3r4xqSz+JFvea5BRgQkpy9p4=');
  });

  it('matches OpenTofu for an empty package', () => {
    expect(packageHashV1([])).toBe('h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('changes with any byte of content or name', () => {
    const base = packageHashV1([{ name: 'a', data: Buffer.from('x') }]);
    expect(packageHashV1([{ name: 'a', data: Buffer.from('y') }])).not.toBe(base);
    expect(packageHashV1([{ name: 'b', data: Buffer.from('x') }])).not.toBe(base);
  });

  it('refuses a file name with a newline (Go does too)', () => {
    expect(() => packageHashV1([{ name: 'a\nb', data: Buffer.alloc(0) }])).toThrow(/newline/);
  });
});

describe('zipHash', () => {
  it('is the lowercase hex sha256 of the archive with the zh: prefix', () => {
    expect(zipHash(Buffer.from('abc'))).toBe('zh:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
