/**
 * Diagnostics never quote a secret the provider read from its environment (provider/coder/redact.ts).
 * The end-to-end counterpart, through real tofu and next to the Go provider, is
 * test/e2e/secret-safety.test.ts.
 */
import { createCoderProvider } from '../../../provider/coder/provider';
import { REDACTED, isSensitiveEnvName, redactDiagnostics, redactionNeedles, sensitiveEnvValues } from '../../../provider/coder/redact';
import { ResourceDriver } from './resource_harness';

const call = { signal: new AbortController().signal };
const TOKEN = 'sess-7f3a9c1e5b';

describe('which variables hold secrets', () => {
  it.each([
    'CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY',
    'CODER_WORKSPACE_OWNER_SESSION_TOKEN',
    'CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN',
    'CODER_SECRET_ENV_GITHUB_TOKEN',
    'CODER_SECRET_FILE_7e2f2e6e706d7263',
    'CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github',
    'CODER_RUNNING_WORKSPACE_AGENT_TOKEN_e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ])('%s is sensitive', (name) => expect(isSensitiveEnvName(name)).toBe(true));

  it.each(['CODER_WORKSPACE_OWNER_NAME', 'CODER_AGENT_URL', 'CODER_PARAMETER_abc', 'CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY'])('%s is not', (name) =>
    expect(isSensitiveEnvName(name)).toBe(false),
  );

  it('collects only the sensitive values that are set', () => {
    expect(sensitiveEnvValues({ CODER_WORKSPACE_OWNER_SESSION_TOKEN: TOKEN, CODER_WORKSPACE_OWNER_NAME: 'alice', CODER_SECRET_ENV_X: undefined })).toEqual([TOKEN]);
  });
});

describe('redaction', () => {
  it('replaces the value, its Go-quoted form and each line of a multi-line value', () => {
    const key = '-----BEGIN KEY-----\nc2VjcmV0LWJvZHk="\n-----END KEY-----';
    const needles = redactionNeedles([key]);
    const [d] = redactDiagnostics(
      [{ severity: 'error', summary: `duplicate key "-----BEGIN KEY-----\\nc2VjcmV0LWJvZHk=\\"\\n-----END KEY-----"`, detail: `line: c2VjcmV0LWJvZHk="` }],
      needles,
    );
    expect(d?.summary).toBe(`duplicate key "${REDACTED}"`);
    expect(d?.detail).toBe(`line: ${REDACTED}`);
  });

  it('leaves very short values alone rather than garbling every message', () => {
    expect(redactionNeedles(['abc', ''])).toEqual([]);
  });
});

describe('the coder provider redacts its diagnostics', () => {
  const app = new ResourceDriver('coder_app');
  const config = app.config({ agent_id: 'a', slug: 'web', icon: `http://user:${TOKEN}@localhost:bad/` });

  it('keeps an owner token out of a URL parse error and keeps the rest of the Go text', async () => {
    const server = createCoderProvider(undefined, { env: () => undefined, sensitiveEnv: { CODER_WORKSPACE_OWNER_SESSION_TOKEN: TOKEN } });
    const r = await server.validateResourceConfig({ typeName: 'coder_app', config: app.encode(config) }, call);
    expect(r.diagnostics.map((d) => d.summary)).toEqual([`parse "http://user:${REDACTED}@localhost:bad/": invalid port ":bad" after host`]);
  });

  it('quotes the input as the Go provider does when it is not one of our secrets', async () => {
    const server = createCoderProvider(undefined, { env: () => undefined, sensitiveEnv: {} });
    const r = await server.validateResourceConfig({ typeName: 'coder_app', config: app.encode(config) }, call);
    expect(r.diagnostics.map((d) => d.summary)).toEqual([`parse "http://user:${TOKEN}@localhost:bad/": invalid port ":bad" after host`]);
  });
});
