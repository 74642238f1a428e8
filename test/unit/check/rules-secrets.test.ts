/** Secret-hygiene rules on synthetic plans: tofu's sensitivity marks and configuration references. */
import { Locator } from '../../../provider/check/locator';
import { credentialLiterals } from '../../../provider/check/rules/credential-literals';
import { secretInApp, secretInScript } from '../../../provider/check/rules/secret-embedded';
import { metadataNotSensitive } from '../../../provider/check/rules/secret-metadata';
import { parameterLooksSecret } from '../../../provider/check/rules/secret-parameters';
import { variableNotSensitive } from '../../../provider/check/rules/secret-variables';
import { keys, lit, ref, ruleContext, templateDir } from './fixtures';

describe('secret/metadata-not-sensitive', () => {
  const tf = `resource "coder_metadata" "m" {
  resource_id = terraform_data.host.id
  item {
    key   = "owner"
    value = data.coder_workspace_owner.me.name
  }
  item {
    key   = "token"
    value = data.coder_workspace_owner.me.session_token
  }
  item {
    key       = "hidden"
    value     = random_password.db.result
    sensitive = true
  }
}
`;
  const owner = { address: 'data.coder_workspace_owner.me', values: { name: 'alice', session_token: 's' }, sensitive: { session_token: true } };

  test('tofu\'s mark on an item value without sensitive = true: error at the value line, naming the source', () => {
    const ctx = ruleContext({ 'main.tf': tf }, {
      resources: [
        owner,
        {
          address: 'coder_metadata.m',
          values: { item: [{ key: 'owner', value: 'alice', sensitive: false }, { key: 'token', value: 's', sensitive: false }, { key: 'hidden', sensitive: true }] },
          sensitive: { item: [{}, { value: true }, { value: true }] },
          expressions: {
            item: [
              { key: lit('owner'), value: ref('data.coder_workspace_owner.me.name', 'data.coder_workspace_owner.me') },
              { key: lit('token'), value: ref('data.coder_workspace_owner.me.session_token', 'data.coder_workspace_owner.me') },
              { key: lit('hidden'), value: ref('random_password.db.result', 'random_password.db'), sensitive: lit(true) },
            ],
          },
        },
      ],
    });
    const f = metadataNotSensitive.check(ctx);
    expect(keys(f)).toEqual(['secret/metadata-not-sensitive@main.tf:9']);
    expect(f[0]!.message).toContain('data.coder_workspace_owner.me.session_token');
  });

  test('a sensitive source without tofu\'s mark (e.g. an unknown value) is still found through the reference', () => {
    const ctx = ruleContext({ 'main.tf': tf }, {
      resources: [
        owner,
        {
          address: 'coder_metadata.m',
          values: { item: [{ key: 'owner', value: 'alice', sensitive: false }, { key: 'token', sensitive: false }] },
          expressions: { item: [{ value: ref('data.coder_workspace_owner.me.name') }, { value: ref('data.coder_workspace_owner.me.session_token') }] },
        },
      ],
    });
    expect(keys(metadataNotSensitive.check(ctx))).toEqual(['secret/metadata-not-sensitive@main.tf:9']);
  });

  test('dynamic item blocks point at the content value', () => {
    const dyn = `resource "coder_metadata" "m" {
  resource_id = x
  dynamic "item" {
    for_each = local.items
    content {
      key   = item.key
      value = item.value
    }
  }
}
`;
    const ctx = ruleContext({ 'main.tf': dyn }, {
      resources: [{ address: 'coder_metadata.m', values: { item: [{ key: 'user', value: 'u', sensitive: false }, { key: 'pw', sensitive: false }] }, sensitive: { item: [{}, { value: true }] } }],
    });
    const f = metadataNotSensitive.check(ctx);
    expect(keys(f)).toEqual(['secret/metadata-not-sensitive@main.tf:7']);
    expect(f[0]!.message).toContain('"pw"');
  });
});

