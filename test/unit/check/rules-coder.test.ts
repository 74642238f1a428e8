/** Coder's own build rules on synthetic plans: names, slugs, uniqueness, attachment, references, presets. */
import { agentNameDuplicate, agentNameInvalid, AGENT_NAME_RE } from '../../../provider/check/rules/agents';
import { appSlugDuplicate, appSlugInvalid } from '../../../provider/check/rules/apps';
import { agentNotAttached, agentRefInvalid } from '../../../provider/check/rules/attachment';
import { metadataDuplicate, metadataMisattached, metadataNotAttached } from '../../../provider/check/rules/metadata';
import { parameterNameDuplicate, presetParameterUnknown } from '../../../provider/check/rules/parameters';
import { dot, keys, lit, ref, ruleContext, STOP } from './fixtures';

const agentTf = (names: string[]): string =>
  names.map((n) => `resource "coder_agent" "${n}" {\n  os   = "linux"\n  arch = "amd64"\n}\n`).join('\n');

describe('coder/agent-name-invalid', () => {
  test('Coder\'s agent name pattern: hostname labels, any case, single hyphens', () => {
    for (const ok of ['main', 'Main', 'dev-box', 'a', '1dev', 'x1-y2-z3']) expect(AGENT_NAME_RE.test(ok)).toBe(true);
    for (const bad of ['dev_box', 'dev--box', '-dev', 'dev-', '', 'dév']) expect(AGENT_NAME_RE.test(bad)).toBe(false);
  });

  test('an underscore is reported at the resource, with the hyphenated name as a hint', () => {
    const ctx = ruleContext({ 'main.tf': agentTf(['ok', 'dev_box']) }, { resources: [{ address: 'coder_agent.ok' }, { address: 'coder_agent.dev_box' }] });
    const f = agentNameInvalid.check(ctx);
    expect(keys(f)).toEqual(['coder/agent-name-invalid@main.tf:6']);
    expect(f[0]!.message).toContain('"dev-box"');
  });

  test('an agent in a local module is reported in the module file, once for all instances', () => {
    const ctx = ruleContext(
      { 'main.tf': 'module "ws" {\n  source = "./modules/ws"\n  count  = 2\n}\n', 'modules/ws/main.tf': agentTf(['dev--box']) },
      { resources: [{ address: 'module.ws[0].coder_agent.dev--box' }, { address: 'module.ws[1].coder_agent.dev--box' }] },
    );
    expect(keys(agentNameInvalid.check(ctx))).toEqual(['coder/agent-name-invalid@modules/ws/main.tf:1']);
  });
});

describe('coder/agent-name-duplicate', () => {
  test('names equal regardless of case: the later block is reported and names the first', () => {
    const ctx = ruleContext({ 'main.tf': agentTf(['main', 'other', 'MAIN']) }, { resources: ['main', 'other', 'MAIN'].map((n) => ({ address: `coder_agent.${n}` })) });
    const f = agentNameDuplicate.check(ctx);
    expect(keys(f)).toEqual(['coder/agent-name-duplicate@main.tf:11']);
    expect(f[0]!.message).toContain('coder_agent.main (main.tf:1)');
  });

  test('count = 2 on one agent is reported at that agent', () => {
    const ctx = ruleContext({ 'main.tf': agentTf(['main']) }, { resources: [{ address: 'coder_agent.main[0]' }, { address: 'coder_agent.main[1]' }] });
    const f = agentNameDuplicate.check(ctx);
    expect(keys(f)).toEqual(['coder/agent-name-duplicate@main.tf:1']);
    expect(f[0]!.message).toContain('2 instances');
  });

  test('one module called twice: the second module call is reported', () => {
    const ctx = ruleContext(
      { 'main.tf': 'module "a" {\n  source = "./m"\n}\n\nmodule "b" {\n  source = "./m"\n}\n', 'm/main.tf': agentTf(['main']) },
      { resources: [{ address: 'module.b.coder_agent.main' }, { address: 'module.a.coder_agent.main' }] },
    );
    expect(keys(agentNameDuplicate.check(ctx))).toEqual(['coder/agent-name-duplicate@main.tf:5']);
  });

  test('distinct names: nothing', () => {
    const ctx = ruleContext({ 'main.tf': agentTf(['a', 'b']) }, { resources: [{ address: 'coder_agent.a' }, { address: 'coder_agent.b' }] });
    expect(agentNameDuplicate.check(ctx)).toEqual([]);
  });
});

