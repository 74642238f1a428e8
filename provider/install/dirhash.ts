/**
 * The "h1:" package hash Terraform and OpenTofu record in .terraform.lock.hcl: Go's
 * golang.org/x/mod/sumdb/dirhash Hash1 over the files of a provider package. One line per file,
 * sorted by name: "<lowercase hex sha256 of the content>  <name>\n"; the hash is the base64
 * sha256 of those lines. Names are paths relative to the package root with forward slashes;
 * permissions and timestamps are not covered.
 */
import * as crypto from 'node:crypto';

export interface HashedFile {
  readonly name: string;
  readonly data: Buffer;
}

export function packageHashV1(files: readonly HashedFile[]): string {
  const lines = files
    .map((f) => {
      if (f.name.includes('\n')) throw new Error(`dirhash: file name ${JSON.stringify(f.name)} contains a newline`);
      return { name: f.name, key: Buffer.from(f.name, 'utf8'), sum: crypto.createHash('sha256').update(f.data).digest('hex') };
    })
    // Go sorts the names as byte strings.
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map((f) => `${f.sum}  ${f.name}\n`)
    .join('');
  return `h1:${crypto.createHash('sha256').update(lines, 'utf8').digest('base64')}`;
}

/** The "zh:" hash: sha256 of the release .zip itself (what SHA256SUMS lists), lowercase hex. */
export function zipHash(zip: Buffer): string {
  return `zh:${crypto.createHash('sha256').update(zip).digest('hex')}`;
}
