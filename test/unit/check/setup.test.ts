/** How the check sets up tofu: provider self-install, CLI config merge, lock file, versions, scenarios. */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCliConfig, chooseVersion, coderConstraints, satisfies, stripCoderFromLockFile, writeMirror } from '../../../provider/check/install';
import { Locator } from '../../../provider/check/locator';
import { defaultScenarios, loadScenarioFile, parameterEnvName, scenarioEnv, scenarioSecrets, ScenarioFileError, templateNeeds } from '../../../provider/check/scenarios';
import { scanHcl } from '../../../provider/check/hcl-scan';
import { templateDir } from './fixtures';

describe('provider version presented to the template', () => {
  test('Terraform version constraints', () => {
    expect(satisfies('2.17.0', '>= 2.0')).toBe(true);
    expect(satisfies('2.17.0', '~> 2.5')).toBe(true);
    expect(satisfies('2.17.0', '~> 2.5.0')).toBe(false);
    expect(satisfies('2.5.9', '~> 2.5.0')).toBe(true);
    expect(satisfies('2.17.0', '>= 2.0, != 2.17.0')).toBe(false);
    expect(satisfies('2.17.0', '< 2.17')).toBe(false);
    expect(satisfies('2.17.0', '2.17.0')).toBe(true);
  });

  test('2.17.0 when allowed, else a version that satisfies every constraint', () => {
    expect(chooseVersion([])).toBe('2.17.0');
    expect(chooseVersion(['>= 0.23'])).toBe('2.17.0');
    expect(chooseVersion(['~> 2.5.0'])).toBe('2.5.0');
    expect(chooseVersion(['>= 2.20'])).toBe('2.20.0');
    expect(chooseVersion(['> 3.1.0', '< 4'])).toBe('3.1.1');
  });

  test('constraints are read from required_providers in root and modules', () => {
    const dir = templateDir({
      'main.tf': 'terraform {\n  required_providers {\n    coder = {\n      source  = "coder/coder"\n      version = "~> 2.5"\n    }\n    random = { source = "hashicorp/random", version = "3.0.0" }\n  }\n}\n',
      'modules/m/versions.tf': 'terraform {\n  required_providers {\n    cdr = { source = "registry.terraform.io/coder/coder", version = ">= 2.1" }\n  }\n}\n',
    });
    expect(coderConstraints(new Locator(dir)).sort()).toEqual(['>= 2.1', '~> 2.5']);
  });
});

describe('the launcher mirror', () => {
  test('one executable per registry host, execing the given program with its arguments', () => {
    const dir = templateDir({});
    writeMirror(dir, '2.17.0', { exec: "/opt/node's/node", args: ['/x/bundle.js'] });
    for (const host of ['registry.terraform.io', 'registry.opentofu.org']) {
      const platform = fs.readdirSync(path.join(dir, host, 'coder/coder/2.17.0'))[0]!;
      const f = path.join(dir, host, 'coder/coder/2.17.0', platform, 'terraform-provider-coder_v2.17.0');
      expect(fs.statSync(f).mode & 0o111).toBe(0o111);
      expect(fs.readFileSync(f, 'utf8')).toBe(`#!/bin/sh\nexec '/opt/node'\\''s/node' '/x/bundle.js' "$@"\n`);
    }
  });
});

