/**
 * data coder_provisioner: the operating system and CPU architecture of the machine running the
 * build, spelled as Go spells them (GOOS / GOARCH), since templates compare against those names
 * (e.g. to pick a coder agent binary). 32-bit ARM is reported as `armv7`.
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import type { DataSourceDefinition } from '../framework/resource';
import type { CoderProviderData } from './provider_data';
import { newId } from './ids';

/** Node's process.platform -> Go's GOOS (names Node and Go share are unchanged). */
const GOOS: Readonly<Record<string, string>> = { win32: 'windows', sunos: 'solaris' };

/** Node's process.arch -> Go's GOARCH, with 32-bit ARM as `armv7` like the Go provider. */
const GOARCH: Readonly<Record<string, string>> = {
  x64: 'amd64',
  ia32: '386',
  arm: 'armv7',
  ppc64: 'ppc64le',
  mipsel: 'mipsle',
};

export const goOs = (platform: string): string => GOOS[platform] ?? platform;
export const goArch = (arch: string, littleEndian = true): string => {
  // Node calls big- and little-endian 64-bit POWER both ppc64; Go tells them apart.
  if (arch === 'ppc64') return littleEndian ? 'ppc64le' : 'ppc64';
  return GOARCH[arch] ?? arch;
};

const hostIsLittleEndian = (): boolean => new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export const provisionerDataSource: DataSourceDefinition<CoderProviderData> = {
  typeName: 'coder_provisioner',
  schema: {
    version: 1,
    description: 'The platform of the machine running the build.',
    attributes: {
      arch: attr.string({ computed: true, description: 'CPU architecture in Go naming (amd64, arm64, armv7, 386, ...).' }),
      os: attr.string({ computed: true, description: 'Operating system in Go naming (linux, darwin, windows, ...).' }),
    },
  },
  read() {
    return { state: obj({ id: newId(), os: goOs(process.platform), arch: goArch(process.arch, hostIsLittleEndian()) }) };
  },
};
