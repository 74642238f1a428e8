/**
 * Shapes of well-known credentials. A literal of one of these shapes in a template's files is a
 * secret committed to the repository (and pushed into Coder's database with the template).
 *
 * Each pattern is anchored on a distinctive prefix or structure so that ordinary text does not
 * match; findings name the kind of credential, never the text.
 */

export interface CredentialKind {
  readonly id: string;
  /** What the report calls it. */
  readonly name: string;
  readonly pattern: RegExp;
}

export const CREDENTIAL_KINDS: readonly CredentialKind[] = [
  { id: 'private-key', name: 'a private key', pattern: /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----/ },
  { id: 'aws-access-key-id', name: 'an AWS access key ID', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  {
    id: 'aws-secret-access-key',
    name: 'an AWS secret access key',
    pattern: /aws_?secret_?access_?key["']?\s*[=:]\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i,
  },
  { id: 'github-token', name: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/ },
  { id: 'github-fine-grained-pat', name: 'a GitHub fine-grained personal access token', pattern: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/ },
  { id: 'gitlab-token', name: 'a GitLab personal access token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { id: 'slack-token', name: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { id: 'slack-webhook', name: 'a Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/ },
  { id: 'google-api-key', name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  { id: 'stripe-secret-key', name: 'a Stripe secret key', pattern: /\b[rs]k_live_[0-9A-Za-z]{24,}/ },
  { id: 'anthropic-api-key', name: 'an Anthropic API key', pattern: /\bsk-ant-[A-Za-z0-9_-]{32,}/ },
  { id: 'openai-api-key', name: 'an OpenAI API key', pattern: /\bsk-(proj-|svcacct-)?[A-Za-z0-9_-]{20}T3BlbkFJ[A-Za-z0-9_-]{20,}|\bsk-proj-[A-Za-z0-9_-]{40,}/ },
  { id: 'npm-token', name: 'an npm access token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { id: 'vault-token', name: 'a HashiCorp Vault token', pattern: /\bhv[sb]\.[A-Za-z0-9_-]{24,}/ },
  { id: 'docker-hub-pat', name: 'a Docker Hub access token', pattern: /\bdckr_pat_[A-Za-z0-9_-]{27,}/ },
  { id: 'huggingface-token', name: 'a Hugging Face token', pattern: /\bhf_[A-Za-z]{34,}\b/ },
  { id: 'twilio-api-key', name: 'a Twilio API key SID', pattern: /\bSK[0-9a-f]{32}\b/ },
  { id: 'azure-storage-key', name: 'an Azure storage account key', pattern: /AccountKey=[A-Za-z0-9+/]{80,}={0,2}/ },
  { id: 'jwt', name: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
];

export interface CredentialMatch {
  readonly kind: CredentialKind;
  /** 0-based offset of the match in the text. */
  readonly offset: number;
  readonly length: number;
}

/** Every credential-shaped literal in a text, in order of position. */
export function findCredentials(text: string): CredentialMatch[] {
  const out: CredentialMatch[] = [];
  for (const kind of CREDENTIAL_KINDS) {
    const re = new RegExp(kind.pattern.source, kind.pattern.flags.includes('g') ? kind.pattern.flags : kind.pattern.flags + 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // A pattern may need context around the credential (a key name); the `secret` group is the credential itself.
      const inner = m.groups?.['secret'];
      const offset = inner !== undefined ? m.index + m[0].lastIndexOf(inner) : m.index;
      out.push({ kind, offset, length: inner !== undefined ? inner.length : m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  // A text matched by two kinds at the same place (e.g. an OpenAI and a generic shape) counts once.
  out.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const kept: CredentialMatch[] = [];
  for (const m of out) {
    const last = kept[kept.length - 1];
    if (!last || m.offset >= last.offset + last.length) kept.push(m);
  }
  return kept;
}

/** Whether a value looks like a credential (used to keep the preview from printing one). */
export function looksLikeCredential(value: string): boolean {
  return findCredentials(value).length > 0;
}
