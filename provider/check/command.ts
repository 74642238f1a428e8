/**
 * `terraform-provider-coder check`: validates Coder templates the way a Coder build would use them,
 * with no Coder server. Loaded only when the subcommand runs (provider/plugin/cli.ts), so plugin
 * mode never pays for it.
 *
 * Exit codes: 0 no errors (warnings and notes allowed), 1 at least one error finding, 2 the check
 * itself could not run (bad arguments, no tofu, unreadable scenario file).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFdSync } from '../plugin/fd-write';
import type { CliContext, CommandResult } from '../plugin/cli';
import { countBySeverity } from './findings';
import { renderJson } from './report/json';
import { renderSarif } from './report/sarif';
import { renderText } from './report/text';
import { runCheck } from './runner';
import { ScenarioFileError } from './scenarios';
import { findTofu, killAll, TofuNotFoundError } from './tofu';
import { removeLiveDirs } from './workdir';

export const CHECK_USAGE = `Usage: terraform-provider-coder check DIR... [options]

Simulates Coder workspace builds of each template DIR with real tofu and this provider
(tofu init, validate, and a plan per scenario with the environment Coder's provisioner sets),
then checks Coder's own rules and secret hygiene on the plans. A DIR without .tf files is a
directory of templates: each subdirectory holding .tf files is checked.

Options:
  --scenario FILE    scenarios to simulate (JSON); default: start, stop, destroy and a prebuild
  --format FORMAT    text (default), json or sarif, written to stdout
  --output FILE      write the report to FILE instead of stdout
  --json FILE        also write the JSON report to FILE
  --sarif FILE       also write the SARIF report to FILE (for code scanning)
  --tofu PATH        tofu or terraform executable (default: $TOFU, $TERRAFORM, tofu or terraform on PATH)
  --provider PATH    check with this coder provider executable instead of this program
  --no-reattach      let tofu start the provider for every command (slower; by default each
                     simulated build attaches all its tofu commands to one provider process)
  --jobs N           scenarios planned at once (default: number of CPUs, at most 4)
  --timeout SECONDS  limit for each tofu command (default 300)
  --no-preview       leave the workspace preview out of the text report
  --keep             keep the temporary run directory (it holds plan files with placeholder secrets)
  --verbose          progress on stderr
  --help             this help

Exit status: 0 no errors, 1 errors found, 2 the check could not run.
See docs/guides/check.md for the rules and the scenario file format.
`;

type Format = 'text' | 'json' | 'sarif';

interface ParsedArgs {
  dirs: string[];
  scenario?: string;
  format: Format;
  output?: string;
  json?: string;
  sarif?: string;
  tofu?: string;
  provider?: string;
  noReattach: boolean;
  jobs: number;
  timeoutMs: number;
  preview: boolean;
  keep: boolean;
  verbose: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export function parseCheckArgs(args: readonly string[]): ParsedArgs {
  const out: ParsedArgs = {
    dirs: [],
    format: 'text',
    noReattach: false,
    jobs: Math.max(1, Math.min(4, os.cpus().length)),
    timeoutMs: 300_000,
    preview: true,
    keep: false,
    verbose: false,
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const valueOf = (): string => {
      if (inline !== undefined) return inline;
      const v = args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        out.help = true;
        break;
      case '--scenario':
      case '--scenarios':
        out.scenario = valueOf();
        break;
      case '--format': {
        const f = valueOf();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not ${JSON.stringify(f)}`);
        out.format = f;
        break;
      }
      case '--output':
      case '-o':
        out.output = valueOf();
        break;
      case '--json':
        out.json = valueOf();
        break;
      case '--sarif':
        out.sarif = valueOf();
        break;
      case '--tofu':
        out.tofu = valueOf();
        break;
      case '--provider':
        out.provider = valueOf();
        break;
      case '--jobs':
      case '-j': {
        const n = Number(valueOf());
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--jobs must be a whole number from 1 to 64');
        out.jobs = n;
        break;
      }
      case '--timeout': {
        const n = Number(valueOf());
        if (!Number.isFinite(n) || n <= 0) throw new UsageError('--timeout must be a positive number of seconds');
        out.timeoutMs = Math.round(n * 1000);
        break;
      }
      case '--no-reattach':
        out.noReattach = true;
        break;
      case '--no-preview':
        out.preview = false;
        break;
      case '--keep':
        out.keep = true;
        break;
      case '--verbose':
      case '-v':
        out.verbose = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        out.dirs.push(a);
    }
  }
  return out;
}

const hasTf = (dir: string): boolean => {
  try {
    return fs.readdirSync(dir).some((n) => n.endsWith('.tf') || n.endsWith('.tf.json'));
  } catch {
    return false;
  }
};

/** Template directories for the DIR arguments: a DIR with .tf files, or each such subdirectory of it. */
export function expandDirs(dirs: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const d of dirs) {
    const abs = path.resolve(cwd, d);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new UsageError(`${d}: no such directory`);
    }
    if (!st.isDirectory()) throw new UsageError(`${d} is not a directory`);
    if (hasTf(abs)) {
      out.push(d);
      continue;
    }
    const subs = fs
      .readdirSync(abs, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && hasTf(path.join(abs, e.name)))
      .map((e) => path.join(d, e.name))
      .sort();
    if (subs.length === 0) throw new UsageError(`${d} holds no .tf files and no template subdirectories`);
    out.push(...subs);
  }
  return out;
}

