/**
 * Application protocol negotiation, as go-plugin's server `protocolVersion()` does it (sec. 1.4).
 */
import { SUPPORTED_PROTOCOL_VERSIONS, type AppProtocolVersion } from './constants';

export interface ProtocolChoice {
  readonly version: AppProtocolVersion;
  /** Entries that were not integers (go-plugin reports and skips them). */
  readonly invalid: readonly string[];
  /** False when the client listed none of ours: we still answer, the client reports the mismatch. */
  readonly matched: boolean;
}

/**
 * `PLUGIN_PROTOCOL_VERSIONS` is a comma-separated SET in random order (Terraform builds it from a
 * Go map), so take the highest version we support that appears anywhere in it. With no overlap
 * (or no variable) answer with our lowest, like go-plugin, so the client prints its own
 * "Incompatible API version" error instead of us failing silently.
 */
export function chooseProtocolVersion(envValue: string | undefined, maxVersion?: string): ProtocolChoice {
  const offered = new Set<number>();
  const invalid: string[] = [];
  for (const raw of (envValue ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (/^[+-]?\d+$/.test(entry)) offered.add(Number(entry));
    else invalid.push(entry);
  }
  const cap = parseMaxProtocol(maxVersion);
  const best = SUPPORTED_PROTOCOL_VERSIONS.find((v) => offered.has(v) && v <= cap);
  if (best !== undefined) return { version: best, invalid, matched: true };
  const lowest = SUPPORTED_PROTOCOL_VERSIONS[SUPPORTED_PROTOCOL_VERSIONS.length - 1] as AppProtocolVersion;
  return { version: lowest, invalid, matched: false };
}

/** The variable that caps the negotiated protocol (e.g. 5 to run a tofu that offers 6 on 5). */
export const MAX_PROTOCOL_ENV = 'TF_PROVIDER_CODER_MAX_PROTOCOL';

/**
 * Users (and our tests) can pin protocol 5 with TF_PROVIDER_CODER_MAX_PROTOCOL=5: tofu passes its
 * environment to the plugin, so this reaches us without any client support. Anything that is not
 * a version we serve is ignored.
 */
function parseMaxProtocol(raw: string | undefined): number {
  const n = Number((raw ?? '').trim());
  return SUPPORTED_PROTOCOL_VERSIONS.includes(n as AppProtocolVersion) ? n : Number.POSITIVE_INFINITY;
}
