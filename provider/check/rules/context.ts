/**
 * What a plan rule sees, and helpers shared by rules: locating a plan resource in the .tf files,
 * telling compute resources apart, describing references.
 */
import type { RawFinding } from '../findings';
import type { Graph } from '../graph';
import { at, attrAt, type LocatedBlock, type Locator, type SourceLocation } from '../locator';
import type { PlanModel, PlanResource } from '../plan';

export type Transition = 'start' | 'stop' | 'destroy';

export interface ScenarioInfo {
  readonly name: string;
  readonly transition: Transition;
  readonly prebuild: boolean;
}

export interface PlanRuleContext {
  readonly scenario: ScenarioInfo;
  readonly plan: PlanModel;
  /** `tofu graph -type=plan`; undefined when it could not be produced. */
  readonly graph: Graph | undefined;
  readonly locator: Locator;
}

export interface PlanRule {
  readonly id: string;
  check(ctx: PlanRuleContext): RawFinding[];
}

/** The resource or data block of a plan resource (or of a config address). */
export function blockOf(ctx: PlanRuleContext, r: Pick<PlanResource, 'modulePath' | 'mode' | 'type' | 'name'>): LocatedBlock | undefined {
  return ctx.locator.resource(r.modulePath, r.mode, r.type, r.name);
}

/** Where to report something about a plan resource, optionally at one of its attributes. */
export function locate(ctx: PlanRuleContext, r: Pick<PlanResource, 'modulePath' | 'mode' | 'type' | 'name'>, attr?: string): SourceLocation {
  const b = blockOf(ctx, r);
  if (!b) return ctx.locator.fallback(r.modulePath);
  return attr ? attrAt(b, attr) : at(b);
}

/** A managed resource that is not one of Coder's own: what Coder treats as a workspace resource. */
export function isWorkspaceResource(r: Pick<PlanResource, 'mode' | 'type'>): boolean {
  return r.mode === 'managed' && !r.type.startsWith('coder_');
}

/** Labels (address without the last instance key) of the plan's workspace resources. */
export function workspaceLabels(plan: PlanModel): Set<string> {
  return new Set(plan.resources.filter(isWorkspaceResource).map((r) => r.label));
}

/** Quotes a name for a message. */
export function q(s: string): string {
  return JSON.stringify(s);
}
