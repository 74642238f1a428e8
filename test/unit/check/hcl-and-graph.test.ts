/** The HCL structure scanner, the locator on top of it, and the tofu graph walks. */
import { literalScalar, literalString, objectEntries, scanHcl } from '../../../provider/check/hcl-scan';
import { nearestLabel, parseDot, reaches } from '../../../provider/check/graph';
import { Locator, lineOfInAttr, nestedBlock } from '../../../provider/check/locator';
import { dot, templateDir } from './fixtures';

describe('scanHcl', () => {
  const text = `# comment with { braces
terraform {
  required_providers {
    coder = { source = "coder/coder", version = "~> 2.0" }
  }
}

/* block comment
resource "fake" "one" {}
*/
resource "coder_agent" "main" {
  os   = "linux" // trailing
  env = {
    A = "x}y"
    B = "\${jsonencode({ a = "}" })}"
  }
  startup_script = <<-EOT
    echo "}"
    \${var.x}
  EOT
  metadata {
    key = "k"
  }
  metadata { key = "one-line" }
}

data "coder_parameter" "p" { name = "p" }
`;
  const f = scanHcl(text);

  test('top-level blocks with labels and lines; comments are not blocks', () => {
    expect(f.blocks.map((b) => [b.type, ...b.labels, b.pos.line])).toEqual([
      ['terraform', 2],
      ['resource', 'coder_agent', 'main', 11],
      ['data', 'coder_parameter', 'p', 27],
    ]);
  });

  test('attributes keep their lines past braces in strings, interpolations and heredocs', () => {
    const agent = f.blocks[1]!;
    expect(agent.attributes.map((a) => [a.name, a.pos.line, a.endLine])).toEqual([
      ['os', 12, 12],
      ['env', 13, 16],
      ['startup_script', 17, 20],
    ]);
    expect(agent.blocks.map((b) => [b.type, b.pos.line, b.attributes.map((a) => a.name)])).toEqual([
      ['metadata', 21, ['key']],
      ['metadata', 24, ['key']],
    ]);
    expect(f.exprText(agent.attributes[0]!)).toBe('"linux"');
    expect(agent.endLine).toBe(25);
    expect(f.blocks[2]!.attributes[0]!.name).toBe('name');
  });

  test('object entries of a map literal with their offsets', () => {
    const env = f.blocks[1]!.attributes[1]!;
    const entries = objectEntries(f.exprText(env), env.exprStart);
    expect(entries.map((e) => [e.key, f.lineOf(e.keyOffset), text.slice(e.valueStart, e.valueEnd)])).toEqual([
      ['A', 14, '"x}y"'],
      ['B', 15, '"${jsonencode({ a = "}" })}"'],
    ]);
  });

  test('literals', () => {
    expect(literalString('"a\\"b\\n"')).toBe('a"b\n');
    expect(literalString('"${x}"')).toBeUndefined();
    expect(literalString('var.x')).toBeUndefined();
    expect(literalScalar('12')).toBe('12');
    expect(literalScalar('true')).toBe('true');
  });

  test('malformed input never throws and keeps what it understood', () => {
    const g = scanHcl('resource "a" "b" {\n  x = "unterminated\n}\nresource "c" "d" {\n');
    expect(g.blocks.map((b) => b.labels.join('.'))).toContain('a.b');
  });
});

describe('Locator', () => {
  const dir = templateDir({
    'main.tf': 'module "app" {\n  source = "./modules/app"\n}\n\nmodule "remote" {\n  source = "git::https://example.com/x.git"\n}\n',
    'modules/app/main.tf': `resource "coder_metadata" "m" {
  item {
    key = "a"
  }
  dynamic "item" {
    for_each = local.x
    content {
      value = each.value
    }
  }
  startup = <<-EOT
    line one
    uses \${var.secret}
  EOT
}
`,
  });
  const loc = new Locator(dir);

  test('resources in local modules; remote modules fall back to their call', () => {
    const b = loc.resource(['app'], 'managed', 'coder_metadata', 'm')!;
    expect([b.file, b.block.pos.line]).toEqual(['modules/app/main.tf', 1]);
    expect(loc.resource(['remote'], 'managed', 'coder_metadata', 'm')).toBeUndefined();
    expect(loc.fallback(['remote'])).toEqual({ file: 'main.tf', line: 5, column: 1 });
  });

  test('nested blocks by index, dynamic blocks standing for the rest; the line of a reference in a heredoc', () => {
    const b = loc.resource(['app'], 'managed', 'coder_metadata', 'm')!;
    expect(nestedBlock(b, 'item', 0)!.block.pos.line).toBe(2);
    expect(nestedBlock(b, 'item', 1)!.block.type).toBe('content');
    expect(nestedBlock(b, 'item', 5)!.block.pos.line).toBe(7);
    const a = b.block.attributes.find((x) => x.name === 'startup')!;
    expect(lineOfInAttr(b, a, ['var.secret']).line).toBe(13);
    expect(lineOfInAttr(b, a, ['var.other']).line).toBe(11);
  });
});

describe('graph walks (Coder\'s attachment)', () => {
  test('parses tofu graph output, including escaped quotes in provider nodes', () => {
    const g = parseDot(
      'digraph {\n\t\t"[root] provider[\\"registry.opentofu.org/coder/coder\\"]" [label = "provider[\\"registry.opentofu.org/coder/coder\\"]", shape = "diamond"]\n' +
        '\t\t"[root] coder_agent.main (expand)" [label = "coder_agent.main", shape = "box"]\n' +
        '\t\t"[root] coder_agent.main (expand)" -> "[root] provider[\\"registry.opentofu.org/coder/coder\\"]"\n}\n',
    );
    expect([...g.labels.values()]).toEqual(['provider["registry.opentofu.org/coder/coder"]', 'coder_agent.main']);
    expect(g.out.get('[root] coder_agent.main (expand)')).toEqual(['[root] provider["registry.opentofu.org/coder/coder"]']);
  });

  test('nearest wins; at equal depth the smallest label; walking through non-matching nodes', () => {
    const g = parseDot(
      dot([
        ['z_vm.b', 'coder_agent.main'],
        ['a_vm.a', 'local.x'],
        ['local.x', 'coder_agent.main'],
        ['y_vm.c', 'coder_agent.main'],
      ]),
    );
    const isVm = (l: string): boolean => /_vm\./.test(l);
    expect(nearestLabel(g, 'coder_agent.main', 'up', isVm)).toBe('y_vm.c');
    expect(nearestLabel(g, 'a_vm.a', 'down', (l) => l.startsWith('coder_agent'))).toBe('coder_agent.main');
    expect(nearestLabel(g, 'coder_agent.main', 'down', isVm)).toBeUndefined();
    expect(reaches(g, 'a_vm.a', (l) => l === 'coder_agent.main')).toBe(true);
    expect(reaches(g, 'coder_agent.main', (l) => l === 'a_vm.a')).toBe(false);
  });
});
