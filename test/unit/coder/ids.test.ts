import { newId, withIdSource } from '../../../provider/coder/ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('IDs are random lowercase version-4 UUIDs, like uuid.NewString() in Go', () => {
  const ids = Array.from({ length: 50 }, () => newId());
  for (const id of ids) expect(id).toMatch(UUID_V4);
  expect(new Set(ids).size).toBe(ids.length);
});

test('withIdSource replaces crypto only while its work runs, also when the work fails', async () => {
  let n = 0;
  const seen = await withIdSource(
    () => `fixed-${n++}`,
    async () => [newId(), await Promise.resolve(newId())],
  );
  expect(seen).toEqual(['fixed-0', 'fixed-1']);
  expect(newId()).toMatch(UUID_V4);
  await expect(withIdSource(() => 'x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(newId()).toMatch(UUID_V4);
});