const appsTf = `resource "coder_app" "one" {
  agent_id = coder_agent.main.id
  slug     = "code"
}

resource "coder_app" "two" {
  agent_id = coder_agent.other.id
  slug     = "code"
}
`;

describe('coder/app-slug-invalid and coder/app-slug-duplicate', () => {
  test('a known invalid slug is reported at its slug line; unknown slugs are skipped', () => {
    const ctx = ruleContext({ 'main.tf': appsTf }, { resources: [{ address: 'coder_app.one', values: { slug: 'Code_Server' } }, { address: 'coder_app.two', values: {} }] });
    const f = appSlugInvalid.check(ctx);
    expect(keys(f)).toEqual(['coder/app-slug-invalid@main.tf:3']);
    expect(f[0]!.message).toContain('"Code_Server"');
  });

  test('valid slugs are not reported', () => {
    const ctx = ruleContext({ 'main.tf': appsTf }, { resources: [{ address: 'coder_app.one', values: { slug: 'code-server' } }, { address: 'coder_app.two', values: { slug: 'a1' } }] });
    expect(appSlugInvalid.check(ctx)).toEqual([]);
  });

  test('the same slug on two agents is a duplicate (slugs are unique per template)', () => {
    const ctx = ruleContext({ 'main.tf': appsTf }, { resources: [{ address: 'coder_app.one', values: { slug: 'code' } }, { address: 'coder_app.two', values: { slug: 'code' } }] });
    expect(keys(appSlugDuplicate.check(ctx))).toEqual(['coder/app-slug-duplicate@main.tf:8']);
  });

  test('for_each instances with one literal slug are a duplicate', () => {
    const ctx = ruleContext({ 'main.tf': appsTf }, { resources: [{ address: 'coder_app.one["a"]', values: { slug: 'x' } }, { address: 'coder_app.one["b"]', values: { slug: 'x' } }] });
    expect(keys(appSlugDuplicate.check(ctx))).toEqual(['coder/app-slug-duplicate@main.tf:3']);
  });
});

const metaTf = `resource "terraform_data" "host" {
  input = 1
}

resource "coder_metadata" "a" {
  resource_id = terraform_data.host.id
}

resource "coder_metadata" "b" {
  resource_id = terraform_data.host.id
}
`;