describe('secret/in-script and secret/in-app', () => {
  const tf = `resource "coder_agent" "main" {
  os             = "linux"
  startup_script = <<-EOT
    echo start
    vault login \${var.vault_token}
  EOT
  metadata {
    key    = "a"
    script = "true"
  }
  metadata {
    key    = "b"
    script = "curl -H 'token: \${var.vault_token}' x"
  }
}

resource "coder_script" "s" {
  script = local.script
}

resource "coder_app" "app" {
  url     = "http://x/?t=\${data.coder_external_auth.gh.access_token}"
  command = "echo ok"
}
`;
  const resources = [
    { address: 'data.coder_external_auth.gh', values: { access_token: 't' }, sensitive: { access_token: true } },
    {
      address: 'coder_agent.main',
      values: { startup_script: 'x', metadata: [{ key: 'a', script: 'true' }, { key: 'b', script: 'y' }] },
      sensitive: { startup_script: true, metadata: [{}, { script: true }] },
      expressions: { startup_script: ref('var.vault_token'), metadata: [{ script: lit('true') }, { script: ref('var.vault_token') }] },
    },
    // Only tofu's mark (the secret came through a local): still found, at the attribute line.
    { address: 'coder_script.s', values: { script: 'z' }, sensitive: { script: true }, expressions: { script: ref('local.script') } },
    {
      address: 'coder_app.app',
      values: { url: 'http://x/?t=t', command: 'echo ok' },
      sensitive: { url: true },
      expressions: { url: ref('data.coder_external_auth.gh.access_token', 'data.coder_external_auth.gh'), command: lit('echo ok') },
    },
  ];
  const variables = { vault_token: { sensitive: true } };

  test('scripts: the interpolation line inside a heredoc, the n-th metadata script, a coder_script', () => {
    const ctx = ruleContext({ 'main.tf': tf }, { resources, variables });
    const f = secretInScript.check(ctx);
    expect(keys(f).sort()).toEqual(['secret/in-script@main.tf:13', 'secret/in-script@main.tf:18', 'secret/in-script@main.tf:5'].sort());
    expect(f.find((x) => x.location.line === 13)!.message).toContain('metadata script #2');
    expect(f.find((x) => x.location.line === 5)!.message).toContain('var.vault_token');
  });

  test('apps: the URL with an access token; a plain command is fine', () => {
    const ctx = ruleContext({ 'main.tf': tf }, { resources, variables });
    const f = secretInApp.check(ctx);
    expect(keys(f)).toEqual(['secret/in-app@main.tf:22']);
    expect(f[0]!.message).toContain('data.coder_external_auth.gh.access_token');
  });

  test('nothing sensitive: nothing reported', () => {
    const ctx = ruleContext({ 'main.tf': tf }, {
      resources: [{ address: 'coder_agent.main', values: { startup_script: 'echo', metadata: [] }, expressions: { startup_script: ref('var.vault_token') } }],
      variables: { vault_token: { sensitive: false } },
    });
    expect(secretInScript.check(ctx)).toEqual([]);
  });
});

describe('secret/parameter-looks-secret', () => {
  const tf = `data "coder_parameter" "p" {
  name        = "x"
  description = "d"
  validation {
    regex = "r"
  }
}
`;
  const check = (values: Record<string, unknown>): string[] =>
    keys(parameterLooksSecret.check(ruleContext({ 'main.tf': tf }, { resources: [{ address: 'data.coder_parameter.p', values: values as never }] })));

  test('by name, description, validation regex; pointing at the attribute that says so', () => {
    expect(check({ name: 'github_token' })).toEqual(['secret/parameter-looks-secret@main.tf:2']);
    expect(check({ name: 'gitPAT' })).toEqual(['secret/parameter-looks-secret@main.tf:2']);
    expect(check({ name: 'registry', description: 'Your registry password' })).toEqual(['secret/parameter-looks-secret@main.tf:3']);
    expect(check({ name: 'deploy', description: 'The deploy key for the repo' })).toEqual(['secret/parameter-looks-secret@main.tf:3']);
    expect(check({ name: 'gh', validation: [{ regex: '^ghp_[A-Za-z0-9]{36}$', error: '' }] })).toEqual(['secret/parameter-looks-secret@main.tf:5']);
  });

  test('ordinary parameters are left alone (token limits, public keys, keyboard layouts)', () => {
    expect(check({ name: 'max_tokens', description: 'Maximum tokens per answer' })).toEqual([]);
    expect(check({ name: 'ssh_public_key', description: 'Your public SSH key' })).toEqual([]);
    expect(check({ name: 'keyboard', description: 'Keyboard layout key map' })).toEqual([]);
    expect(check({ name: 'region', validation: [{ regex: '^(eu|us)$' }] })).toEqual([]);
  });
});

