/**
 * Runs `terraform-provider-coder check` from the built bundle the way a user does (a separate
 * process), for the e2e tests in test/e2e/check*.test.ts.
 *
 * The user's environment it simulates: an isolated HOME, real tofu from $TOFU, and a CLI config of
 * the user's own (TF_CLI_CONFIG_FILE) whose filesystem mirror offers hashicorp/random — and also a
 * coder/coder build, which the check must not pick (it installs itself instead).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureMirror, oursBin, REPO_ROOT, tofuBin } from '../e2e/harness';

export const CORPUS_DIR = path.join(REPO_ROOT, 'test', 'check-corpus');

export interface CheckRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

export interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'note';
  message: string;
  file: string;
  path: string;
  line?: number;
  column?: number;
  address?: string;
  scenarios: string[];
}

export interface JsonReport {
  format_version: number;
  summary: { errors: number; warnings: number; notes: number; templates: number };
  templates: Array<{
    dir: string;
    providerVersion: string;
    scenarios: Array<{ name: string; transition: string; prebuild: boolean; status: string; durationMs: number; preview?: unknown }>;
    findings: JsonFinding[];
  }>;
}

let userEnv: Record<string, string> | undefined;
let userRoot: string | undefined;
let bundleCopy: string | undefined;

/** Removes the simulated user's home, config and bundle copy (after the test file). */
function cleanupUser(): void {
  if (userRoot) fs.rmSync(userRoot, { recursive: true, force: true });
  userRoot = undefined;
  userEnv = undefined;
  bundleCopy = undefined;
}
if (typeof afterAll === 'function') afterAll(cleanupUser);
process.on('exit', cleanupUser);

/**
 * The bundle under test, copied once per test file: other work in the tree may rebuild dist/
 * while a long corpus run is going on.
 */
function bundle(): string {
  if (!bundleCopy) {
    checkUserEnv();
    bundleCopy = path.join(userRoot!, 'terraform-provider-coder');
    fs.copyFileSync(oursBin(), bundleCopy);
    fs.chmodSync(bundleCopy, 0o755);
  }
  return bundleCopy;
}

/** The simulated user's environment (created once per test file). */
export function checkUserEnv(): Record<string, string> {
  if (userEnv) return userEnv;
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-check-user-')));
  userRoot = root;
  const home = path.join(root, 'home');
  fs.mkdirSync(home);
  const cli = path.join(root, 'user.tfrc');
  fs.writeFileSync(cli, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(ensureMirror('ours'))}\n  }\n}\n`);
  userEnv = {
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    TMPDIR: os.tmpdir(),
    LANG: 'C.UTF-8',
    TOFU: tofuBin(),
    TF_CLI_CONFIG_FILE: cli,
    NO_COLOR: '1',
  };
  return userEnv;
}

/** Runs the check with `args` in `cwd`. */
export function runCheck(args: readonly string[], cwd: string, extraEnv: Record<string, string> = {}, timeoutMs = 600_000): Promise<CheckRun> {
  const bin = bundle();
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'check', ...args], { cwd, env: { ...checkUserEnv(), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, durationMs: Date.now() - started });
    });
  });
}

/** Runs tasks with at most `limit` at once. */
export async function inPool<T>(limit: number, items: readonly (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= items.length) return;
        out[i] = await items[i]!();
      }
    }),
  );
  return out;
}

export interface CorpusCase {
  readonly name: string;
  readonly dir: string;
  readonly description: string;
  readonly findings: ReadonlyArray<{ rule: string; at: string }>;
  readonly scenarioFile?: string;
}

export function corpusCases(): CorpusCase[] {
  return fs
    .readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(CORPUS_DIR, e.name, 'expect.json')))
    .map((e) => {
      const dir = path.join(CORPUS_DIR, e.name);
      const expect = JSON.parse(fs.readFileSync(path.join(dir, 'expect.json'), 'utf8')) as { description: string; findings: Array<{ rule: string; at: string }> };
      return {
        name: e.name,
        dir,
        description: expect.description,
        findings: expect.findings,
        ...(fs.existsSync(path.join(dir, 'scenario.json')) ? { scenarioFile: 'scenario.json' } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `rule@file:line` of every finding in a report (one template). */
export function findingKeys(findings: readonly JsonFinding[]): string[] {
  return [...new Set(findings.map((f) => `${f.ruleId}@${f.file}${f.line ? `:${f.line}` : ''}`))].sort();
}
