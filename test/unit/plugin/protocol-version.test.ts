import { chooseProtocolVersion } from '../../../provider/plugin/protocol-version';

describe('chooseProtocolVersion', () => {
  test.each([
    ['5,6', 6],
    ['6,5', 6],
    [' 6 , 5 ', 6],
    ['5', 5],
    ['6', 6],
    ['4,5', 5],
    ['7,6', 6],
  ])('%j → %i', (env, expected) => {
    const choice = chooseProtocolVersion(env);
    expect(choice.version).toBe(expected);
    expect(choice.matched).toBe(true);
    expect(choice.invalid).toEqual([]);
  });

  test('no overlap answers with the lowest version we serve', () => {
    expect(chooseProtocolVersion('3,4')).toEqual({ version: 5, invalid: [], matched: false });
    expect(chooseProtocolVersion(undefined)).toEqual({ version: 5, invalid: [], matched: false });
    expect(chooseProtocolVersion('')).toEqual({ version: 5, invalid: [], matched: false });
  });

  test('non-integers are reported and skipped', () => {
    expect(chooseProtocolVersion('five,6,6.0,,x')).toEqual({ version: 6, invalid: ['five', '6.0', 'x'], matched: true });
  });
});

describe('TF_PROVIDER_CODER_MAX_PROTOCOL', () => {
  it('caps the negotiated version', () => {
    expect(chooseProtocolVersion('5,6', '5').version).toBe(5);
    expect(chooseProtocolVersion('6,5', '6').version).toBe(6);
  });
  it('ignores values that are not a served version', () => {
    expect(chooseProtocolVersion('5,6', '').version).toBe(6);
    expect(chooseProtocolVersion('5,6', 'banana').version).toBe(6);
    expect(chooseProtocolVersion('5,6', '4').version).toBe(6);
  });
  it('answers the lowest version when the cap leaves no overlap', () => {
    expect(chooseProtocolVersion('6', '5')).toMatchObject({ version: 5, matched: false });
  });
});
