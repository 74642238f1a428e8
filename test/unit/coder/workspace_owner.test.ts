/**
 * data coder_workspace_owner: how each CODER_WORKSPACE_OWNER_* variable reaches state, including
 * the presence-sensitive JSON variables and the shapes the Go provider's state writer gives odd
 * rbac role objects (all checked against the Go provider in test/e2e/datasources-parity.test.ts).
 */
import { DataSourceDriver, V4_UUID, brief, plain } from './datasource_harness';

const read = (env: Record<string, string>) => new DataSourceDriver('coder_workspace_owner', env).read({});

test('nothing set: defaults, random id, login_type null, empty lists', async () => {
  const r = await read({});
  expect(r.diagnostics).toEqual([]);
  const s = plain(r.state!) as Record<string, unknown>;
  expect(s.id).toMatch(V4_UUID);
  expect({ ...s, id: 'ID' }).toEqual({
    id: 'ID',
    name: 'default',
    full_name: 'default',
    email: 'default@example.com',
    ssh_public_key: '',
    ssh_private_key: '',
    groups: [],
    session_token: '',
    oidc_access_token: '',
    login_type: null,
    rbac_roles: [],
  });
});

test('empty variables count as unset (except the JSON ones)', async () => {
  const r = await read({
    CODER_WORKSPACE_OWNER_ID: '',
    CODER_WORKSPACE_OWNER: '',
    CODER_WORKSPACE_OWNER_NAME: '',
    CODER_WORKSPACE_OWNER_EMAIL: '',
    CODER_WORKSPACE_OWNER_LOGIN_TYPE: '',
  });
  const s = r.state!;
  expect(s.id).toMatch(V4_UUID);
  expect([s.name, s.full_name, s.email, s.login_type]).toEqual(['default', 'default', 'default@example.com', null]);
});

test('every variable passed through verbatim', async () => {
  const r = await read({
    CODER_WORKSPACE_OWNER_ID: 'not-even-a-uuid',
    CODER_WORKSPACE_OWNER: 'alice',
    CODER_WORKSPACE_OWNER_NAME: 'Alice Example',
    CODER_WORKSPACE_OWNER_EMAIL: 'alice@example.test',
    CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY: 'ssh-ed25519 AAA',
    CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY: 'PRIVATE',
    CODER_WORKSPACE_OWNER_SESSION_TOKEN: 'session',
    CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN: 'oidc',
    CODER_WORKSPACE_OWNER_LOGIN_TYPE: 'github',
    CODER_WORKSPACE_OWNER_GROUPS: '["Everyone","devs"]',
    CODER_WORKSPACE_OWNER_RBAC_ROLES: '[{"name":"member","org_id":""},{"name":"organization-member","org_id":"o1"}]',
  });
  expect(plain(r.state!)).toEqual({
    id: 'not-even-a-uuid',
    name: 'alice',
    full_name: 'Alice Example',
    email: 'alice@example.test',
    ssh_public_key: 'ssh-ed25519 AAA',
    ssh_private_key: 'PRIVATE',
    session_token: 'session',
    oidc_access_token: 'oidc',
    login_type: 'github',
    groups: ['Everyone', 'devs'],
    rbac_roles: [
      { name: 'member', org_id: '' },
      { name: 'organization-member', org_id: 'o1' },
    ],
  });
});

test('the sensitive attributes are exactly the three secrets', async () => {
  const d = new DataSourceDriver('coder_workspace_owner');
  const s = await d.server.getProviderSchema({ signal: new AbortController().signal });
  const attrs = s.dataSourceSchemas.coder_workspace_owner!.block.attributes;
  expect(attrs.filter((a) => a.sensitive).map((a) => a.name)).toEqual(['oidc_access_token', 'session_token', 'ssh_private_key']);
  expect(s.dataSourceSchemas.coder_workspace_owner!.version).toBe(0);
});

describe('JSON variables (presence-sensitive, first JSON value only)', () => {
  test.each([
    ['null', []],
    ['[null, "x"] junk', ['', 'x']],
    ['  ["a"]', ['a']],
  ])('groups %p', async (text, groups) => {
    const r = await read({ CODER_WORKSPACE_OWNER_GROUPS: text });
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.state!.groups)).toEqual(groups);
  });

  test.each([
    ['', 'invalid user groups: EOF'],
    ['  ', 'invalid user groups: EOF'],
    ['[1]', 'invalid user groups: json: cannot unmarshal number into Go value of type string'],
    ['["a"', 'invalid user groups: unexpected EOF'],
    ['x', "invalid user groups: invalid character 'x' looking for beginning of value"],
  ])('groups %p fails', async (text, message) => {
    const r = await read({ CODER_WORKSPACE_OWNER_GROUPS: text });
    expect(r.state).toBeNull();
    expect(brief(r.diagnostics)).toEqual([{ severity: 'error', summary: message }]);
  });

  test.each([
    ['null', []],
    [' [{"name":"a"},{"org_id":null,"name":"b"}] trailing', [{ name: 'a', org_id: '' }, { name: 'b', org_id: '' }]],
    ['[{"name":null}]', [{ name: '', org_id: '' }]],
    // A role with no keys is written with no fields: both read back null.
    ['[null, {}, {"org_id":"o"}]', [{ name: null, org_id: null }, { name: null, org_id: null }, { name: '', org_id: 'o' }]],
    // Any other key makes the Go state writer fail for the whole list.
    ['[{"name":"a","org_id":"o","extra":"x"}]', null],
  ])('rbac roles %p', async (text, roles) => {
    const r = await read({ CODER_WORKSPACE_OWNER_RBAC_ROLES: text });
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.state!.rbac_roles)).toEqual(roles);
  });

  test.each([
    ['', 'invalid user rbac roles: EOF'],
    ['[{"name":1}]', 'invalid user rbac roles: json: cannot unmarshal number into Go value of type string'],
    ['{}', 'invalid user rbac roles: json: cannot unmarshal object into Go value of type []map[string]string'],
  ])('rbac roles %p fails', async (text, message) => {
    const r = await read({ CODER_WORKSPACE_OWNER_RBAC_ROLES: text });
    expect(brief(r.diagnostics)).toEqual([{ severity: 'error', summary: message }]);
  });

  test('groups are decoded before roles', async () => {
    const r = await read({ CODER_WORKSPACE_OWNER_GROUPS: '', CODER_WORKSPACE_OWNER_RBAC_ROLES: '' });
    expect(brief(r.diagnostics)).toEqual([{ severity: 'error', summary: 'invalid user groups: EOF' }]);
  });
});
