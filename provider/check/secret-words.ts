/**
 * Does a name or a sentence talk about a secret? Used for parameters, variables and environment
 * variable names. Words are split on `_`, `-`, `.`, spaces and camelCase, so `GITHUB_TOKEN`,
 * `githubToken`, "your GitHub token" and `github-token` all read as [github, token].
 *
 * Deliberately narrow: "key" alone, "tokens" (LLM token limits) and anything "public" are not
 * secrets; a key is a secret when it is an API, access, secret, private, SSH, auth, license,
 * signing, deploy, encryption or service-account key.
 */

const STRONG = new Set(['password', 'passwd', 'passphrase', 'secret', 'secrets', 'token', 'credential', 'credentials', 'apikey', 'privatekey', 'pat']);
const KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'ssh', 'auth', 'license', 'licence', 'signing', 'deploy', 'encryption', 'account', 'client']);
const NOT_SECRET = new Set(['public', 'pubkey']);

/** Lower-case words of an identifier or a sentence. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The secret-ish word found in `text`, e.g. "token" or "api key", or undefined. */
export function secretWord(text: string | undefined, opts: { allowPat?: boolean } = {}): string | undefined {
  if (!text) return undefined;
  const w = words(text);
  if (w.some((x) => NOT_SECRET.has(x))) return undefined;
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    if (x === 'pat' && !opts.allowPat) continue;
    if (STRONG.has(x)) return x;
    if ((x === 'key' || x === 'keys') && i > 0 && KEY_QUALIFIERS.has(w[i - 1]!)) return `${w[i - 1]} key`;
  }
  return undefined;
}

/** Credential prefixes that, written into a validation regex, say the parameter expects a secret. */
const CREDENTIAL_PREFIXES = ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'glpat-', 'akia', 'asia', 'xox', 'sk-', 'sk_live', 'rk_live', 'aiza', 'npm_', 'hvs.', 'dckr_pat_', 'hf_', '-----begin'];

/** A credential prefix mentioned by a validation regex, e.g. `^ghp_[A-Za-z0-9]{36}$` -> "ghp_". */
export function credentialPrefixIn(regex: string | undefined): string | undefined {
  if (!regex) return undefined;
  const flat = regex.toLowerCase().replace(/\\/g, '');
  return CREDENTIAL_PREFIXES.find((p) => flat.includes(p));
}
