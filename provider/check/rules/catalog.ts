/**
 * Every rule the check reports, with its default severity and the words the reports (text, JSON,
 * SARIF rule metadata) and docs/guides/check.md use for it.
 */
import type { Severity } from '../findings';

export interface RuleMeta {
  readonly id: string;
  readonly severity: Severity;
  /** One line. */
  readonly title: string;
  /** Why it matters and what to do. */
  readonly help: string;
}

export const RULES: readonly RuleMeta[] = [
  {
    id: 'coder/agent-name-invalid',
    severity: 'error',
    title: 'Agent name is not a valid hostname label',
    help: 'Coder uses the coder_agent resource name as a hostname label: letters, digits and single hyphens, not at either end. Underscores are rejected since 2025-02. Rename the resource.',
  },
  {
    id: 'coder/agent-name-duplicate',
    severity: 'error',
    title: 'Two agents share a name',
    help: 'Agent names (the coder_agent resource names, across modules and count/for_each instances) must be unique regardless of case, or Coder fails the build.',
  },
  {
    id: 'coder/app-slug-invalid',
    severity: 'error',
    title: 'App slug is not a valid hostname label',
    help: 'A coder_app slug must be lower-case letters, digits and single hyphens, not at either end; it becomes part of app URLs.',
  },
  {
    id: 'coder/app-slug-duplicate',
    severity: 'error',
    title: 'Two apps share a slug',
    help: 'coder_app slugs must be unique in the whole template (not only per agent), or Coder fails the build.',
  },
  {
    id: 'coder/metadata-duplicate',
    severity: 'error',
    title: 'Two coder_metadata resources describe the same resource',
    help: 'Coder attaches a coder_metadata to the nearest resource its resource_id depends on; two of them on one resource (also two count instances) fail the build.',
  },
  {
    id: 'coder/metadata-not-attached',
    severity: 'warning',
    title: 'coder_metadata describes no workspace resource',
    help: 'resource_id must lead to a managed, non-coder resource (a container, a VM, a volume...); otherwise Coder silently drops the metadata.',
  },
  {
    id: 'coder/metadata-misattached',
    severity: 'warning',
    title: 'coder_metadata shows up on another resource than resource_id names',
    help: 'Coder attaches a coder_metadata to the nearest resource it depends on, ties broken by name, not to the resource resource_id names. When an item value depends on another resource (a generated password, say), the metadata may land on that one.',
  },
  {
    id: 'coder/parameter-name-duplicate',
    severity: 'error',
    title: 'Two parameters share a name',
    help: 'coder_parameter names must be unique in the template (also across modules and instances), or Coder fails the build.',
  },
  {
    id: 'coder/agent-not-attached',
    severity: 'warning',
    title: 'Agent is not attached to a compute resource',
    help: 'Coder attaches an agent to the nearest managed, non-coder resource that depends on it (normally the container or VM that runs coder_agent.<name>.init_script with its token). With none, Coder drops the agent and the workspace never gets it. Checked on start builds.',
  },
  {
    id: 'coder/agent-ref-invalid',
    severity: 'error',
    title: 'agent_id does not point at an agent',
    help: 'coder_env, coder_script, coder_app and coder_devcontainer find their agent by comparing agent_id with the coder_agent id. Set agent_id = coder_agent.<name>.id; any other value attaches the resource to no agent and Coder silently drops it.',
  },
  {
    id: 'coder/preset-parameter-unknown',
    severity: 'warning',
    title: 'Preset sets a parameter the template does not define',
    help: 'Every key of coder_workspace_preset.parameters must be the name of a coder_parameter (names are case-sensitive); Coder ignores unknown ones.',
  },
  {
    id: 'secret/parameter-looks-secret',
    severity: 'warning',
    title: 'Parameter looks like it carries a secret',
    help: 'Parameter values are stored with every build and shown to template admins and in the build page in cleartext. Ask for a user secret with data "coder_secret" instead, or mint the credential in the template.',
  },
  {
    id: 'secret/metadata-not-sensitive',
    severity: 'error',
    title: 'Secret shown in cleartext as resource metadata',
    help: 'A coder_metadata item whose value comes from a sensitive source is displayed on the workspace page unless the item sets sensitive = true.',
  },
  {
    id: 'secret/in-script',
    severity: 'warning',
    title: 'Secret embedded in script text',
    help: 'Script text (coder_script, agent startup/shutdown scripts, agent metadata scripts) is stored with the agent and may be echoed to logs. Pass the secret as an environment variable (coder_env or coder_agent.env) and refer to it by name in the script.',
  },
  {
    id: 'secret/in-app',
    severity: 'warning',
    title: 'Secret embedded in an app URL or command',
    help: 'App URLs and commands end up in browser history, proxy logs and process lists. Pass the secret through the environment instead.',
  },
  {
    id: 'secret/variable-not-sensitive',
    severity: 'warning',
    title: 'Secret passed through a variable without sensitive = true',
    help: 'A template variable that carries a secret should say sensitive = true, so tofu masks it and every value derived from it.',
  },
  {
    id: 'secret/credential-literal',
    severity: 'error',
    title: 'Credential written into the template',
    help: 'A literal shaped like a real credential (cloud key, token, private key) is committed with the template and stored by Coder with every template version. Remove it, rotate it, and bring it in through a sensitive variable, coder_secret or a secret manager.',
  },
  {
    id: 'tofu/init-failed',
    severity: 'error',
    title: 'tofu init failed',
    help: 'The template could not be initialised (a provider or module could not be installed), so nothing else was checked.',
  },
  {
    id: 'tofu/error',
    severity: 'error',
    title: 'tofu reported an error',
    help: 'tofu validate or plan failed in this scenario; Coder would fail the build the same way.',
  },
  {
    id: 'tofu/warning',
    severity: 'note',
    title: 'tofu reported a warning',
    help: 'A warning from tofu validate or plan (for example a deprecated argument), passed through for information.',
  },
];

export const RULE_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta {
  const m = RULE_BY_ID.get(id);
  if (!m) throw new Error(`unknown check rule ${id}`);
  return m;
}
