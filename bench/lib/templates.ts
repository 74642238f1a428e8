/**
 * Generated benchmark templates: a realistic Coder workspace graph of N coder resources and data
 * sources, rendered three ways from one abstract graph:
 *
 *   - 'coder'  : the real thing (our provider or the Go provider run it unchanged)
 *   - 'floor'  : every coder node replaced by a `terraform_data` with the same attributes as its
 *                `input` and the same references (edges), so tofu does the same graph work with no
 *                provider at all — the cost a provider cannot go below
 *
 * The mix repeats a group of ten nodes per agent (see GROUP below): an agent with env, metadata and
 * display apps; two coder_env (one carrying a secret); two coder_script (cron and start-up); two
 * coder_app (URL with a health check, and a command); a coder_metadata with a sensitive item; two
 * coder_parameter data sources (string with options, number with a validation range). Two shared
 * data sources come first: coder_workspace and coder_workspace_owner.
 *
 * `secrets: true` swaps each group's number parameter for a `data "coder_secret"` whose value feeds
 * the second coder_env. coder_secret exists in our provider only (the Go reference v2.18.0 dropped
 * it), so the Go-vs-ours comparison uses `secrets: false`.
 */

/** An HCL expression in the abstract graph. */
export type Expr =
  | string
  | number
  | boolean
  | { readonly ref: string; readonly attr: string }
  | { readonly map: Readonly<Record<string, Expr>> };

export interface Block {
  readonly type: string;
  readonly attrs: Readonly<Record<string, Expr>>;
  readonly blocks?: readonly Block[];
}

export interface GraphNode {
  /** Unique key, also the floor's terraform_data name. */
  readonly key: string;
  readonly mode: 'resource' | 'data';
  readonly type: string;
  readonly name: string;
  readonly attrs: Readonly<Record<string, Expr>>;
  readonly blocks: readonly Block[];
}

export interface TemplateOptions {
  /** Number of coder resources + data sources (≥ 2: the two shared data sources). */
  readonly size: number;
  readonly secrets?: boolean;
}

export interface Template {
  readonly nodes: readonly GraphNode[];
  /** Environment the template needs on top of coderBuildEnv() (coder_secret values). */
  readonly env: Readonly<Record<string, string>>;
  /** Number of nodes per type, e.g. { coder_agent: 10, 'data.coder_parameter': 20 }. */
  readonly counts: Readonly<Record<string, number>>;
}

const ref = (key: string, attr: string): Expr => ({ ref: key, attr });

/** Value Coder's provisioner would pass for each coder_secret of the secrets variant. */
export function secretEnvName(group: number): string {
  return `CODER_SECRET_ENV_BENCH_TOKEN_${group}`;
}

/** Deterministic placeholder secret (not a real credential): the bench only needs a value. */
function secretValue(group: number): string {
  return `bench-secret-${group.toString(36).padStart(4, '0')}-placeholder`;
}

type Member = (g: number, secrets: boolean) => GraphNode;

const agentKey = (g: number): string => `coder_agent.a${g}`;
const regionKey = (g: number): string => `data.coder_parameter.region_${g}`;
const OWNER = 'data.coder_workspace_owner.me';
const WORKSPACE = 'data.coder_workspace.me';

function node(mode: GraphNode['mode'], type: string, name: string, attrs: Record<string, Expr>, blocks: Block[] = []): GraphNode {
  return { key: `${mode === 'data' ? 'data.' : ''}${type}.${name}`, mode, type, name, attrs, blocks };
}

