/**
 * Protocol 6 adapter: the tfplugin6.Provider method table and a grpc-js implementation of it
 * backed by a ProviderServer.
 */
import type * as grpc from '@grpc/grpc-js';
import { tfplugin6 as pb } from './generated/tfplugin6';
import * as c from './convert';
import type { GetProviderSchemaResponse, ProviderServer } from './interface';
import { completeImplementation, encodedOnce, method, unaryHandler, type CallEnv, type MethodSpec } from './runtime';

/** The schema answer, converted and encoded once per provider answer object (it never changes). */
/** The encoded schema answer, once per answer object (snapshot-main.ts encodes it ahead of time). */
export const schemaBytes = encodedOnce(pb.GetProviderSchema.Response, (r: GetProviderSchemaResponse) => c.getProviderSchemaResponseToProto(r, 6));

export const TFPLUGIN6_SERVICE = 'tfplugin6.Provider';

/** Every RPC of tfplugin6.Provider (protocol 6.11 plus Terraform main additions). */
export const tfplugin6Methods: readonly MethodSpec[] = [
  method('GetMetadata', 'unary', pb.GetMetadata.Request, pb.GetMetadata.Response),
  method('GetProviderSchema', 'unary', pb.GetProviderSchema.Request, pb.GetProviderSchema.Response),
  method('ValidateProviderConfig', 'unary', pb.ValidateProviderConfig.Request, pb.ValidateProviderConfig.Response),
  method('ValidateResourceConfig', 'unary', pb.ValidateResourceConfig.Request, pb.ValidateResourceConfig.Response),
  method('ValidateDataResourceConfig', 'unary', pb.ValidateDataResourceConfig.Request, pb.ValidateDataResourceConfig.Response),
  method('UpgradeResourceState', 'unary', pb.UpgradeResourceState.Request, pb.UpgradeResourceState.Response),
  method('GetResourceIdentitySchemas', 'unary', pb.GetResourceIdentitySchemas.Request, pb.GetResourceIdentitySchemas.Response),
  method('UpgradeResourceIdentity', 'unary', pb.UpgradeResourceIdentity.Request, pb.UpgradeResourceIdentity.Response),
  method('ConfigureProvider', 'unary', pb.ConfigureProvider.Request, pb.ConfigureProvider.Response),
  method('ReadResource', 'unary', pb.ReadResource.Request, pb.ReadResource.Response),
  method('PlanResourceChange', 'unary', pb.PlanResourceChange.Request, pb.PlanResourceChange.Response),
  method('ApplyResourceChange', 'unary', pb.ApplyResourceChange.Request, pb.ApplyResourceChange.Response),
  method('ImportResourceState', 'unary', pb.ImportResourceState.Request, pb.ImportResourceState.Response),
  method('MoveResourceState', 'unary', pb.MoveResourceState.Request, pb.MoveResourceState.Response),
  method('ReadDataSource', 'unary', pb.ReadDataSource.Request, pb.ReadDataSource.Response),
  method('GenerateResourceConfig', 'unary', pb.GenerateResourceConfig.Request, pb.GenerateResourceConfig.Response),
  method('ValidateEphemeralResourceConfig', 'unary', pb.ValidateEphemeralResourceConfig.Request, pb.ValidateEphemeralResourceConfig.Response),
  method('OpenEphemeralResource', 'unary', pb.OpenEphemeralResource.Request, pb.OpenEphemeralResource.Response),
  method('RenewEphemeralResource', 'unary', pb.RenewEphemeralResource.Request, pb.RenewEphemeralResource.Response),
  method('CloseEphemeralResource', 'unary', pb.CloseEphemeralResource.Request, pb.CloseEphemeralResource.Response),
  method('ListResource', 'serverStream', pb.ListResource.Request, pb.ListResource.Event),
  method('ValidateListResourceConfig', 'unary', pb.ValidateListResourceConfig.Request, pb.ValidateListResourceConfig.Response),
  method('GetFunctions', 'unary', pb.GetFunctions.Request, pb.GetFunctions.Response),
  method('CallFunction', 'unary', pb.CallFunction.Request, pb.CallFunction.Response),
  method('ValidateStateStoreConfig', 'unary', pb.ValidateStateStoreConfig.Request, pb.ValidateStateStoreConfig.Response),
  method('ConfigureStateStore', 'unary', pb.ConfigureStateStore.Request, pb.ConfigureStateStore.Response),
  method('ReadStateBytes', 'serverStream', pb.ReadStateBytes.Request, pb.ReadStateBytes.Response),
  method('WriteStateBytes', 'clientStream', pb.WriteStateBytes.RequestChunk, pb.WriteStateBytes.Response),
  method('LockState', 'unary', pb.LockState.Request, pb.LockState.Response),
  method('UnlockState', 'unary', pb.UnlockState.Request, pb.UnlockState.Response),
  method('GetStates', 'unary', pb.GetStates.Request, pb.GetStates.Response),
  method('DeleteState', 'unary', pb.DeleteState.Request, pb.DeleteState.Response),
  method('ValidateActionConfig', 'unary', pb.ValidateActionConfig.Request, pb.ValidateActionConfig.Response),
  method('PlanAction', 'unary', pb.PlanAction.Request, pb.PlanAction.Response),
  method('InvokeAction', 'serverStream', pb.InvokeAction.Request, pb.InvokeAction.Event),
  method('StopProvider', 'unary', pb.StopProvider.Request, pb.StopProvider.Response),
];

