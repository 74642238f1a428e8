/** The value types the provider decodes: every resource, data source and the provider block. */
import { coderProvider } from '../../../provider/coder/provider';
import { impliedType, withImplicitId } from '../../../provider/framework/schema';
import type { CtyType } from '../../../provider/values';

export interface SchemaTarget {
  readonly kind: 'resource' | 'data' | 'provider';
  readonly name: string;
  readonly type: CtyType;
  readonly version: number;
}

let cached: SchemaTarget[] | undefined;

export function schemaTargets(): readonly SchemaTarget[] {
  cached ??= [
    { kind: 'provider', name: 'provider', type: impliedType(coderProvider.schema), version: coderProvider.schema.version },
    ...coderProvider.resources.map((r) => ({
      kind: 'resource' as const,
      name: r.typeName,
      type: impliedType(withImplicitId(r.schema)),
      version: r.schema.version,
    })),
    ...coderProvider.dataSources.map((d) => ({
      kind: 'data' as const,
      name: d.typeName,
      type: impliedType(withImplicitId(d.schema)),
      version: d.schema.version,
    })),
  ];
  return cached;
}

export const resourceTargets = (): readonly SchemaTarget[] => schemaTargets().filter((s) => s.kind === 'resource');
export const dataTargets = (): readonly SchemaTarget[] => schemaTargets().filter((s) => s.kind === 'data');
export const providerTarget = (): SchemaTarget => schemaTargets().find((s) => s.kind === 'provider')!;