describe('secret/variable-not-sensitive', () => {
  const tf = `variable "github_token" {
  type = string
}

variable "plain" {
  type = string
}

variable "described" {
  description = "API key for the metrics service"
}

variable "safe" {
  type      = string
  sensitive = true
}

resource "coder_agent" "main" {
  env = {
    EDITOR    = "vim"
    NPM_TOKEN = var.plain
  }
}
`;

  test('by name, by description, by flowing into a secret-named env entry; sensitive ones are fine', () => {
    const ctx = ruleContext({ 'main.tf': tf }, {
      variables: { github_token: {}, plain: {}, described: { description: 'API key for the metrics service' }, safe: { sensitive: true } },
      resources: [{ address: 'coder_agent.main', values: { env: { EDITOR: 'vim', NPM_TOKEN: 'x' } }, expressions: { env: ref('var.plain') } }],
    });
    const f = variableNotSensitive.check(ctx);
    expect(keys(f).sort()).toEqual(['secret/variable-not-sensitive@main.tf:1', 'secret/variable-not-sensitive@main.tf:5', 'secret/variable-not-sensitive@main.tf:9'].sort());
    expect(f.find((x) => x.location.line === 5)!.message).toContain('NPM_TOKEN in the env of coder_agent.main');
  });

  test('flowing into a coder_env with a secret name, a sensitive metadata item, a schema-sensitive argument, a sensitive module variable', () => {
    const vars = `variable "a" {}\n\nvariable "b" {}\n\nvariable "c" {}\n\nvariable "d" {}\n`;
    const ctx = ruleContext({ 'main.tf': vars }, {
      variables: { a: {}, b: {}, c: {}, d: {} },
      modules: { db: { variables: { password: { sensitive: true } }, callExpressions: { password: ref('var.d') } } },
      resources: [
        { address: 'coder_env.e', values: { name: 'DB_PASSWORD', value: 'x' }, expressions: { value: ref('var.a') } },
        { address: 'coder_metadata.m', values: { item: [{ key: 'k', value: 'v', sensitive: true }] }, expressions: { item: [{ value: ref('var.b') }] } },
        { address: 'aws_db_instance.db', values: { password: 'x' }, sensitive: { password: true }, expressions: { password: ref('var.c') } },
      ],
    });
    const f = variableNotSensitive.check(ctx);
    expect(keys(f).sort()).toEqual(['secret/variable-not-sensitive@main.tf:1', 'secret/variable-not-sensitive@main.tf:3', 'secret/variable-not-sensitive@main.tf:5', 'secret/variable-not-sensitive@main.tf:7']);
    expect(f.find((x) => x.address === 'var.c')!.message).toContain('aws_db_instance.db.password, which the provider marks sensitive');
    expect(f.find((x) => x.address === 'var.d')!.message).toContain('module.db\'s sensitive variable "password"');
  });

  test('an argument that is sensitive because of another, sensitive reference does not implicate a plain variable', () => {
    const ctx = ruleContext({ 'main.tf': 'variable "user" {}\n\nvariable "pw" {\n  sensitive = true\n}\n' }, {
      variables: { user: {}, pw: { sensitive: true } },
      resources: [{ address: 'terraform_data.x', sensitive: { input: true }, expressions: { input: ref('var.user', 'var.pw') } }],
    });
    expect(variableNotSensitive.check(ctx)).toEqual([]);
  });
});

describe('secret/credential-literal', () => {
  test('every file kind, the position of the credential, the kind named, never the text', () => {
    const dir = templateDir({
      'main.tf': 'locals {\n  # old key: AKIAIOSFODNN7EXAMPLE\n  x = "fine"\n}\n',
      'terraform.tfvars': 'token = "glpat-aBcDeFgHiJkLmNoPqRsT"\n',
      'sub/extra.tf.json': '{"variable": {"k": {"default": "xoxb-1234567890-abcdefghij"}}}\n',
      '.terraform/modules/x/main.tf': 'AKIAIOSFODNN7EXAMPLE\n',
    });
    const f = credentialLiterals(new Locator(dir));
    expect(keys(f)).toEqual(['secret/credential-literal@main.tf:2', 'secret/credential-literal@sub/extra.tf.json:1', 'secret/credential-literal@terraform.tfvars:1']);
    expect(f[0]!.location.column).toBe(14);
    expect(f.map((x) => x.message).join('\n')).not.toMatch(/AKIA|glpat-|xoxb-/);
    expect(f[0]!.message).toContain('an AWS access key ID');
  });
});