/**
 * grpc-js handlers for tfplugin6.Provider. Methods the internal interface has no counterpart for
 * answer UNIMPLEMENTED, except GetMetadata (derived from the schema) and
 * GetResourceIdentitySchemas / GetFunctions (empty maps).
 */
export function createV6Implementation(provider: ProviderServer, env: CallEnv): grpc.UntypedServiceImplementation {
  const diagFallback = c.errorDiagnosticsResponse;
  const impl: grpc.UntypedServiceImplementation = {
    GetMetadata: unaryHandler(env, 'GetMetadata', pb.GetMetadata.Response, async (_req, ctx) =>
      c.getMetadataResponseToProto(await provider.getProviderSchema(ctx)), diagFallback),

    GetProviderSchema: unaryHandler(env, 'GetProviderSchema', pb.GetProviderSchema.Response, async (_req, ctx) =>
      schemaBytes(await provider.getProviderSchema(ctx)), c.getProviderSchemaErrorResponse),

    GetResourceIdentitySchemas: unaryHandler(env, 'GetResourceIdentitySchemas', pb.GetResourceIdentitySchemas.Response,
      async () => ({ identitySchemas: {}, diagnostics: [] }), diagFallback),

    GetFunctions: unaryHandler(env, 'GetFunctions', pb.GetFunctions.Response,
      async () => ({ functions: {}, diagnostics: [] }), diagFallback),

    ValidateProviderConfig: unaryHandler(env, 'ValidateProviderConfig', pb.ValidateProviderConfig.Response,
      async (req: pb.ValidateProviderConfig.Request, ctx) =>
        c.diagnosticsResponseToProto(await provider.validateProviderConfig(c.validateProviderConfigRequestFromProto(req), ctx)),
      diagFallback),

    ValidateResourceConfig: unaryHandler(env, 'ValidateResourceConfig', pb.ValidateResourceConfig.Response,
      async (req: pb.ValidateResourceConfig.Request, ctx) =>
        c.diagnosticsResponseToProto(await provider.validateResourceConfig(c.validateResourceConfigRequestFromProto(req), ctx)),
      diagFallback),

    ValidateDataResourceConfig: unaryHandler(env, 'ValidateDataResourceConfig', pb.ValidateDataResourceConfig.Response,
      async (req: pb.ValidateDataResourceConfig.Request, ctx) =>
        c.diagnosticsResponseToProto(
          await provider.validateDataResourceConfig(c.validateDataResourceConfigRequestFromProto(req), ctx),
        ),
      diagFallback),

    UpgradeResourceState: unaryHandler(env, 'UpgradeResourceState', pb.UpgradeResourceState.Response,
      async (req: pb.UpgradeResourceState.Request, ctx) =>
        c.upgradeResourceStateResponseToProto(
          await provider.upgradeResourceState(c.upgradeResourceStateRequestFromProto(req), ctx),
        ),
      diagFallback),

    ConfigureProvider: unaryHandler(env, 'ConfigureProvider', pb.ConfigureProvider.Response,
      async (req: pb.ConfigureProvider.Request, ctx) =>
        c.diagnosticsResponseToProto(await provider.configureProvider(c.configureProviderRequestFromProto(req), ctx)),
      diagFallback),

    ReadResource: unaryHandler(env, 'ReadResource', pb.ReadResource.Response,
      async (req: pb.ReadResource.Request, ctx) =>
        c.readResourceResponseToProto(await provider.readResource(c.readResourceRequestFromProto(req), ctx)),
      diagFallback),

    PlanResourceChange: unaryHandler(env, 'PlanResourceChange', pb.PlanResourceChange.Response,
      async (req: pb.PlanResourceChange.Request, ctx) =>
        c.planResourceChangeResponseToProto(await provider.planResourceChange(c.planResourceChangeRequestFromProto(req), ctx)),
      diagFallback),

    ApplyResourceChange: unaryHandler(env, 'ApplyResourceChange', pb.ApplyResourceChange.Response,
      async (req: pb.ApplyResourceChange.Request, ctx) =>
        c.applyResourceChangeResponseToProto(
          await provider.applyResourceChange(c.applyResourceChangeRequestFromProto(req), ctx),
        ),
      diagFallback),

    ImportResourceState: unaryHandler(env, 'ImportResourceState', pb.ImportResourceState.Response,
      async (req: pb.ImportResourceState.Request, ctx) =>
        c.importResourceStateResponseToProto(
          await provider.importResourceState(c.importResourceStateRequestFromProto(req), ctx),
        ),
      diagFallback),

    MoveResourceState: unaryHandler(env, 'MoveResourceState', pb.MoveResourceState.Response,
      async (req: pb.MoveResourceState.Request, ctx) =>
        c.moveResourceStateResponseToProto(await provider.moveResourceState(c.moveResourceStateRequestFromProto(req), ctx)),
      diagFallback),

    ReadDataSource: unaryHandler(env, 'ReadDataSource', pb.ReadDataSource.Response,
      async (req: pb.ReadDataSource.Request, ctx) =>
        c.readDataSourceResponseToProto(await provider.readDataSource(c.readDataSourceRequestFromProto(req), ctx)),
      diagFallback),

    StopProvider: unaryHandler(env, 'StopProvider', pb.StopProvider.Response,
      async () => {
        env.stop.stop();
        const error = await provider.stopProvider();
        return { Error: typeof error === 'string' ? error : '' };
      },
      (error) => ({ Error: c.errorMessage(error) })),
  };
  return completeImplementation(TFPLUGIN6_SERVICE, tfplugin6Methods, impl);
}
