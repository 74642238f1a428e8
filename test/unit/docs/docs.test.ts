/**
 * The registry docs under docs/ (written by `npm run docs` from schemas/coder.schema.json and
 * examples/): re-rendered in memory and compared with what is checked in, so a changed schema,
 * description or example without regenerated docs fails here. Plus: every type the provider
 * serves has a page and an example, every page shows its example, and the line format is the
 * one tfplugindocs writes (checked on a synthetic schema, and against the layout of the Go
 * provider's own published docs when its module source is in the Go module cache).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCoderProvider } from '../../../provider/coder/provider';
import {
  SCHEMA_COMMENT,
  docName,
  examplePaths,
  plainMarkdown,
  renderDocs,
  renderRepoDocs,
  renderSchemaMarkdown,
  renderTypePage,
  stalePages,
  type JsonSchema,
  type ProvidersSchemaDocument,
} from '../../../scripts/gen-docs.render';

const ROOT = join(__dirname, '..', '..', '..');
const DOCS = join(ROOT, 'docs');
const read = (rel: string): string => readFileSync(join(ROOT, rel), 'utf8');

const pages = renderRepoDocs(ROOT);

describe('docs/ is what `npm run docs` renders now', () => {
  it.each([...pages.keys()])('docs/%s', (rel) => {
    const file = join(DOCS, rel);
    expect({ page: rel, exists: existsSync(file) }).toEqual({ page: rel, exists: true });
    expect(readFileSync(file, 'utf8')).toBe(pages.get(rel));
  });

  it('has no resource or data source page the generator no longer writes', () => {
    expect(stalePages(ROOT, pages)).toEqual([]);
  });
});

describe('every type has a page and a runnable example', () => {
  let served: { resources: string[]; dataSources: string[] };
  beforeAll(async () => {
    // From the provider itself, not from the export, so that a type missing from both still fails.
    const resp = await createCoderProvider().getProviderSchema({ signal: new AbortController().signal });
    served = { resources: Object.keys(resp.resourceSchemas).sort(), dataSources: Object.keys(resp.dataSourceSchemas).sort() };
  });

  it('serves 9 resources and 9 data sources', () => {
    expect([served.resources.length, served.dataSources.length]).toEqual([9, 9]);
  });

  it('docs/index.md, docs/resources/<name>.md and docs/data-sources/<name>.md for every type, nothing else', () => {
    const expected = [
      'index.md',
      ...served.resources.map((t) => `resources/${docName(t)}.md`),
      ...served.dataSources.map((t) => `data-sources/${docName(t)}.md`),
    ].sort();
    const onDisk = ['index.md', ...['resources', 'data-sources'].flatMap((d) => readdirSync(join(DOCS, d)).map((f) => `${d}/${f}`))].sort();
    expect(onDisk).toEqual(expected);
    expect([...pages.keys()].sort()).toEqual(expected);
  });

  it('examples/<kind>/<type>/ holds the example and a provider.tf, so the examples e2e test runs it', () => {
    const missing: string[] = [];
    const dirs = [
      ...served.resources.map((t) => [examplePaths.resource(t), `examples/resources/${t}/provider.tf`]),
      ...served.dataSources.map((t) => [examplePaths.dataSource(t), `examples/data-sources/${t}/provider.tf`]),
      [examplePaths.provider],
    ];
    for (const files of dirs) for (const f of files as string[]) if (!existsSync(join(ROOT, f))) missing.push(f);
    expect(missing).toEqual([]);
  });

  it('every page shows its example file verbatim in a ```terraform block', () => {
    const checks: Array<[string, string]> = [
      ['index.md', examplePaths.provider],
      ...served.resources.map((t): [string, string] => [`resources/${docName(t)}.md`, examplePaths.resource(t)]),
      ...served.dataSources.map((t): [string, string] => [`data-sources/${docName(t)}.md`, examplePaths.dataSource(t)]),
    ];
    for (const [page, example] of checks) {
      const text = readFileSync(join(DOCS, page), 'utf8');
      const block = `## Example Usage\n\n\`\`\`terraform\n${read(example).trim()}\n\`\`\`\n\n${SCHEMA_COMMENT}\n## Schema\n`;
      expect({ page, showsExample: text.includes(block) }).toEqual({ page, showsExample: true });
    }
  });

  it('examples use no literal secret: sensitive values come from the provider or sensitive inputs', () => {
    const offenders: string[] = [];
    for (const t of [...served.resources.map(examplePaths.resource), ...served.dataSources.map(examplePaths.dataSource)]) {
      const text = read(t);
      // A token-looking literal (GitHub, AWS, Slack, private key) in any example is a mistake.
      if (/gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|xox[abp]-[A-Za-z0-9-]{10,}|BEGIN [A-Z ]*PRIVATE KEY/.test(text)) offenders.push(t);
    }
    expect(offenders).toEqual([]);
  });
});

describe('page format (tfplugindocs default templates)', () => {
  const doc = JSON.parse(read('schemas/coder.schema.json')) as ProvidersSchemaDocument;

  it('resource page: frontmatter, title, description, example, schema', () => {
    const page = pages.get('resources/env.md') as string;
    const description = (doc.provider_schemas['registry.terraform.io/coder/coder']?.resource_schemas?.coder_env as JsonSchema).block.description as string;
    expect(page.startsWith(
      [
        '---',
        '# generated by https://github.com/hashicorp/terraform-plugin-docs',
        'page_title: "coder_env Resource - terraform-provider-coder"',
        'subcategory: ""',
        'description: |-',
        `  ${plainMarkdown(description)}`,
        '---',
        '',
        '# coder_env (Resource)',
        '',
        description,
        '',
        '## Example Usage',
        '',
        '```terraform',
        '',
      ].join('\n'),
    )).toBe(true);
    expect(page).toMatch(/\n### Read-Only\n\n- `id` \(String\) The ID of this resource\.\n$/);
  });

  it('data source page title and heading', () => {
    const page = pages.get('data-sources/workspace_owner.md') as string;
    expect(page).toContain('\npage_title: "coder_workspace_owner Data Source - terraform-provider-coder"\n');
    expect(page).toContain('\n# coder_workspace_owner (Data Source)\n');
    expect(page).toContain('\n- `ssh_private_key` (String, Sensitive) ');
    expect(page).toContain('\n- `rbac_roles` (List of Object) ');
  });

  it('provider page', () => {
    const page = pages.get('index.md') as string;
    expect(page).toContain('\npage_title: "coder Provider"\n');
    expect(page).toContain('\n# coder Provider\n');
    expect(page).toContain('\n### Optional\n\n- `url` (String) ');
  });

  it('renders every kind of child the way tfplugindocs does', () => {
    const schema: JsonSchema = {
      version: 0,
      block: {
        description: 'A `thing`.',
        attributes: {
          id: { type: 'string', optional: true, computed: true },
          name: { type: 'string', required: true, description: 'Its name.' },
          labels: { type: ['map', 'string'], optional: true, description: 'First paragraph.\n\nSecond paragraph.' },
          secret: { type: 'string', computed: true, sensitive: true, description: 'Minted on create.' },
          old: { type: 'number', optional: true, deprecated: true, description: 'Use `name`.' },
          password_wo: { type: 'string', optional: true, write_only: true, description: 'Never stored.' },
          owners: { type: ['list', ['object', { email: 'string', roles: ['set', ['object', { name: 'string' }]] }]], computed: true, description: 'Who owns it.' },
        },
        block_types: {
          rule: { nesting_mode: 'list', min_items: 1, block: { description: 'A rule.', attributes: { cidr: { type: 'string', required: true, description: 'Range.' }, port: { type: 'number', optional: true } } } },
          timeouts: { nesting_mode: 'single', block: { attributes: { create: { type: 'string', optional: true } } } },
          status: { nesting_mode: 'list', block: { attributes: { phase: { type: 'string', computed: true, description: 'Phase.' } } } },
          legacy: { nesting_mode: 'set', max_items: 1, block: { deprecated: true, description: 'Old.', attributes: { x: { type: 'bool', optional: true } } } },
        },
      },
    };
    const wo = '[Write-only](https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments)';
    expect(renderSchemaMarkdown(schema)).toBe(
      [
        '<!-- schema generated by tfplugindocs -->',
        '## Schema',
        '',
        '### Required',
        '',
        '- `name` (String) Its name.',
        '- `rule` (Block List, Min: 1) A rule. (see [below for nested schema](#nestedblock--rule))',
        '',
        '### Optional',
        '',
        '> **NOTE**: [Write-only arguments](https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments) are supported in Terraform 1.11 and later.',
        '',
        '- `labels` (Map of String) First paragraph.  ',
        'Second paragraph.',
        '- `legacy` (Block Set, Max: 1, Deprecated) Old. (see [below for nested schema](#nestedblock--legacy))',
        '- `old` (Number, Deprecated) Use `name`.',
        `- \`password_wo\` (String, ${wo}) Never stored.`,
        '- `timeouts` (Block, Optional) (see [below for nested schema](#nestedblock--timeouts))',
        '',
        '### Read-Only',
        '',
        '- `id` (String) The ID of this resource.',
        '- `owners` (List of Object) Who owns it. (see [below for nested schema](#nestedatt--owners))',
        '- `secret` (String, Sensitive) Minted on create.',
        '- `status` (Block List) (see [below for nested schema](#nestedblock--status))',
        '',
        '<a id="nestedblock--rule"></a>',
        '### Nested Schema for `rule`',
        '',
        'Required:',
        '',
        '- `cidr` (String) Range.',
        '',
        'Optional:',
        '',
        '- `port` (Number)',
        '',
        '',
        '<a id="nestedblock--legacy"></a>',
        '### Nested Schema for `legacy`',
        '',
        'Optional:',
        '',
        '- `x` (Boolean)',
        '',
        '',
        '<a id="nestedblock--timeouts"></a>',
        '### Nested Schema for `timeouts`',
        '',
        'Optional:',
        '',
        '- `create` (String)',
        '',
        '',
        '<a id="nestedatt--owners"></a>',
        '### Nested Schema for `owners`',
        '',
        'Read-Only:',
        '',
        '- `email` (String)',
        '- `roles` (Set of Object) (see [below for nested schema](#nestedobjatt--owners--roles))',
        '',
        '<a id="nestedobjatt--owners--roles"></a>',
        '### Nested Schema for `owners.roles`',
        '',
        'Read-Only:',
        '',
        '- `name` (String)',
        '',
        '',
        '',
        '<a id="nestedblock--status"></a>',
        '### Nested Schema for `status`',
        '',
        'Read-Only:',
        '',
        '- `phase` (String) Phase.',
      ].join('\n'),
    );
  });

  it('an `id` with a description of its own is grouped like any attribute', () => {
    const md = renderSchemaMarkdown({ version: 0, block: { attributes: { id: { type: 'string', required: true, description: 'Chosen by you.' } } } });
    expect(md).toContain('### Required\n\n- `id` (String) Chosen by you.');
  });

  it('refuses a child that fits no list, as tfplugindocs does', () => {
    const bad: JsonSchema = { version: 0, block: { block_types: { b: { nesting_mode: 'list', max_items: 1, block: { attributes: { c: { type: 'string', computed: true } } } } } } };
    expect(() => renderSchemaMarkdown(bad)).toThrow(/b is neither required, optional nor read-only/);
  });

  it('a type without its example file is an error, not a page without an example', () => {
    const tiny: ProvidersSchemaDocument = {
      format_version: '1.0',
      provider_schemas: { 'x/coder': { provider: { version: 0, block: {} }, resource_schemas: { coder_thing: { version: 0, block: {} } } } },
    };
    expect(() => renderDocs(tiny, (p) => (p === examplePaths.provider ? 'provider "coder" {}\n' : undefined))).toThrow(
      'examples/resources/coder_thing/resource.tf is missing',
    );
  });

  it('frontmatter descriptions are plain text', () => {
    expect(plainMarkdown('Run `init_script` with **care**, see [the docs](https://coder.com/docs) or [below](#x); keep CODER_AGENT_TOKEN and `a_b_c` intact.')).toBe(
      'Run init_script with care, see the docs https://coder.com/docs or below; keep CODER_AGENT_TOKEN and a_b_c intact.',
    );
    expect(renderTypePage('coder_x', 'Resource', { version: 0, block: { description: 'Line one `x`.\nLine two.' } }, { file: 'f.tf', content: 'a = 1\n' })).toContain(
      'description: |-\n  Line one x.\n  Line two.\n---\n',
    );
  });
});

/**
 * The Go provider's repository publishes docs generated by tfplugindocs itself. Its schema is ours
 * minus coder_secret (descriptions aside), so with descriptions stripped, every line of the Schema
 * sections (lists, flags, anchors, nested headings) must be the same as ours.
 */