/** One group: the nodes a workspace with one agent typically declares. Order = dependency order. */
const GROUP: readonly Member[] = [
  (g) =>
    node('data', 'coder_parameter', `region_${g}`, {
      name: `region_${g}`,
      display_name: `Region ${g}`,
      description: 'Where the workspace runs.',
      type: 'string',
      default: 'eu-west',
      mutable: true,
      order: g,
      icon: '/emojis/1f30d.png',
    }, [
      { type: 'option', attrs: { name: 'Europe', value: 'eu-west', icon: '/emojis/1f1ea-1f1fa.png' } },
      { type: 'option', attrs: { name: 'US East', value: 'us-east', icon: '/emojis/1f1fa-1f1f8.png' } },
      { type: 'option', attrs: { name: 'Asia', value: 'ap-south', icon: '/emojis/1f30f.png' } },
    ]),
  (g, secrets) =>
    secrets
      ? node('data', 'coder_secret', `token_${g}`, {
          env: `BENCH_TOKEN_${g}`,
          help_message: 'Add a secret BENCH_TOKEN with your service token.',
        })
      : node('data', 'coder_parameter', `cpu_${g}`, {
          name: `cpu_${g}`,
          display_name: `CPU cores ${g}`,
          type: 'number',
          default: '4',
          mutable: true,
        }, [{ type: 'validation', attrs: { min: 1, max: 64, error: 'Pick between {min} and {max} cores.' } }]),
  (g) =>
    node('resource', 'coder_agent', `a${g}`, {
      os: 'linux',
      arch: 'amd64',
      dir: '/home/coder',
      startup_script_behavior: 'non-blocking',
      troubleshooting_url: 'https://coder.com/docs/troubleshooting',
      startup_script: 'set -e\nmkdir -p ~/project\necho "agent ready"\n',
      env: {
        map: {
          GIT_AUTHOR_NAME: ref(OWNER, 'full_name'),
          GIT_AUTHOR_EMAIL: ref(OWNER, 'email'),
          REGION: ref(regionKey(g), 'value'),
          WORKSPACE: ref(WORKSPACE, 'name'),
          EDITOR: 'vim',
          LANG: 'C.UTF-8',
          GROUP_INDEX: String(g),
          PROJECT_DIR: '/home/coder/project',
        },
      },
    }, [
      { type: 'metadata', attrs: { key: 'cpu', display_name: 'CPU', script: 'coder stat cpu', interval: 10, timeout: 1 } },
      { type: 'metadata', attrs: { key: 'mem', display_name: 'Memory', script: 'coder stat mem', interval: 10, timeout: 1 } },
      { type: 'metadata', attrs: { key: 'disk', display_name: 'Disk', script: 'coder stat disk --path $HOME', interval: 60, timeout: 1 } },
      { type: 'display_apps', attrs: { vscode: true, vscode_insiders: false, web_terminal: true, ssh_helper: true, port_forwarding_helper: true } },
    ]),
  (g) =>
    node('resource', 'coder_env', `region_${g}`, {
      agent_id: ref(agentKey(g), 'id'),
      name: 'CLOUD_REGION',
      value: ref(regionKey(g), 'value'),
    }),
  (g, secrets) =>
    node('resource', 'coder_env', `token_${g}`, {
      agent_id: ref(agentKey(g), 'id'),
      name: secrets ? 'BENCH_TOKEN' : 'CODER_SESSION_TOKEN',
      value: secrets ? ref(`data.coder_secret.token_${g}`, 'value') : ref(OWNER, 'session_token'),
    }),
  (g) =>
    node('resource', 'coder_script', `backup_${g}`, {
      agent_id: ref(agentKey(g), 'id'),
      display_name: 'Nightly backup',
      icon: '/icon/database.svg',
      script: 'tar czf /tmp/backup.tgz ~/project',
      cron: '0 30 2 * * *',
      log_path: 'backup.log',
    }),
  (g) =>
    node('resource', 'coder_script', `dotfiles_${g}`, {
      agent_id: ref(agentKey(g), 'id'),
      display_name: 'Dotfiles',
      icon: '/icon/dotfiles.svg',
      script: 'coder dotfiles -y https://github.com/example/dotfiles',
      run_on_start: true,
      start_blocks_login: true,
      timeout: 300,
    }),
  (g) =>
    node('resource', 'coder_app', `code_${g}`, {
      agent_id: ref(agentKey(g), 'id'),
      slug: `code-server-${g}`,
      display_name: 'code-server',
      url: `http://localhost:13337/?folder=/home/coder/project&g=${g}`,
      icon: '/icon/code.svg',
      subdomain: false,
      share: 'owner',
      order: g,
    }, [{ type: 'healthcheck', attrs: { url: 'http://localhost:13337/healthz', interval: 5, threshold: 6 } }]),
  (g) =>
    node('resource', 'coder_app', `htop_${g}`, {
      agent_id: ref(agentKey(g), 'id'),
      slug: `htop-${g}`,
      display_name: 'htop',
      command: 'htop',
      icon: '/icon/terminal.svg',
      open_in: 'tab',
    }),
  (g) =>
    node('resource', 'coder_metadata', `info_${g}`, {
      resource_id: ref(agentKey(g), 'id'),
      daily_cost: 10,
      icon: '/icon/memory.svg',
    }, [
      { type: 'item', attrs: { key: 'owner', value: ref(OWNER, 'name') } },
      { type: 'item', attrs: { key: 'region', value: ref(regionKey(g), 'value') } },
      { type: 'item', attrs: { key: 'ssh key', value: ref(OWNER, 'ssh_public_key'), sensitive: true } },
    ]),
];

/** Nodes per group; a template's size need not be a multiple of it (the last group is partial). */
export const GROUP_SIZE = GROUP.length;

