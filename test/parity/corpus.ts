/**
 * The parity corpus: every case is a template, the CODER_* environment it runs under and the
 * phase it runs to. Most cases are files under test/parity/cases/<area>/<name>.tf (format in
 * test/parity/README.md); the coder_parameter enforcement table and the form-type table are
 * generated from the unit tests' case tables (test/unit/coder/parameter_cases.ts and
 * formtype_cases.ts), so the same rows are checked in-process and through real tofu.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coderBuildEnv, coderParameterEnvName, type EnvOverlay } from '../e2e/harness';
import { CASES as TABLE_CASES, tableConfig, tableEnv } from '../unit/coder/parameter_cases';
import { CASES as FORM_TYPE_CASES, configOf as formTypeConfig } from '../unit/coder/formtype_cases';
import { hclBlock, type HclBody } from './hcl';

/**
 * How far a case runs: `validate`; `plan`; `apply` (then a second plan); `replan` (like apply, for
 * an error the second plan reports); `update` (apply, then the case's `<name>.update.tf` replaces
 * the template and is planned, applied and planned again).
 */
export type Phase = 'validate' | 'plan' | 'apply' | 'replan' | 'update';
/** ok: every step succeeds; error: the phase's step fails; changes: apply succeeds but the second plan is not empty. */
export type Expect = 'ok' | 'error' | 'changes';

/** What a case expects of our provider when the Go provider cannot be the reference (see accepted.ts). */
export interface Expectation {
  /** Exit codes of the steps that ran, e.g. { plan: 0, apply: 1 }. */
  readonly exit?: Partial<Record<'validate' | 'plan' | 'apply' | 'replan' | 'update-plan' | 'update-apply' | 'update-replan', number>>;
  /** Diagnostics (any step) that must appear; each compared on the fields it gives. */
  readonly diagnostics?: readonly Record<string, unknown>[];
  /** Diagnostics must be exactly these (after the fields-given comparison), no others. */
  readonly exactDiagnostics?: boolean;
  /** address → attribute values the state (or, without apply, the plan's prior state) must hold. */
  readonly values?: Readonly<Record<string, Record<string, unknown>>>;
  /** address → paths (dot-separated) that must be marked sensitive in the state. */
  readonly sensitive?: Readonly<Record<string, readonly string[]>>;
}

export interface Case {
  /** `<area>/<name>`, unique. */
  readonly id: string;
  readonly area: string;
  readonly title: string;
  /** Where the case is defined (a file, or the generator and row). */
  readonly source: string;
  readonly phase: Phase;
  readonly expect: Expect;
  /** The module text (the case file as is: directives are comments). */
  readonly hcl: string;
  /** Phase `update`: the template that replaces `hcl` after the first apply. */
  readonly updateHcl?: string;
  /** The environment overlay for every tofu command of the case. */
  readonly env: EnvOverlay;
  /** Names of the env vars the case file sets or unsets explicitly (coverage checks). */
  readonly explicitEnv: readonly string[];
  /** Run in a work dir of its own, as the root module (provider blocks, crashing inputs). */
  readonly solo: boolean;
  readonly expectation?: Expectation;
}

export const CASES_DIR = path.join(__dirname, 'cases');

const DIRECTIVE = /^#@\s*(.*)$/;

/** Parses a JSON string value of a directive (`"..."`), or throws with the file name. */
function jsonString(text: string, where: string): string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error(`${where}: value must be a JSON string, got ${text}`);
  }
  if (typeof v !== 'string') throw new Error(`${where}: value must be a JSON string, got ${text}`);
  return v;
}

