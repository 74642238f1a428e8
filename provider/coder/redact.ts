/**
 * Keeps the secrets this provider reads from its environment out of the diagnostics it returns.
 *
 * Some diagnostics quote the offending input (Go-compatible texts such as `duplicate resource
 * metadata key "..."` or a URL parse error). Terraform prints diagnostic texts verbatim, without
 * the sensitivity marks it keeps on values, so when that input came from one of our sensitive
 * attributes (an owner token, a coder_secret, an external-auth token, a prebuild agent token) the
 * Go provider prints the secret. We replace every occurrence of such a value with
 * "(sensitive value)", the words Terraform itself uses. Secrets from elsewhere (sensitive
 * variables, other providers) are unknown to a provider: the protocol carries no marks.
 */
import type { Diagnostic, ProviderServer } from '../protocol/interface';
import { goQuote } from '../framework/go/quote';

export const REDACTED = '(sensitive value)';

/** Shorter values are not redacted: replacing every "abc" would wreck messages for no gain. */
export const MIN_REDACTED_LENGTH = 4;

const FIXED = ['CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY', 'CODER_WORKSPACE_OWNER_SESSION_TOKEN', 'CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN'];
const PREFIXES = ['CODER_SECRET_ENV_', 'CODER_SECRET_FILE_', 'CODER_EXTERNAL_AUTH_ACCESS_TOKEN_', 'CODER_RUNNING_WORKSPACE_AGENT_TOKEN_'];

/** The variables whose values become sensitive attributes of our data sources and resources. */
export const isSensitiveEnvName = (name: string): boolean => FIXED.includes(name) || PREFIXES.some((p) => name.startsWith(p));

/**
 * The strings to redact for these values: each value, its Go-quoted form (how `%q` echoes it)
 * and, for multi-line values such as private keys, each line. Longest first, so a value wins
 * over a line of it.
 */
export function redactionNeedles(values: Iterable<string>): string[] {
  const out = new Set<string>();
  const add = (s: string): void => {
    if (s.length >= MIN_REDACTED_LENGTH) out.add(s);
  };
  for (const v of values) {
    add(v);
    add(goQuote(v).slice(1, -1));
    if (v.includes('\n')) for (const line of v.split(/\r?\n/)) add(line.trim());
  }
  return [...out].sort((a, b) => b.length - a.length);
}

export function sensitiveEnvValues(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([k, v]) => isSensitiveEnvName(k) && typeof v === 'string')
    .map(([, v]) => v as string);
}

export function redactText(text: string, needles: readonly string[]): string {
  let out = text;
  for (const n of needles) if (out.includes(n)) out = out.split(n).join(REDACTED);
  return out;
}

export function redactDiagnostics(diags: readonly Diagnostic[], needles: readonly string[]): Diagnostic[] {
  return diags.map((d) => {
    const summary = redactText(d.summary, needles);
    const detail = d.detail === undefined ? undefined : redactText(d.detail, needles);
    if (summary === d.summary && detail === d.detail) return d;
    return detail === undefined ? { ...d, summary } : { ...d, summary, detail };
  });
}

/** Wraps a server so that every response's diagnostics are redacted. */
export function withRedactedDiagnostics(server: ProviderServer, needles: readonly string[]): ProviderServer {
  if (needles.length === 0) return server;
  return new Proxy(server, {
    get(target, prop, receiver) {
      const member = Reflect.get(target, prop, receiver) as unknown;
      if (typeof member !== 'function') return member;
      return async (...args: unknown[]) => {
        const res = (await (member as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as unknown;
        if (res && typeof res === 'object' && Array.isArray((res as { diagnostics?: unknown }).diagnostics)) {
          const r = res as { diagnostics: Diagnostic[] };
          const diagnostics = redactDiagnostics(r.diagnostics, needles);
          // Unchanged answers pass through as they are: copying every response cost time, and a
          // fresh object also defeated the protocol layer's once-only encoding of the schema.
          if (diagnostics.every((d, i) => d === r.diagnostics[i])) return res;
          return { ...r, diagnostics };
        }
        return res;
      };
    },
  });
}
