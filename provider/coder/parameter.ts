/**
 * data coder_parameter: a workspace build parameter. Coder hands the user's value to the build in
 * CODER_PARAMETER_<sha256 hex of name> (and the previous build's value in
 * CODER_PARAMETER_PREVIOUS_<...>). Both variables count when present, even if empty: an empty
 * value replaces the default. The value is checked against the options and the validation block
 * (see parameter_validation.ts) and written to `value`.
 */
import { createHash } from 'node:crypto';
import { BigNumber, obj, type ObjectValue, type Value } from '../values/value';
import { attr, block } from '../framework/schema';
import { errorDiag } from '../framework/diagnostics';
import type { DataSourceDefinition } from '../framework/resource';
import type { CoderProviderData } from './provider_data';
import { oneOf, validUrl } from './validators';
import { newId } from './ids';
import { FORM_TYPES, OPTION_TYPES } from './formtype';
import { validateParameterInput, type ParameterOption, type ValidationRule } from './parameter_validation';

const nameHash = (name: string): string => createHash('sha256').update(name, 'utf8').digest('hex');

/** The variable carrying the user's value for the parameter called `name`. */
export const parameterEnvVar = (name: string): string => `CODER_PARAMETER_${nameHash(name)}`;
/** The variable carrying the previous build's value (for monotonic validation). */
export const parameterPreviousEnvVar = (name: string): string => `CODER_PARAMETER_PREVIOUS_${nameHash(name)}`;

const str = (v: Value | undefined): string => (typeof v === 'string' ? v : '');
const list = (v: Value | undefined): ObjectValue[] => (Array.isArray(v) ? (v as ObjectValue[]) : []);
const int = (v: Value | undefined): bigint => {
  if (typeof v === 'number') return BigInt(Math.trunc(v));
  if (v instanceof BigNumber && /^-?\d+$/.test(v.text)) return BigInt(v.text);
  return 0n;
};

export const parameterDataSource: DataSourceDefinition<CoderProviderData> = {
  typeName: 'coder_parameter',
  schema: {
    version: 1,
    description: 'A value the workspace owner chooses for a build, optionally from a set of options and subject to validation.',
    attributes: {
      default: attr.string({ optional: true, description: 'Value used when the owner supplies none. Setting it (even to "") makes the parameter optional.' }),
      description: attr.string({ optional: true, description: 'Explains the parameter to the owner (Markdown).' }),
      display_name: attr.string({ optional: true, description: 'Name shown in the UI instead of `name`.' }),
      ephemeral: attr.bool({ optional: true, default: false, description: 'Whether the value applies to one build only instead of being kept for the next.' }),
      form_type: attr.string({
        optional: true,
        default: '',
        description: `UI control for the parameter; one of ${FORM_TYPES.join(', ')}. Unset picks one from \`type\` and whether options exist.`,
        validators: [oneOf(FORM_TYPES)],
      }),
      icon: attr.string({ optional: true, forceNew: true, description: 'URL or path of an icon shown next to the parameter.', validators: [validUrl] }),
      mutable: attr.bool({ optional: true, default: false, description: 'Whether the owner may change the value after the workspace is created.' }),
      name: attr.string({ required: true, description: 'Identifies the parameter; renaming it asks owners for a value again.' }),
      optional: attr.bool({ computed: true, description: 'True when the parameter has a default, so a value need not be supplied.' }),
      order: attr.int({ optional: true, description: 'Position in the UI; lower first, ties ordered by name.' }),
      styling: attr.string({ optional: true, default: '{}', description: 'JSON object with purely cosmetic UI hints.' }),
      type: attr.string({
        optional: true,
        default: 'string',
        description: `Type of the value; one of ${OPTION_TYPES.join(', ')}.`,
        validators: [oneOf(OPTION_TYPES)],
      }),
      value: attr.string({ computed: true, description: 'The resulting value: the supplied one, else the default, else "".' }),
    },
    blocks: {
      option: block.list({
        forceNew: true,
        description: 'One value the owner can pick.',
        attributes: {
          description: attr.string({ optional: true, forceNew: true, description: 'Explains the option.' }),
          icon: attr.string({ optional: true, forceNew: true, description: 'URL or path of an icon for the option.', validators: [validUrl] }),
          name: attr.string({ required: true, forceNew: true, description: 'Label of the option.' }),
          value: attr.string({ required: true, forceNew: true, description: 'Value the parameter takes when this option is picked.' }),
        },
      }),
      validation: block.list({
        maxItems: 1,
        description: 'Rules the value must satisfy.',
        attributes: {
          error: attr.string({ optional: true, description: 'Message for a failed check; {min}, {max} and {value} are filled in.' }),
          max: attr.int({ optional: true, description: 'Largest allowed value of a number parameter.' }),
          max_disabled: attr.bool({ computed: true, description: 'True when `max` is not set.' }),
          min: attr.int({ optional: true, description: 'Smallest allowed value of a number parameter.' }),
          min_disabled: attr.bool({ computed: true, description: 'True when `min` is not set.' }),
          monotonic: attr.string({ optional: true, description: 'For numbers: "increasing" or "decreasing" relative to the previous build.' }),
          regex: attr.string({
            optional: true,
            conflictsWith: ['validation.0.min', 'validation.0.max', 'validation.0.monotonic'],
            description: 'For strings: a Go (RE2) regular expression the value must match somewhere; requires `error`.',
          }),
        },
      }),
    },
  },
  read(config, ctx) {
    const id = newId();

    // The validation block is written back whole, with flags telling whether min/max were set.
    const configuredRule = list(config.validation)[0];
    const validationState: Value[] = [];
    const rules: ValidationRule[] = [];
    if (configuredRule) {
      const minDisabled = (configuredRule.min ?? null) === null;
      const maxDisabled = (configuredRule.max ?? null) === null;
      validationState.push(
        obj({
          min: minDisabled ? 0 : (configuredRule.min as Value),
          max: maxDisabled ? 0 : (configuredRule.max as Value),
          min_disabled: minDisabled,
          max_disabled: maxDisabled,
          monotonic: str(configuredRule.monotonic),
          regex: str(configuredRule.regex),
          error: str(configuredRule.error),
        }),
      );
      rules.push({
        min: int(configuredRule.min),
        minDisabled,
        max: int(configuredRule.max),
        maxDisabled,
        monotonic: str(configuredRule.monotonic),
        regex: str(configuredRule.regex),
        error: str(configuredRule.error),
      });
    }

    const name = str(config.name);
    const defaultValue = typeof config.default === 'string' ? config.default : null;
    const optional = defaultValue !== null;
    const mutable = config.mutable === true;
    const ephemeral = config.ephemeral === true;
    if (!mutable && ephemeral) return { state: null, diagnostics: [errorDiag("parameter can't be immutable and ephemeral")] };
    if (!optional && ephemeral) return { state: null, diagnostics: [errorDiag('ephemeral parameter requires the default property')] };

    const options: ParameterOption[] = list(config.option).map((o) => ({
      name: str(o.name),
      description: str(o.description),
      value: str(o.value),
      icon: str(o.icon),
    }));
    // Presence, not emptiness, decides: an empty variable is a value.
    const input = ctx.env(parameterEnvVar(name));
    const previous = ctx.env(parameterPreviousEnvVar(name));
    const result = validateParameterInput(
      { type: str(config.type), formType: str(config.form_type), default: defaultValue, options, validation: rules },
      input,
      previous,
    );
    if (!result.ok) return { state: null, diagnostics: result.diagnostics };

    return { state: obj({ id, value: result.value, form_type: result.formType, optional, validation: validationState }) };
  },
};
