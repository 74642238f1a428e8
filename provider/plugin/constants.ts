/**
 * Wire constants of the go-plugin handshake as Terraform and OpenTofu use it
 * (plugin-protocol.md sec. 1.2-sec. 1.6). None of these may change without breaking every client.
 */
import { version as packageVersion } from '../../package.json';

/** The provider's release version (package.json is the single source of truth). */
export const PROVIDER_VERSION: string = packageVersion;

export const BINARY_NAME = 'terraform-provider-coder';

/** Our source address as Terraform resolves `coder/coder` (TF_REATTACH_PROVIDERS key in debug mode). */
export const PROVIDER_ADDRESS = 'registry.terraform.io/coder/coder';

/** OpenTofu resolves `coder/coder` against its own registry host, so it needs this key instead. */
export const OPENTOFU_PROVIDER_ADDRESS = 'registry.opentofu.org/coder/coder';

/** hclog module name Terraform would give a Go provider of this name. */
export const LOG_MODULE = `provider.${BINARY_NAME}`;

/** Terraform's and OpenTofu's handshake cookie; the source says it must never change. */
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** go-plugin CoreProtocolVersion: field 1 of the handshake line. */
export const CORE_PROTOCOL_VERSION = 1;

export type AppProtocolVersion = 5 | 6;

/** Protocols we serve, highest first (the negotiation prefers the first one the client lists). */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly AppProtocolVersion[] = [6, 5];

/**
 * terraform-plugin-go servers raise both limits to 256 MiB; grpc-js' default 4 MiB receive limit
 * would reject large configurations and states with RESOURCE_EXHAUSTED (sec. 1.12).
 */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