export async function runCheckCommand(args: readonly string[], ctx: Pick<CliContext, 'env'>): Promise<CommandResult> {
  const cwd = process.cwd();
  let parsed: ParsedArgs;
  let dirs: string[];
  try {
    parsed = parseCheckArgs(args);
    if (parsed.help) {
      writeFdSync(1, CHECK_USAGE);
      return 0;
    }
    if (parsed.dirs.length === 0) throw new UsageError('no template directory given');
    dirs = expandDirs(parsed.dirs, cwd);
  } catch (err) {
    if (err instanceof UsageError) {
      writeFdSync(2, `terraform-provider-coder check: ${err.message}\n\n${CHECK_USAGE}`);
      return 2;
    }
    throw err;
  }

  const onSignal = (): void => {
    killAll();
    removeLiveDirs();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const tofu = await findTofu(parsed.tofu, ctx.env);
    const result = await runCheck({
      dirs,
      ...(parsed.scenario ? { scenarioFile: parsed.scenario } : {}),
      tofu,
      ...(parsed.provider ? { provider: parsed.provider } : {}),
      noReattach: parsed.noReattach,
      jobs: parsed.jobs,
      timeoutMs: parsed.timeoutMs,
      keep: parsed.keep,
      env: ctx.env,
      cwd,
      ...(parsed.verbose ? { progress: (line: string) => writeFdSync(2, `check: ${line}\n`) } : {}),
    });
    const color = parsed.format === 'text' && !parsed.output && !ctx.env['NO_COLOR'] && require('node:tty').isatty(1) === true;
    const render = (f: Format): string =>
      f === 'json' ? renderJson(result, cwd) : f === 'sarif' ? renderSarif(result, cwd) : renderText(result, { cwd, preview: parsed.preview, color: f === parsed.format && color });
    const main = render(parsed.format);
    if (parsed.output) fs.writeFileSync(path.resolve(cwd, parsed.output), main);
    else writeFdSync(1, main);
    if (parsed.json) fs.writeFileSync(path.resolve(cwd, parsed.json), render('json'));
    if (parsed.sarif) fs.writeFileSync(path.resolve(cwd, parsed.sarif), render('sarif'));
    for (const t of result.templates) if (t.keptAt) writeFdSync(2, `check: kept ${t.keptAt}\n`);
    const counts = countBySeverity(result.templates.flatMap((t) => t.findings));
    return counts.error > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof TofuNotFoundError || err instanceof ScenarioFileError) {
      writeFdSync(2, `terraform-provider-coder check: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