function goProviderDocsDir(): string | undefined {
  const r = spawnSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const dir = join(r.stdout.trim(), 'github.com', 'coder', 'terraform-provider-coder', 'v2@v2.18.0', 'docs');
  return existsSync(dir) ? dir : undefined;
}

/** A page's Schema section reduced to structure: headings, anchors and `- name (flags) -> anchor`. */
function skeleton(md: string): string[] {
  const at = md.indexOf(SCHEMA_COMMENT);
  if (at < 0) return [];
  const out: string[] = [];
  for (const line of md.slice(at).split('\n')) {
    if (/^(## Schema|### |<a id=|Required:$|Optional:$|Read-Only:$)/.test(line)) out.push(line);
    const item = /^- `([^`]+)` \(([^)]*)\)/.exec(line);
    if (item) {
      const see = /\(see \[below for nested schema\]\(#([^)]+)\)\)$/.exec(line);
      out.push(`- ${item[1]} (${item[2]})${see ? ` -> ${see[1]}` : ''}`);
    }
  }
  return out;
}

const upstream = goProviderDocsDir();
(upstream ? describe : describe.skip)('same layout as the Go provider v2.18.0 docs (tfplugindocs output)', () => {
  const dir = upstream as string;
  const upstreamPages = upstream ? ['resources', 'data-sources'].flatMap((d) => readdirSync(join(dir, d)).map((f) => `${d}/${f}`)) : [];

  it('covers every upstream page', () => {
    expect(upstreamPages.length).toBe(17);
    expect(upstreamPages.filter((p) => !pages.has(p))).toEqual([]);
  });

  it.each(upstreamPages)('%s', (rel) => {
    expect(skeleton(pages.get(rel) as string)).toEqual(skeleton(readFileSync(join(dir, rel), 'utf8')));
  });

  it('provider page', () => {
    expect(skeleton(pages.get('index.md') as string)).toEqual(skeleton(readFileSync(join(dir, 'index.md'), 'utf8')));
  });
});

describe('hand-written guides (docs/guides)', () => {
  const guides = readdirSync(join(DOCS, 'guides')).filter((f) => f.endsWith('.md'));

  it('cover installing, debugging, logging, secrets and the template check, and are not touched by the generator', () => {
    expect(guides.sort()).toEqual(['check.md', 'debugging.md', 'installing.md', 'logging.md', 'secrets-in-templates.md']);
    expect([...pages.keys()].filter((p) => p.startsWith('guides/'))).toEqual([]);
  });

  it.each(guides)('%s: registry frontmatter, and every relative link points at an existing file', (guide) => {
    const text = readFileSync(join(DOCS, 'guides', guide), 'utf8');
    expect(text).toMatch(/^---\npage_title: "[^"\n]+"\nsubcategory: ""\ndescription: \|-\n {2}\S[^\n]*\n---\n\n# /);
    const broken: string[] = [];
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = (m[1] as string).split('#')[0] as string;
      if (target === '' || /^[a-z]+:/.test(target)) continue;
      if (!existsSync(join(DOCS, 'guides', target))) broken.push(m[1] as string);
    }
    expect(broken).toEqual([]);
  });
});
