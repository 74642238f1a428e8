/**
 * Re-runs the Go oracle programs (test/unit/go/fixtures/*_oracle.go) when a
 * Go toolchain is on PATH and checks that the checked-in fixtures are still
 * what Go prints. The other tests in this directory compare our ports with
 * those fixtures, so they do not need Go.
 *
 * Skipped when `go` is not installed or GO_ORACLE=0. If the Go run itself
 * fails (e.g. the module proxy is unreachable) the test only warns.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const fixtures = path.join(__dirname, 'fixtures');
const repoRoot = path.resolve(__dirname, '..', '..', '..');

function haveGo(): boolean {
  if (process.env.GO_ORACLE === '0') return false;
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  return r.status === 0 && /go1\.26/.test(r.stdout);
}

const run = haveGo() ? describe : describe.skip;

run('Go oracle fixtures are current', () => {
  let outDir = '';
  let ran = false;
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'go-oracle-'));
    const r = spawnSync('bash', [path.join(fixtures, 'regen.sh'), outDir], { encoding: 'utf8', timeout: 280_000 });
    ran = r.status === 0;
    if (!ran) console.warn('Go oracle run failed; fixtures not re-verified:\n' + r.stderr);
  }, 300_000);
  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  const names = ['url', 'cron', 'strconv', 'json', 'uuid', 'timezone', 'regexp'];
  test.each(names)('%s_oracle.json', (name) => {
    if (!ran) return;
    const fresh = JSON.parse(fs.readFileSync(path.join(outDir, `${name}_oracle.json`), 'utf8'));
    const checkedIn = JSON.parse(fs.readFileSync(path.join(fixtures, `${name}_oracle.json`), 'utf8'));
    expect(fresh).toEqual(checkedIn);
  });
  test('unicode_print_table.ts', () => {
    if (!ran) return;
    const fresh = fs.readFileSync(path.join(outDir, 'unicode_print_table.ts'), 'utf8');
    const checkedIn = fs.readFileSync(path.join(repoRoot, 'provider', 'framework', 'go', 'unicode_print_table.ts'), 'utf8');
    expect(fresh).toBe(checkedIn);
  });
});
