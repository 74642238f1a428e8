import { validateBody } from '../../../provider/framework/validate';
import { attr, block, type BodySpec } from '../../../provider/framework/schema';
import { UNKNOWN, obj, BigNumber } from '../../../provider/values/value';
import { intBetween, oneOf } from '../../../provider/coder/validators';

const body: BodySpec = {
  attributes: {
    name: attr.string({ required: true, description: '' }),
    mode: attr.string({ optional: true, default: 'a', description: '', validators: [oneOf(['a', 'b'])] }),
    count: attr.int({ optional: true, description: '' }),
    command: attr.string({ optional: true, description: '', conflictsWith: ['url'] }),
    url: attr.string({ optional: true, description: '' }),
    token: attr.string({ computed: true, description: '' }),
    old: attr.string({ optional: true, description: '', deprecated: 'old is going away' }),
  },
  blocks: {
    mon: block.set({
      maxItems: 1,
      description: '',
      attributes: { threshold: attr.int({ required: true, description: '', validators: [intBetween(0, 100)] }) },
    }),
    item: block.list({ description: '', attributes: { key: attr.string({ required: true, description: '', validators: [oneOf(['k'])] }) } }),
  },
};

const cfg = (o: Record<string, unknown>) =>
  obj({ name: 'n', mode: null, count: null, command: null, url: null, token: null, old: null, mon: [], item: [], ...(o as object) } as never);

describe('SDK-style validation', () => {
  it('accepts a valid config with no diagnostics', () => {
    expect(validateBody(body, cfg({}))).toEqual([]);
  });

  it('reports a missing required argument with the SDK wording and path', () => {
    expect(validateBody(body, cfg({ name: null }))).toEqual([
      { severity: 'error', summary: 'Missing required argument', detail: 'The argument "name" is required, but no definition was found.', path: [{ attribute: 'name' }] },
    ]);
  });

  it('never validates defaults, but validates configured values with the flattened key', () => {
    expect(validateBody(body, cfg({ mode: 'c' }))).toEqual([
      { severity: 'error', summary: 'expected mode to be one of ["a" "b"], got c', path: [{ attribute: 'mode' }] },
    ]);
  });

  it('rejects computed-only attributes', () => {
    const d = validateBody(body, cfg({ token: 'x' }));
    expect(d[0]?.summary).toBe('Value for unconfigurable attribute');
  });

  it('reports conflicts only when both are present and known', () => {
    expect(validateBody(body, cfg({ command: 'c', url: 'u' }))).toEqual([
      { severity: 'error', summary: 'Conflicting configuration arguments', detail: '"command": conflicts with url', path: [{ attribute: 'command' }] },
    ]);
    expect(validateBody(body, cfg({ command: 'c', url: UNKNOWN }))).toEqual([]);
    expect(validateBody(body, cfg({ command: 'c', url: '' }))).toHaveLength(1);
  });

  it('skips all checks of a value that contains an unknown', () => {
    expect(validateBody(body, cfg({ mode: UNKNOWN, item: [obj({ key: UNKNOWN })] }))).toEqual([]);
  });

  it('requires whole numbers', () => {
    expect(validateBody(body, cfg({ count: 1.5 }))[0]?.summary).toBe('Attribute must be a whole number, got 1.5');
    expect(validateBody(body, cfg({ count: new BigNumber('1e400') }))).toHaveLength(1);
    expect(validateBody(body, cfg({ count: 7 }))).toEqual([]);
  });

  it('uses flattened keys inside blocks, indexes list paths and truncates set paths', () => {
    expect(validateBody(body, cfg({ item: [obj({ key: 'k' }), obj({ key: 'x' })] }))).toEqual([
      { severity: 'error', summary: 'expected item.1.key to be one of ["k"], got x', path: [{ attribute: 'item' }, { index: 1 }, { attribute: 'key' }] },
    ]);
    expect(validateBody(body, cfg({ mon: [obj({ threshold: 101 })] }))).toEqual([
      { severity: 'error', summary: 'expected mon.0.threshold to be in the range (0 - 100), got 101', path: [{ attribute: 'mon' }] },
    ]);
  });

  it('warns about deprecated arguments after other checks', () => {
    expect(validateBody(body, cfg({ old: 'x' }))).toEqual([
      { severity: 'warning', summary: 'Argument is deprecated', detail: 'old is going away', path: [{ attribute: 'old' }] },
    ]);
  });

  it('enforces max items with the SDK message', () => {
    const d = validateBody(body, cfg({ mon: [obj({ threshold: 1 }), obj({ threshold: 2 })] }));
    expect(d[0]).toMatchObject({ summary: 'Too many list items', detail: 'Attribute mon supports 1 item maximum, but config has 2 declared.' });
  });
});
