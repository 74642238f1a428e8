/**
 * `tofu plan` / `tofu apply` cycles over a generated template, for one subject:
 *
 *   ours          our bundle (dist/terraform-provider-coder), template without coder_secret
 *   go            the Go provider (v2.18.0, mirrored as 2.17.0), same template
 *   floor         the same graph from terraform_data alone: no provider process at all
 *   ours-secrets  our bundle, the template variant with coder_secret data sources
 *
 * A cycle starts from an empty state: `plan -out=tfplan`, then `apply tfplan`; both are timed on
 * their own. Work dirs come from the e2e harness (filesystem mirror, isolated HOME, clean env);
 * `init` runs once per work dir and is not part of the figures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coderBuildEnv, commandEnv, createWorkdir, init, tofuBin, type ProviderKind, type Workdir } from '../../test/e2e/harness';
import { peakRssKb, providerCpuMs, runSampled, type RunResult } from './proc';
import { buildTemplate, renderTemplate, type Template } from './templates';

export type Subject = 'ours' | 'go' | 'floor' | 'ours-secrets';
export const SUBJECTS: readonly Subject[] = ['ours', 'go', 'floor', 'ours-secrets'];

export interface CycleFigures {
  readonly planMs: number;
  readonly applyMs: number;
  /** Peak RSS (KiB) of any provider process during the plan or the apply; null for the floor. */
  readonly providerPeakRssKb: number | null;
  /** Provider CPU time (ms) summed over the plan and the apply; null for the floor. */
  readonly providerCpuMs: number | null;
  /** Provider processes tofu started for plan + apply. */
  readonly providerProcesses: number;
}

export class TofuBench {
  readonly template: Template;
  private wd: Workdir | undefined;
  private env: Record<string, string> = {};

  /**
   * `cycleEnv` is laid over the environment of the timed commands only (not `init`), e.g. a CLI
   * config whose dev_overrides runs the provider under a profiler.
   */
  constructor(
    readonly subject: Subject,
    readonly size: number,
    private readonly cycleEnv: Record<string, string> = {},
  ) {
    this.template = buildTemplate({ size, secrets: subject === 'ours-secrets' });
  }

  /** Resources tofu should report as added by one apply. */
  get expectedAdds(): number {
    if (this.subject === 'floor') return this.template.nodes.length;
    return this.template.nodes.filter((n) => n.mode === 'resource').length;
  }

  async prepare(): Promise<void> {
    const provider: ProviderKind = this.subject === 'go' ? 'go' : 'ours';
    const flavor = this.subject === 'floor' ? 'floor' : 'coder';
    this.wd = createWorkdir({ files: { 'main.tf': renderTemplate(this.template, flavor) }, provider });
    const overlay = coderBuildEnv(this.template.env);
    await init(this.wd, { env: overlay, timeoutMs: 300_000 });
    this.env = commandEnv(this.wd, { ...overlay, ...this.cycleEnv });
  }

  private run(args: string[]): Promise<RunResult> {
    const wd = this.requireWd();
    return runSampled(tofuBin(), args, { cwd: wd.dir, env: this.env, timeoutMs: 600_000, sampleEveryMs: this.subject === 'floor' ? 0 : 25 });
  }

  private requireWd(): Workdir {
    if (!this.wd) throw new Error('TofuBench.prepare() first');
    return this.wd;
  }

  /** One timed cycle from an empty state. Throws if tofu fails or applies a different count. */
  async cycle(): Promise<CycleFigures> {
    const wd = this.requireWd();
    for (const f of ['terraform.tfstate', 'terraform.tfstate.backup', 'tfplan']) fs.rmSync(path.join(wd.dir, f), { force: true });
    const plan = await this.run(['plan', '-input=false', '-no-color', '-out=tfplan']);
    this.check(plan, 'plan');
    const apply = await this.run(['apply', '-input=false', '-no-color', 'tfplan']);
    this.check(apply, 'apply');
    const added = /Apply complete! Resources: (\d+) added/.exec(apply.stdout);
    if (!added || Number(added[1]) !== this.expectedAdds) {
      throw new Error(`${this.label}: apply added ${added?.[1] ?? 'nothing'}, expected ${this.expectedAdds}`);
    }
    const rss = [peakRssKb(plan), peakRssKb(apply)].filter((x): x is number => x !== null);
    const cpu = [providerCpuMs(plan), providerCpuMs(apply)].filter((x): x is number => x !== null);
    return {
      planMs: plan.wallMs,
      applyMs: apply.wallMs,
      providerPeakRssKb: rss.length ? Math.max(...rss) : null,
      providerCpuMs: cpu.length ? cpu.reduce((a, b) => a + b, 0) : null,
      providerProcesses: plan.providers.length + apply.providers.length,
    };
  }

  get label(): string {
    return `${this.subject}@${this.size}`;
  }

  private check(r: RunResult, what: string): void {
    if (r.code === 0) return;
    const tail = (s: string): string => (s.length > 3000 ? `…${s.slice(-3000)}` : s);
    throw new Error(`${this.label}: tofu ${what} exited ${r.code ?? r.signal}\n${tail(r.stderr)}\n${tail(r.stdout)}`);
  }

  cleanup(): void {
    this.wd?.cleanup();
    this.wd = undefined;
  }
}