describe('coder/metadata-duplicate and coder/metadata-not-attached', () => {
  test('two metadata reaching one resource: the later one is reported', () => {
    const ctx = ruleContext(
      { 'main.tf': metaTf },
      { resources: [{ address: 'terraform_data.host' }, { address: 'coder_metadata.a' }, { address: 'coder_metadata.b' }] },
      dot([
        ['coder_metadata.a', 'terraform_data.host'],
        ['coder_metadata.b', 'terraform_data.host'],
      ]),
    );
    const f = metadataDuplicate.check(ctx);
    expect(keys(f)).toEqual(['coder/metadata-duplicate@main.tf:9']);
    expect(f[0]!.message).toContain('terraform_data.host');
    expect(metadataNotAttached.check(ctx)).toEqual([]);
  });

  test('the nearest resource wins: metadata on different resources are no duplicates', () => {
    const ctx = ruleContext(
      { 'main.tf': metaTf },
      { resources: [{ address: 'terraform_data.host' }, { address: 'terraform_data.disk' }, { address: 'coder_metadata.a' }, { address: 'coder_metadata.b' }] },
      dot([
        ['coder_metadata.a', 'terraform_data.host'],
        ['coder_metadata.b', 'terraform_data.disk'],
        ['terraform_data.disk', 'terraform_data.host'],
      ]),
    );
    expect(metadataDuplicate.check(ctx)).toEqual([]);
  });

  test('walking down through coder resources and data sources to nothing: not attached', () => {
    const ctx = ruleContext(
      { 'main.tf': metaTf },
      { resources: [{ address: 'coder_agent.main' }, { address: 'data.coder_workspace.me' }, { address: 'coder_metadata.a' }] },
      dot([
        ['coder_metadata.a', 'coder_agent.main'],
        ['coder_agent.main', 'data.coder_workspace.me'],
      ]),
    );
    expect(keys(metadataNotAttached.check(ctx))).toEqual(['coder/metadata-not-attached@main.tf:6']);
  });

  test('misattached: another direct dependency with a smaller name wins over the resource_id target', () => {
    const resources = [
      { address: 'terraform_data.host' },
      { address: 'random_password.db' },
      { address: 'coder_metadata.a', expressions: { resource_id: ref('terraform_data.host.id', 'terraform_data.host') } },
    ];
    const tie = ruleContext({ 'main.tf': metaTf }, { resources }, dot([
      ['coder_metadata.a', 'terraform_data.host'],
      ['coder_metadata.a', 'random_password.db'],
    ]));
    const f = metadataMisattached.check(tie);
    expect(keys(f)).toEqual(['coder/metadata-misattached@main.tf:6']);
    expect(f[0]!.message).toContain('on random_password.db, not on terraform_data.host');
    // The host depending on the password (tofu reduces the metadata's edge): attached where named.
    const reduced = ruleContext({ 'main.tf': metaTf }, { resources }, dot([
      ['coder_metadata.a', 'terraform_data.host'],
      ['terraform_data.host', 'random_password.db'],
    ]));
    expect(metadataMisattached.check(reduced)).toEqual([]);
  });

  test('without a graph the attachment rules stay silent', () => {
    const ctx = ruleContext({ 'main.tf': metaTf }, { resources: [{ address: 'coder_metadata.a' }] });
    expect(metadataNotAttached.check(ctx)).toEqual([]);
    expect(metadataDuplicate.check(ctx)).toEqual([]);
  });
});

describe('coder/agent-not-attached', () => {
  const tf = agentTf(['main', 'side']) + '\nresource "terraform_data" "host" {\n  input = coder_agent.main.init_script\n}\n';
  const resources = [{ address: 'coder_agent.main' }, { address: 'coder_agent.side' }, { address: 'terraform_data.host' }];

  test('an agent no managed resource depends on is reported on start builds', () => {
    const ctx = ruleContext({ 'main.tf': tf }, { resources }, dot([['terraform_data.host', 'coder_agent.main']], ['coder_agent.side']));
    const f = agentNotAttached.check(ctx);
    expect(keys(f)).toEqual(['coder/agent-not-attached@main.tf:6']);
    expect(f[0]!.message).toContain('coder_agent.side');
  });

  test('depending through another node (a local, an output of a module) still attaches', () => {
    const ctx = ruleContext({ 'main.tf': tf }, { resources }, dot([
      ['terraform_data.host', 'local.boot'],
      ['local.boot', 'coder_agent.main'],
      ['terraform_data.host', 'coder_agent.side'],
    ]));
    expect(agentNotAttached.check(ctx)).toEqual([]);
  });

  test('coder_* resources and outputs are not hosts; stop builds are not checked', () => {
    const edges = [['coder_script.s', 'coder_agent.main'], ['output.x', 'coder_agent.side']] as const;
    const ctx = ruleContext({ 'main.tf': tf }, { resources: [...resources, { address: 'coder_script.s' }] }, dot(edges));
    expect(keys(agentNotAttached.check(ctx))).toEqual(['coder/agent-not-attached@main.tf:1', 'coder/agent-not-attached@main.tf:6']);
    const stop = ruleContext({ 'main.tf': tf }, { resources }, dot(edges), STOP);
    expect(agentNotAttached.check(stop)).toEqual([]);
  });

  test('a host with count = 0 in this plan does not count', () => {
    const ctx = ruleContext({ 'main.tf': tf }, { resources: resources.slice(0, 1) }, dot([['terraform_data.host', 'coder_agent.main']]));
    expect(keys(agentNotAttached.check(ctx))).toEqual(['coder/agent-not-attached@main.tf:1']);
  });
});

