/** Every resource and data source the provider serves, in one list each. */
import type { DataSourceDefinition, ResourceDefinition } from '../framework/resource';
import type { CoderProviderData } from './provider_data';
import { agentResource } from './agent';
import { metadataResource } from './metadata';
import { envResource } from './env';
import { appResource } from './app';
import { scriptResource } from './script';
import { devcontainerResource } from './devcontainer';
import { externalAgentResource } from './external_agent';
import { agentInstanceResource } from './agent_instance';
import { aiTaskResource } from './ai_task';
import { workspaceDataSource } from './workspace';
import { workspaceOwnerDataSource } from './workspace_owner';
import { secretDataSource } from './secret';
import { workspaceTagsDataSource } from './workspace_tags';
import { provisionerDataSource } from './provisioner';
import { parameterDataSource } from './parameter';
import { externalAuthDataSource } from './external_auth';
import { workspacePresetDataSource } from './workspace_preset';
import { taskDataSource } from './task';

export const resources: ResourceDefinition<CoderProviderData>[] = [agentResource, metadataResource, envResource, appResource, scriptResource, devcontainerResource, externalAgentResource, agentInstanceResource, aiTaskResource];

export const dataSources: DataSourceDefinition<CoderProviderData>[] = [
  workspaceDataSource,
  workspaceOwnerDataSource,
  secretDataSource,
  workspaceTagsDataSource,
  provisionerDataSource,
  parameterDataSource,
  externalAuthDataSource,
  workspacePresetDataSource,
  taskDataSource,
];
