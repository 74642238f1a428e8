/**
 * The benchmark's generated templates (bench/lib/templates.ts): exact sizes, the intended mix,
 * references that resolve, a floor with the same graph, and HCL that tofu accepts (checked by
 * test/e2e/bench.test.ts; here only the shape).
 */
import { buildTemplate, edges, floorName, GROUP_SIZE, renderTemplate, secretEnvName } from '../../../bench/lib/templates';

test.each([2, 10, 11, 100, 1000])('a template of %i has exactly that many coder nodes', (size) => {
  const t = buildTemplate({ size });
  expect(t.nodes).toHaveLength(size);
  expect(new Set(t.nodes.map((n) => n.key)).size).toBe(size);
});

test('the mix: per agent two parameters, two env, two scripts, two apps and a metadata; shared owner and workspace', () => {
  const t = buildTemplate({ size: 2 + 10 * GROUP_SIZE });
  expect(t.counts).toEqual({
    'data.coder_workspace': 1,
    'data.coder_workspace_owner': 1,
    'data.coder_parameter': 20,
    coder_agent: 10,
    coder_env: 20,
    coder_script: 20,
    coder_app: 20,
    coder_metadata: 10,
  });
  expect(t.env).toEqual({});
});

test('the secrets variant swaps one parameter per agent for a coder_secret, and supplies its value', () => {
  const t = buildTemplate({ size: 2 + 3 * GROUP_SIZE, secrets: true });
  expect(t.counts['data.coder_secret']).toBe(3);
  expect(t.counts['data.coder_parameter']).toBe(3);
  expect(Object.keys(t.env).sort()).toEqual([0, 1, 2].map(secretEnvName).sort());
  const hcl = renderTemplate(t, 'coder');
  expect(hcl).toContain('value = data.coder_secret.token_1.value');
});

test('every reference points at a node of the template, also when the last group is cut short', () => {
  for (const size of [3, 4, 5, 12, 13, 57]) {
    const t = buildTemplate({ size, secrets: size % 2 === 0 });
    const keys = new Set(t.nodes.map((n) => n.key));
    for (const [from, to] of edges(t)) {
      expect(keys.has(to)).toBe(true);
      expect(from).not.toBe(to);
    }
  }
});

test('the floor is the same graph built from terraform_data only', () => {
  const t = buildTemplate({ size: 45 });
  const coder = renderTemplate(t, 'coder');
  const floor = renderTemplate(t, 'floor');
  expect(floor).not.toMatch(/\bcoder_\w+\.\w+\.\w+/); // no reference to a coder resource
  expect(floor).not.toContain('required_providers');
  const blocks = floor.match(/^resource "terraform_data" "(\w+)"/gm) ?? [];
  expect(blocks).toHaveLength(t.nodes.length);
  // One reference per edge occurrence in both renderings.
  const refsIn = (s: string, re: RegExp): number => (s.match(re) ?? []).length;
  const coderRefs = refsIn(coder, /\b(?:data\.)?coder_\w+\.\w+\.\w+\b/g);
  const floorRefs = refsIn(floor, /\bterraform_data\.\w+\.id\b/g);
  expect(floorRefs).toBe(coderRefs);
  for (const [, to] of edges(t)) expect(floor).toContain(`terraform_data.${floorName(to)}.id`);
});

test('rendered HCL escapes template sequences in strings', () => {
  const hcl = renderTemplate(buildTemplate({ size: 12 }), 'coder');
  // The disk metadata script contains $HOME, which must stay a literal (no ${...} interpolation).
  expect(hcl).toContain('coder stat disk --path $HOME');
  expect(hcl).not.toMatch(/"[^"\n]*\$\{[^"\n]*"/);
});

test('sizes below two are refused', () => {
  expect(() => buildTemplate({ size: 1 })).toThrow(RangeError);
});