describe('coder/agent-ref-invalid', () => {
  const tf = `resource "coder_env" "e" {
  agent_id = "main"
}

resource "coder_app" "a" {
  agent_id = coder_agent.main.token
}

resource "coder_script" "s" {
  agent_id = terraform_data.vol.id
}

resource "coder_devcontainer" "d" {
  agent_id = local.agent
}

resource "coder_env" "ok" {
  agent_id = coder_agent.main.id
}
`;

  test('a fixed string, another attribute of the agent, another resource\'s id, a local leading to no agent', () => {
    const ctx = ruleContext(
      { 'main.tf': tf },
      {
        resources: [
          { address: 'coder_agent.main' },
          { address: 'coder_env.e', values: { agent_id: 'main' }, expressions: { agent_id: lit('main') } },
          { address: 'coder_app.a', expressions: { agent_id: ref('coder_agent.main.token', 'coder_agent.main') } },
          { address: 'coder_script.s', expressions: { agent_id: ref('terraform_data.vol.id', 'terraform_data.vol') } },
          { address: 'coder_devcontainer.d', expressions: { agent_id: ref('local.agent') } },
          { address: 'coder_env.ok', expressions: { agent_id: ref('coder_agent.main.id', 'coder_agent.main') } },
        ],
      },
      dot([
        ['coder_devcontainer.d', 'local.agent'],
        ['local.agent', 'terraform_data.vol'],
        ['coder_env.ok', 'coder_agent.main'],
      ]),
    );
    const f = agentRefInvalid.check(ctx);
    expect(keys(f).sort()).toEqual(['coder/agent-ref-invalid@main.tf:14', 'coder/agent-ref-invalid@main.tf:2', 'coder/agent-ref-invalid@main.tf:6', 'coder/agent-ref-invalid@main.tf:10'].sort());
    expect(f.find((x) => x.address === 'coder_app.a')!.message).toContain('is coder_agent.main.token, not coder_agent.main.id');
    expect(f.find((x) => x.address === 'coder_env.e')!.message).toContain('fixed value "main"');
  });

  test('through a variable or module output that leads to an agent: accepted; indexed agent ids too', () => {
    const ctx = ruleContext(
      { 'main.tf': tf },
      {
        resources: [
          { address: 'coder_agent.main[0]' },
          { address: 'coder_devcontainer.d', expressions: { agent_id: ref('var.agent_id') } },
          { address: 'coder_env.ok', expressions: { agent_id: ref('coder_agent.main[0].id', 'coder_agent.main[0]', 'coder_agent.main') } },
        ],
      },
      dot([
        ['coder_devcontainer.d', 'var.agent_id'],
        ['var.agent_id', 'coder_agent.main'],
      ]),
    );
    expect(agentRefInvalid.check(ctx)).toEqual([]);
  });
});

describe('coder/parameter-name-duplicate and coder/preset-parameter-unknown', () => {
  const tf = `data "coder_parameter" "a" {
  name = "region"
}

data "coder_parameter" "b" {
  name = "region"
}

data "coder_workspace_preset" "p" {
  name = "P"
  parameters = {
    region = "eu"
    Size   = "s"
    "zone" = "1"
  }
}
`;

  test('two parameters with one name: the later block\'s name line', () => {
    const ctx = ruleContext({ 'main.tf': tf }, { resources: [{ address: 'data.coder_parameter.a', values: { name: 'region' } }, { address: 'data.coder_parameter.b', values: { name: 'region' } }] });
    expect(keys(parameterNameDuplicate.check(ctx))).toEqual(['coder/parameter-name-duplicate@main.tf:6']);
  });

  test('preset keys that name no parameter, reported at their own line, with a case hint', () => {
    const ctx = ruleContext(
      { 'main.tf': tf },
      {
        resources: [
          { address: 'data.coder_parameter.a', values: { name: 'region' } },
          { address: 'data.coder_parameter.b', values: { name: 'size' } },
          { address: 'data.coder_workspace_preset.p', values: { name: 'P', parameters: { region: 'eu', Size: 's', zone: '1' } } },
        ],
      },
    );
    const f = presetParameterUnknown.check(ctx);
    expect(keys(f)).toEqual(['coder/preset-parameter-unknown@main.tf:13', 'coder/preset-parameter-unknown@main.tf:14']);
    expect(f[0]!.message).toContain('names are case-sensitive: the parameter is "size"');
    expect(parameterNameDuplicate.check(ctx)).toEqual([]);
  });
});