/** Parses one case file; directives are `#@ ...` comment lines at the top (see README.md). */
export function parseCaseFile(file: string, text: string, area: string): Case {
  const name = path.basename(file, '.tf');
  const where = path.relative(path.join(__dirname, '..', '..'), file);
  let phase: Phase | undefined;
  let expect: Expect | undefined;
  let build = false;
  let solo = false;
  const titleLines: string[] = [];
  const set: Record<string, string> = {};
  const unset: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('#')) break; // directives and the title come before the first block
    const m = DIRECTIVE.exec(line);
    if (!m) {
      titleLines.push(line.replace(/^#\s?/, ''));
      continue;
    }
    const d = (m[1] ?? '').trim();
    let mm: RegExpExecArray | null;
    if ((mm = /^phase:\s*(validate|plan|apply|replan|update)$/.exec(d))) phase = mm[1] as Phase;
    else if ((mm = /^expect:\s*(ok|error|changes)$/.exec(d))) expect = mm[1] as Expect;
    else if (d === 'env: build') build = true;
    else if (d === 'solo') solo = true;
    else if ((mm = /^set\s+(\S+)\s*=\s*(.*)$/.exec(d))) set[mm[1]!] = jsonString(mm[2]!, `${where}: ${d}`);
    else if ((mm = /^unset\s+(\S+)$/.exec(d))) unset.push(mm[1]!);
    else if ((mm = /^(param|previous)\s+("(?:[^"\\]|\\.)*")\s*=\s*(.*)$/.exec(d))) {
      const pname = jsonString(mm[2]!, `${where}: ${d}`);
      set[coderParameterEnvName(pname, mm[1] === 'previous')] = jsonString(mm[3]!, `${where}: ${d}`);
    } else throw new Error(`${where}: unknown directive "#@ ${d}"`);
  }
  if (!phase) throw new Error(`${where}: missing "#@ phase: validate|plan|apply|replan|update"`);
  if (!expect) throw new Error(`${where}: missing "#@ expect: ok|error|changes"`);
  if (expect === 'changes' && phase !== 'apply') throw new Error(`${where}: expect changes goes with phase apply`);
  const env: EnvOverlay = build ? coderBuildEnv() : {};
  for (const k of unset) env[k] = undefined;
  Object.assign(env, set);
  const expectFile = file.replace(/\.tf$/, '.expect.json');
  const expectation = fs.existsSync(expectFile) ? (JSON.parse(fs.readFileSync(expectFile, 'utf8')) as Expectation) : undefined;
  const updateFile = file.replace(/\.tf$/, '.update.tf');
  const updateHcl = fs.existsSync(updateFile) ? fs.readFileSync(updateFile, 'utf8') : undefined;
  if ((phase === 'update') !== (updateHcl !== undefined)) throw new Error(`${where}: phase update and a ${path.basename(updateFile)} go together`);
  return {
    id: `${area}/${name}`,
    area,
    title: titleLines.join(' ') || name,
    source: where,
    phase,
    expect,
    hcl: text,
    ...(updateHcl !== undefined ? { updateHcl } : {}),
    env,
    explicitEnv: [...Object.keys(set), ...unset],
    solo: solo || /^\s*provider\s+"coder"/m.test(text),
    ...(expectation ? { expectation } : {}),
  };
}

/** Every case file under cases/<area>/. */
export function fileCases(dir = CASES_DIR): Case[] {
  const out: Case[] = [];
  for (const area of fs.readdirSync(dir).sort()) {
    const areaDir = path.join(dir, area);
    if (!fs.statSync(areaDir).isDirectory()) continue;
    for (const f of fs.readdirSync(areaDir).sort()) {
      if (!f.endsWith('.tf') || f.endsWith('.update.tf')) continue;
      const file = path.join(areaDir, f);
      out.push(parseCaseFile(file, fs.readFileSync(file, 'utf8'), area));
    }
  }
  return out;
}

/** The Go parameter enforcement table, one case per (row, type), each parameter named after its row. */
export function parameterTableCases(): Case[] {
  return TABLE_CASES.map(([label, row, type], i) => {
    const name = `table_${i}`;
    const config = tableConfig(row, type, name) as HclBody;
    const failing = row.expect.summary !== undefined;
    const env = tableEnv(row, name);
    return {
      id: `parameter-table/${String(i).padStart(2, '0')}-${row.name.replace(/[^A-Za-z0-9]+/g, '_')}-${type.replace(/[^a-z]+/g, '')}`,
      area: 'parameter-table',
      title: `parameter table row ${label}`,
      source: `test/unit/coder/parameter_cases.ts ROWS["${row.name}"] (${type})`,
      phase: failing ? 'plan' : 'apply',
      expect: failing ? 'error' : 'ok',
      hcl: hclBlock('data', 'coder_parameter', 'p', config),
      env,
      explicitEnv: Object.keys(env),
      solo: false,
    };
  });
}

/** The 89 form-type cases of the Go test, with the config its generator writes. */
export function formTypeCases(): Case[] {
  return FORM_TYPE_CASES.map((c) => {
    const { config } = formTypeConfig(c.check);
    const failing = c.goError !== undefined;
    return {
      id: `form-type/${c.name}`,
      area: 'form-type',
      title: `form_type ${c.check.formType || '(unset)'} for type ${c.check.type || '(unset)'}, ${c.check.options ? 'with' : 'without'} options`,
      source: `test/unit/coder/formtype_cases.ts "${c.name}"`,
      phase: failing ? 'plan' : 'apply',
      expect: failing ? 'error' : 'ok',
      hcl: hclBlock('data', 'coder_parameter', 'p', config as HclBody),
      env: {},
      explicitEnv: [],
      solo: false,
    };
  });
}

export interface Corpus {
  readonly cases: readonly Case[];
}

export function loadCorpus(): Corpus {
  const cases = [...fileCases(), ...parameterTableCases(), ...formTypeCases()];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`duplicate parity case id ${c.id}`);
    seen.add(c.id);
  }
  return { cases };
}