describe('CLI config merge', () => {
  const opts = { mirrorDir: '/run/mirror', pluginCacheDir: '/run/cache', impliedMirrors: ['/home/u/.terraform.d/plugins'] };

  test('no user config: our mirror for coder/coder, implied mirrors and direct for the rest', () => {
    const { text } = buildCliConfig(opts);
    const hcl = scanHcl(text);
    const pi = hcl.blocks.find((b) => b.type === 'provider_installation')!;
    expect(pi.blocks.map((b) => b.type)).toEqual(['filesystem_mirror', 'filesystem_mirror', 'direct']);
    expect(text).toContain('path    = "/run/mirror"\n    include = ["registry.terraform.io/coder/coder", "registry.opentofu.org/coder/coder"]');
    expect(text).toMatch(/direct \{\n    exclude = \["registry\.terraform\.io\/coder\/coder", "registry\.opentofu\.org\/coder\/coder"\]/);
    expect(text).toContain('plugin_cache_dir = "/run/cache"');
  });

  test('the user\'s own config: kept, coder/coder excluded from each of their methods, their cache replaced', () => {
    const user = `plugin_cache_dir = "/home/u/.cache/tf"
credentials "app.terraform.io" {
  token = "keep-me"
}
provider_installation {
  network_mirror {
    url     = "https://mirror.example.com/"
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
  filesystem_mirror {
    path = "/opt/providers"
  }
  dev_overrides {
    "coder/coder" = "/home/u/go/bin"
    "acme/thing"  = "/home/u/thing"
  }
  direct {}
}
`;
    const { text } = buildCliConfig({ ...opts, userText: user });
    expect(text).toContain('credentials "app.terraform.io" {\n  token = "keep-me"\n}');
    expect(text).not.toContain('/home/u/.cache/tf');
    expect(text).not.toContain('/home/u/go/bin');
    expect(text).toContain('"acme/thing"  = "/home/u/thing"');
    const pi = scanHcl(text).blocks.find((b) => b.type === 'provider_installation')!;
    expect(pi.blocks.map((b) => b.type)).toEqual(['filesystem_mirror', 'network_mirror', 'filesystem_mirror', 'dev_overrides', 'direct']);
    expect(text).toContain('exclude = ["registry.terraform.io/coder/coder", "registry.opentofu.org/coder/coder", "registry.terraform.io/hashicorp/*"]');
    expect(text.match(/exclude = \["registry\.terraform\.io\/coder\/coder", "registry\.opentofu\.org\/coder\/coder"\]/g)).toHaveLength(2);
    expect(scanHcl(text).attributes.filter((a) => a.name === 'plugin_cache_dir')).toHaveLength(1);
  });

  test('lock file: coder/coder entries go, others stay', () => {
    const lock = `provider "registry.opentofu.org/coder/coder" {\n  version = "2.5.3"\n  hashes = ["h1:x="]\n}\n\nprovider "registry.opentofu.org/hashicorp/random" {\n  version = "3.7.2"\n}\n`;
    const out = stripCoderFromLockFile(lock);
    expect(out).not.toContain('coder/coder');
    expect(out).toContain('provider "registry.opentofu.org/hashicorp/random" {\n  version = "3.7.2"\n}');
  });
});

describe('scenarios', () => {
  const dir = templateDir({
    'main.tf': `data "coder_secret" "gh" {
  env          = "GITHUB_TOKEN"
  help_message = "x"
}
data "coder_secret" "npmrc" {
  file         = "~/.npmrc"
  help_message = "x"
}
data "coder_external_auth" "github" {
  id = "github"
}
data "coder_parameter" "region" {
  name = "region"
  option {
    name  = "EU"
    value = "eu"
  }
}
data "coder_parameter" "cpu" {
  name = "cpu"
  type = "number"
  validation {
    min = 2
    max = 8
  }
}
data "coder_parameter" "repo" {
  name = "repo"
  validation {
    regex = "^https://"
  }
}
data "coder_parameter" "image" {
  name    = "image"
  default = "ubuntu"
}
variable "namespace" {
  type = string
}
variable "tags" {
  type = list(string)
}
`,
  });
  const needs = templateNeeds(new Locator(dir));
  const hash = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');

  test('what the template needs from a build', () => {
    expect(needs.secretEnvs).toEqual(['GITHUB_TOKEN']);
    expect(needs.secretFiles).toEqual(['~/.npmrc']);
    expect(needs.externalAuthIds).toEqual(['github']);
    expect([...needs.requiredParameters]).toEqual([
      ['region', 'eu'],
      ['cpu', '2'],
      ['repo', undefined],
    ]);
    expect([...needs.requiredVariables]).toEqual([
      ['namespace', 'check-placeholder-variable-namespace'],
      ['tags', undefined],
    ]);
  });

  test('the default scenarios and the environment Coder\'s provisioner sets for them', () => {
    const [start, stop, destroy, prebuild] = defaultScenarios(needs, 'tpl');
    expect([start, stop, destroy, prebuild].map((s) => `${s!.name}:${s!.transition}:${s!.prebuild}`)).toEqual(['start:start:false', 'stop:stop:false', 'destroy:destroy:false', 'prebuild:start:true']);
    const host = { PATH: '/bin', CODER_URL: 'postgres://leak', CODER_DONT_PASS: '1', TF_LOG: 'x' };
    const env = scenarioEnv(start!, host);
    expect(env['CODER_URL']).toBeUndefined();
    expect(env['CODER_DONT_PASS']).toBeUndefined();
    expect(env['PATH']).toBe('/bin');
    expect(env['CODER_WORKSPACE_TRANSITION']).toBe('start');
    expect(env['CODER_WORKSPACE_BUILD_ID']).toMatch(/^[0-9a-f-]{36}$/);
    expect(env['CODER_WORKSPACE_TEMPLATE_NAME']).toBe('tpl');
    expect(env[`CODER_PARAMETER_${hash('region')}`]).toBe('eu');
    expect(env[`CODER_PARAMETER_${hash('cpu')}`]).toBe('2');
    expect(env[`CODER_PARAMETER_${hash('repo')}`]).toBeUndefined();
    expect(env[`CODER_PARAMETER_${hash('image')}`]).toBeUndefined();
    expect(env['CODER_SECRET_ENV_GITHUB_TOKEN']).toBeTruthy();
    expect(env[`CODER_SECRET_FILE_${Buffer.from('~/.npmrc').toString('hex')}`]).toBeTruthy();
    expect(env['CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github']).toBeTruthy();
    expect(env['CODER_AGENT_SCRIPT_linux_amd64']).toContain('${ACCESS_URL}');
    expect(JSON.parse(env['CODER_WORKSPACE_OWNER_GROUPS']!)).toEqual(['Everyone']);
    expect(start!.synthesized).toEqual(new Set(['region', 'cpu']));
    expect(start!.variables).toEqual({ namespace: 'check-placeholder-variable-namespace' });

    // Secrets reach start plans only; stop and destroy carry the start's values as previous values.
    const stopEnv = scenarioEnv(stop!, {});
    expect(Object.keys(stopEnv).filter((k) => k.startsWith('CODER_SECRET_'))).toEqual([]);
    expect(stopEnv[parameterEnvName('region', true)]).toBe('eu');
    expect(scenarioEnv(destroy!, {})['CODER_WORKSPACE_TRANSITION']).toBe('destroy');

    // The prebuild: owned by Coder's prebuilds system user.
    const pEnv = scenarioEnv(prebuild!, {});
    expect(pEnv['CODER_WORKSPACE_IS_PREBUILD']).toBe('true');
    expect(pEnv['CODER_WORKSPACE_OWNER_ID']).toBe('c42fdf75-3097-471c-8c33-fb52454d81c0');
    expect(pEnv['CODER_WORKSPACE_OWNER']).toBe('prebuilds');
    expect(scenarioSecrets(start!)).toContain(env['CODER_SECRET_ENV_GITHUB_TOKEN']);
  });

  test('a scenario file: defaults, placeholders on or off, owner fields, task, variables', () => {
    const file = path.join(templateDir({}), 's.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        defaults: { owner: { name: 'bob', groups: ['admins'] }, parameters: { region: 'us' } },
        scenarios: [
          { name: 'bob-start', secrets: { env: { GITHUB_TOKEN: 'real' } }, task: { id: 't', prompt: 'p' }, variables: { namespace: 'dev', tags: ['a'] } },
          { name: 'bare', transition: 'stop', placeholders: false, prebuildClaim: true },
        ],
      }),
    );
    const [a, b] = loadScenarioFile(file, needs, 'tpl');
    const ea = scenarioEnv(a!, {});
    expect(ea['CODER_WORKSPACE_OWNER']).toBe('bob');
    expect(ea['CODER_WORKSPACE_OWNER_GROUPS']).toBe('["admins"]');
    expect(ea['CODER_SECRET_ENV_GITHUB_TOKEN']).toBe('real');
    expect(ea[`CODER_SECRET_FILE_${Buffer.from('~/.npmrc').toString('hex')}`]).toBe('check-placeholder-secret-file');
    expect(ea[parameterEnvName('region')]).toBe('us');
    expect(ea[parameterEnvName('cpu')]).toBe('2');
    expect(ea['CODER_TASK_ID']).toBe('t');
    expect(a!.variables).toEqual({ namespace: 'dev', tags: '["a"]' });
    const eb = scenarioEnv(b!, {});
    expect(eb['CODER_WORKSPACE_TRANSITION']).toBe('stop');
    expect(eb['CODER_WORKSPACE_IS_PREBUILD_CLAIM']).toBe('true');
    expect(eb['CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github']).toBeUndefined();
    expect(eb[parameterEnvName('cpu')]).toBeUndefined();
  });

  test('scenario file errors name the problem without echoing values', () => {
    const bad = (content: unknown): string => {
      const file = path.join(templateDir({}), 's.json');
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      try {
        loadScenarioFile(file, needs, 'tpl');
      } catch (err) {
        expect(err).toBeInstanceOf(ScenarioFileError);
        return (err as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(bad('{ not json')).toContain('not valid JSON');
    expect(bad({ scenarios: [{ transition: 'delete' }] })).toContain('transition must be start, stop or destroy');
    expect(bad({ scenarios: [{ name: 'a' }, { name: 'a' }] })).toContain('two scenarios are named "a"');
    expect(bad({ scenarios: [{ env: { CODER_WORKSPACE_OWNER: 'x' } }] })).toContain('CODER_* variables come from the scenario');
    expect(bad({ scenarios: [{ secrets: { env: { T: { v: 'hunter2-secret' } } } }] })).not.toContain('hunter2');
  });
});
