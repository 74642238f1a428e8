/** Argument dispatch, with fd writes captured (the real binary is covered by test/protocol/plugin-process). */
const writes: Array<[number, string]> = [];
jest.mock('../../../provider/plugin/fd-write', () => ({
  writeFdSync: (fd: number, text: string) => writes.push([fd, text]),
}));

import { runCli, usage } from '../../../provider/plugin/cli';
import { reattachConfig, reattachInstructions } from '../../../provider/plugin/debug-mode';

const ctx = {
  env: {},
  loadProviderFactory: () => {
    throw new Error('must not load the provider for this command');
  },
};

beforeEach(() => writes.splice(0));

test('no arguments without the cookie: refusal on stderr, exit 1, provider never loaded', async () => {
  await expect(runCli([], ctx)).resolves.toBe(1);
  expect(writes).toHaveLength(1);
  expect(writes[0]![0]).toBe(2);
  expect(writes[0]![1]).toMatch(/^This binary is a plugin\./);
});

test('--version / -version / version', async () => {
  for (const arg of ['--version', '-version', 'version']) {
    await expect(runCli([arg], ctx)).resolves.toBe(0);
  }
  expect(writes).toEqual(Array(3).fill([1, 'terraform-provider-coder v2.17.0\n']));
});

test('--help prints usage on stdout', async () => {
  await expect(runCli(['--help'], ctx)).resolves.toBe(0);
  expect(writes).toEqual([[1, usage()]]);
});

test('unknown commands: usage on stderr, exit 2; prototype keys are not commands', async () => {
  for (const arg of ['check-ish', 'toString', '__proto__', '--frob']) {
    await expect(runCli([arg], ctx)).resolves.toBe(2);
  }
  expect(writes.every(([fd, text]) => fd === 2 && text.includes('Usage: terraform-provider-coder'))).toBe(true);
});

test('TF_REATTACH_PROVIDERS value', () => {
  expect(JSON.parse(reattachConfig('/tmp/tpc-x/plugin.sock', 42))).toEqual({
    'registry.terraform.io/coder/coder': {
      Protocol: 'grpc',
      ProtocolVersion: 6,
      Pid: 42,
      Test: true,
      Addr: { Network: 'unix', String: '/tmp/tpc-x/plugin.sock' },
    },
  });
  const banner = reattachInstructions('/s', 1);
  expect(banner).toContain(`\tTF_REATTACH_PROVIDERS='${reattachConfig('/s', 1)}'\n`);
  expect(banner).toContain(`\tTF_REATTACH_PROVIDERS='{"registry.opentofu.org/coder/coder":{"Protocol":"grpc",`);
});
