/** The plan rules, in report order. Source-scan and tofu-diagnostic rules are applied by the runner. */
import { agentNameDuplicate, agentNameInvalid } from './agents';
import { appSlugDuplicate, appSlugInvalid } from './apps';
import { agentNotAttached, agentRefInvalid } from './attachment';
import type { PlanRule } from './context';
import { metadataDuplicate, metadataMisattached, metadataNotAttached } from './metadata';
import { parameterNameDuplicate, presetParameterUnknown } from './parameters';
import { secretInApp, secretInScript } from './secret-embedded';
import { metadataNotSensitive } from './secret-metadata';
import { parameterLooksSecret } from './secret-parameters';
import { variableNotSensitive } from './secret-variables';

export const PLAN_RULES: readonly PlanRule[] = [
  agentNameInvalid,
  agentNameDuplicate,
  appSlugInvalid,
  appSlugDuplicate,
  metadataDuplicate,
  metadataNotAttached,
  metadataMisattached,
  parameterNameDuplicate,
  agentNotAttached,
  agentRefInvalid,
  presetParameterUnknown,
  parameterLooksSecret,
  metadataNotSensitive,
  secretInScript,
  secretInApp,
  variableNotSensitive,
];