/** Builds the abstract graph of `size` coder nodes. */
export function buildTemplate(opts: TemplateOptions): Template {
  const size = Math.floor(opts.size);
  if (!(size >= 2)) throw new RangeError(`template size must be at least 2, got ${opts.size}`);
  const secrets = opts.secrets === true;
  const nodes: GraphNode[] = [node('data', 'coder_workspace', 'me', {}), node('data', 'coder_workspace_owner', 'me', {})];
  const env: Record<string, string> = {};
  for (let i = 0; nodes.length < size; i++) {
    const g = Math.floor(i / GROUP_SIZE);
    const member = GROUP[i % GROUP_SIZE] as Member;
    const n = member(g, secrets);
    nodes.push(n);
    if (n.type === 'coder_secret') env[secretEnvName(g)] = secretValue(g);
  }
  // A partial last group may reference nodes it did not get to declare (e.g. an env without its
  // agent when the cut falls early). Such references point at the group's own agent/parameter,
  // which always come first in GROUP, so only a cut inside the first members could dangle: the
  // first three members (two parameters and the agent) have no intra-group references, so every
  // reference resolves. checkReferences makes sure of it.
  checkReferences(nodes);
  const counts: Record<string, number> = {};
  for (const n of nodes) {
    const k = n.mode === 'data' ? `data.${n.type}` : n.type;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return { nodes, env, counts };
}

function refsOf(e: Expr, out: string[]): void {
  if (typeof e !== 'object') return;
  if ('ref' in e) out.push(e.ref);
  else for (const v of Object.values(e.map)) refsOf(v, out);
}

function nodeRefs(n: GraphNode): string[] {
  const out: string[] = [];
  for (const v of Object.values(n.attrs)) refsOf(v, out);
  const walk = (bs: readonly Block[]): void => {
    for (const b of bs) {
      for (const v of Object.values(b.attrs)) refsOf(v, out);
      walk(b.blocks ?? []);
    }
  };
  walk(n.blocks);
  return out;
}

function checkReferences(nodes: readonly GraphNode[]): void {
  const keys = new Set(nodes.map((n) => n.key));
  for (const n of nodes) {
    for (const r of nodeRefs(n)) {
      if (!keys.has(r)) throw new Error(`generated template: ${n.key} references missing ${r}`);
    }
  }
}

/** Edges of the graph (from → to), for tests and for the floor renderer. */
export function edges(t: Template): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const n of t.nodes) for (const r of new Set(nodeRefs(n))) out.push([n.key, r]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering

export type Flavor = 'coder' | 'floor';

/** Name of the terraform_data standing in for a coder node in the floor template. */
export function floorName(key: string): string {
  return key.replace(/^data\./, 'd_').replace(/[^A-Za-z0-9_]/g, '_');
}

function hclString(s: string): string {
  // JSON escapes are valid HCL escapes; `${` and `%{` must be doubled to stay literal.
  return JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function renderExpr(e: Expr, flavor: Flavor, indent: string): string {
  if (typeof e === 'string') return hclString(e);
  if (typeof e === 'number' || typeof e === 'boolean') return String(e);
  if ('ref' in e) {
    // The floor keeps the edge but not the attribute: terraform_data has no such attributes, and
    // its `output` is unknown until apply, whereas the real data sources are read at plan time.
    return flavor === 'coder' ? `${e.ref}.${e.attr}` : `terraform_data.${floorName(e.ref)}.id`;
  }
  const inner = indent + '  ';
  const lines = Object.entries(e.map).map(([k, v]) => `${inner}${k} = ${renderExpr(v, flavor, inner)}`);
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function renderAttrs(attrs: Readonly<Record<string, Expr>>, flavor: Flavor, indent: string): string[] {
  return Object.entries(attrs).map(([k, v]) => `${indent}${k} = ${renderExpr(v, flavor, indent)}`);
}

function renderCoderBlock(b: Block, indent: string): string[] {
  const inner = indent + '  ';
  return [
    `${indent}${b.type} {`,
    ...renderAttrs(b.attrs, 'coder', inner),
    ...(b.blocks ?? []).flatMap((c) => renderCoderBlock(c, inner)),
    `${indent}}`,
  ];
}

function renderCoderNode(n: GraphNode): string {
  return [
    `${n.mode} "${n.type}" "${n.name}" {`,
    ...renderAttrs(n.attrs, 'coder', '  '),
    ...n.blocks.flatMap((b) => renderCoderBlock(b, '  ')),
    '}',
  ].join('\n');
}

/** Blocks become list attributes of the floor's input object (grouped by block type). */
function floorInput(attrs: Readonly<Record<string, Expr>>, blocks: readonly Block[], indent: string): string {
  const inner = indent + '  ';
  const lines = renderAttrs(attrs, 'floor', inner);
  const byType = new Map<string, Block[]>();
  for (const b of blocks) byType.set(b.type, [...(byType.get(b.type) ?? []), b]);
  for (const [type, bs] of byType) {
    const items = bs.map((b) => `${inner}  ${floorInput(b.attrs, b.blocks ?? [], inner + '  ')}`);
    lines.push(`${inner}${type} = [\n${items.join(',\n')}\n${inner}]`);
  }
  return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
}

function renderFloorNode(n: GraphNode): string {
  return [`resource "terraform_data" "${floorName(n.key)}" {`, `  input = ${floorInput(n.attrs, n.blocks, '  ')}`, '}'].join('\n');
}

/** main.tf for the template in the given flavour. */
export function renderTemplate(t: Template, flavor: Flavor): string {
  const header =
    flavor === 'coder'
      ? ['terraform {', '  required_providers {', '    coder = { source = "coder/coder" }', '  }', '}', '']
      : ['# Floor: the same graph as the coder template, built from terraform_data alone.', ''];
  const body = t.nodes.map((n) => (flavor === 'coder' ? renderCoderNode(n) : renderFloorNode(n)));
  return [...header, ...body, ''].join('\n\n').replace(/\n\n\n+/g, '\n\n');
}
