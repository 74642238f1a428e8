/**
 * data coder_workspace_owner: the workspace owner, including secrets Coder hands the build (SSH
 * private key, session token, OIDC access token). Those three are sensitive: Terraform masks them
 * in plan output, and we never log them.
 */
import { obj } from '../values/value';
import { StringType, listOf, objectOf } from '../values/types';
import { attr } from '../framework/schema';
import { errorDiag } from '../framework/diagnostics';
import type { DataSourceDefinition } from '../framework/resource';
import { decodeFirstStringList, decodeFirstStringMapList } from '../framework/go/json';
import type { CoderProviderData } from './provider_data';
import { optionalEnv, optionalEnvOr } from './env_helpers';
import { newId } from './ids';

const computed = (description: string, sensitive = false) => attr.string({ computed: true, sensitive, description });

export const workspaceOwnerDataSource: DataSourceDefinition<CoderProviderData> = {
  typeName: 'coder_workspace_owner',
  schema: {
    version: 0,
    description: 'Information about the owner of the workspace being built.',
    attributes: {
      email: computed('Email address of the owner.'),
      full_name: computed('Full name of the owner.'),
      groups: attr.stringList({ computed: true, description: 'Groups the owner belongs to.' }),
      id: computed('ID of the owner.'),
      login_type: computed('How the owner signs in (password, github, oidc, ...).'),
      name: computed('Username of the owner.'),
      oidc_access_token: computed('OIDC access token of the owner, when they signed in with OIDC.', true),
      rbac_roles: attr.typed(listOf(objectOf({ name: StringType, org_id: StringType })), {
        computed: true,
        description: 'Roles of the owner; `org_id` is empty for site-wide roles.',
      }),
      session_token: computed('A session token of the owner, for calling the Coder API during the build.', true),
      ssh_private_key: computed("The owner's private Git SSH key.", true),
      ssh_public_key: computed("The owner's public Git SSH key."),
    },
  },
  read(_config, ctx) {
    const env = ctx.env;
    const state = obj({
      id: optionalEnvOr(env, 'CODER_WORKSPACE_OWNER_ID', newId()),
      name: optionalEnvOr(env, 'CODER_WORKSPACE_OWNER', 'default'),
      full_name: optionalEnvOr(env, 'CODER_WORKSPACE_OWNER_NAME', 'default'),
      email: optionalEnvOr(env, 'CODER_WORKSPACE_OWNER_EMAIL', 'default@example.com'),
      ssh_public_key: optionalEnv(env, 'CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY'),
      ssh_private_key: optionalEnv(env, 'CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY'),
      session_token: optionalEnv(env, 'CODER_WORKSPACE_OWNER_SESSION_TOKEN'),
      oidc_access_token: optionalEnv(env, 'CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN'),
      login_type: env('CODER_WORKSPACE_OWNER_LOGIN_TYPE') || null,
      groups: [],
      rbac_roles: [],
    });

    // Both JSON variables are presence-sensitive: set-but-empty is a decode error (EOF), as in Go.
    const groupsText = env('CODER_WORKSPACE_OWNER_GROUPS');
    if (groupsText !== undefined) {
      const r = decodeFirstStringList(groupsText);
      if (!r.ok) return { state: null, diagnostics: [errorDiag(`invalid user groups: ${r.error}`)] };
      state.groups = r.value;
    }
    const rolesText = env('CODER_WORKSPACE_OWNER_RBAC_ROLES');
    if (rolesText !== undefined) {
      const r = decodeFirstStringMapList(rolesText);
      if (!r.ok) return { state: null, diagnostics: [errorDiag(`invalid user rbac roles: ${r.error}`)] };
      // As the Go provider's state writer stores them (checked against it through tofu): a key
      // other than name/org_id fails the write and leaves rbac_roles null; a role with no keys at
      // all (JSON null or {}) has both fields null; otherwise a missing key reads as "".
      const known = (k: string) => k === 'name' || k === 'org_id';
      state.rbac_roles = r.value.some((role) => [...role.keys()].some((k) => !known(k)))
        ? null
        : r.value.map((role) =>
            role.size === 0 ? obj({ name: null, org_id: null }) : obj({ name: role.get('name') ?? '', org_id: role.get('org_id') ?? '' }),
          );
    }
    return { state };
  },
};
