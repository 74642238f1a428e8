// https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface ScriptConfig extends cdktn.TerraformMetaArguments {
  /**
  * The `id` of the coder_agent that runs the script.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#agent_id Script#agent_id}
  */
  readonly agentId: string;
  /**
  * Schedule in 6-field cron syntax with a leading seconds field: `seconds minutes hours day-of-month month day-of-week`, e.g. "0 * /10 * * * *" for every ten minutes. A Unix 5-field expression draws a warning.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#cron Script#cron}
   *
  * Note: The above comment contained a comment block ending sequence (* followed by /). We have introduced a space between to prevent syntax errors. Please ignore the space.
  */
  readonly cron?: string;
  /**
  * Name of the script in the dashboard and its logs.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#display_name Script#display_name}
  */
  readonly displayName: string;
  /**
  * Icon URL shown next to the script's logs, e.g. one of Coder's built-in icons under `/icon/`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#icon Script#icon}
  */
  readonly icon?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#id Script#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * File the script's output is written to; a relative path is taken relative to the agent's temporary directory.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#log_path Script#log_path}
  */
  readonly logPath?: string;
  /**
  * Run the script when the agent starts; it should exit once the workspace is ready.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#run_on_start Script#run_on_start}
  */
  readonly runOnStart?: boolean | cdktn.IResolvable;
  /**
  * Run the script when the workspace stops; it should exit once it is safe to stop.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#run_on_stop Script#run_on_stop}
  */
  readonly runOnStop?: boolean | cdktn.IResolvable;
  /**
  * The script itself.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#script Script#script}
  */
  readonly script: string;
  /**
  * Make logins wait until this start script has finished (users can still choose to connect earlier). Requires `run_on_start`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#start_blocks_login Script#start_blocks_login}
  */
  readonly startBlocksLogin?: boolean | cdktn.IResolvable;
  /**
  * Seconds the script may run before it is killed and the agent is marked as timed out. 0, the default, means no limit; a configured value must be at least 1.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#timeout Script#timeout}
  */
  readonly timeout?: number;
}

/**
* Represents a {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script coder_script}
*/
export class Script extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "coder_script";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a Script resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Script to import
  * @param importFromId The id of the existing Script that should be imported. Refer to the {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Script to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "coder_script", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/coder/coder/2.17.0/docs/resources/script coder_script} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ScriptConfig
  */
  public constructor(scope: Construct, id: string, config: ScriptConfig) {
    super(scope, id, {
      terraformResourceType: 'coder_script',
      terraformGeneratorMetadata: {
        providerName: 'coder',
        providerVersion: '2.17.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._agentId = config.agentId;
    this._cron = config.cron;
    this._displayName = config.displayName;
    this._icon = config.icon;
    this._id = config.id;
    this._logPath = config.logPath;
    this._runOnStart = config.runOnStart;
    this._runOnStop = config.runOnStop;
    this._script = config.script;
    this._startBlocksLogin = config.startBlocksLogin;
    this._timeout = config.timeout;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // agent_id - computed: false, optional: false, required: true
  private _agentId?: string; 
  public get agentId() {
    return this.getStringAttribute('agent_id');
  }
  public set agentId(value: string) {
    this._agentId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get agentIdInput() {
    return this._agentId;
  }

  // cron - computed: false, optional: true, required: false
  private _cron?: string; 
  public get cron() {
    return this.getStringAttribute('cron');
  }
  public set cron(value: string) {
    this._cron = value;
  }
  public resetCron() {
    this._cron = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cronInput() {
    return this._cron;
  }

  // display_name - computed: false, optional: false, required: true
  private _displayName?: string; 
  public get displayName() {
    return this.getStringAttribute('display_name');
  }
  public set displayName(value: string) {
    this._displayName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get displayNameInput() {
    return this._displayName;
  }

  // icon - computed: false, optional: true, required: false
  private _icon?: string; 
  public get icon() {
    return this.getStringAttribute('icon');
  }
  public set icon(value: string) {
    this._icon = value;
  }
  public resetIcon() {
    this._icon = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get iconInput() {
    return this._icon;
  }

  // id - computed: true, optional: true, required: false
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  public resetId() {
    this._id = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // log_path - computed: false, optional: true, required: false
  private _logPath?: string; 
  public get logPath() {
    return this.getStringAttribute('log_path');
  }
  public set logPath(value: string) {
    this._logPath = value;
  }
  public resetLogPath() {
    this._logPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get logPathInput() {
    return this._logPath;
  }

  // run_on_start - computed: false, optional: true, required: false
  private _runOnStart?: boolean | cdktn.IResolvable; 
  public get runOnStart() {
    return this.getBooleanAttribute('run_on_start');
  }
  public set runOnStart(value: boolean | cdktn.IResolvable) {
    this._runOnStart = value;
  }
  public resetRunOnStart() {
    this._runOnStart = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get runOnStartInput() {
    return this._runOnStart;
  }

  // run_on_stop - computed: false, optional: true, required: false
  private _runOnStop?: boolean | cdktn.IResolvable; 
  public get runOnStop() {
    return this.getBooleanAttribute('run_on_stop');
  }
  public set runOnStop(value: boolean | cdktn.IResolvable) {
    this._runOnStop = value;
  }
  public resetRunOnStop() {
    this._runOnStop = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get runOnStopInput() {
    return this._runOnStop;
  }

  // script - computed: false, optional: false, required: true
  private _script?: string; 
  public get script() {
    return this.getStringAttribute('script');
  }
  public set script(value: string) {
    this._script = value;
  }
  // Temporarily expose input value. Use with caution.
  public get scriptInput() {
    return this._script;
  }

  // start_blocks_login - computed: false, optional: true, required: false
  private _startBlocksLogin?: boolean | cdktn.IResolvable; 
  public get startBlocksLogin() {
    return this.getBooleanAttribute('start_blocks_login');
  }
  public set startBlocksLogin(value: boolean | cdktn.IResolvable) {
    this._startBlocksLogin = value;
  }
  public resetStartBlocksLogin() {
    this._startBlocksLogin = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get startBlocksLoginInput() {
    return this._startBlocksLogin;
  }

  // timeout - computed: false, optional: true, required: false
  private _timeout?: number; 
  public get timeout() {
    return this.getNumberAttribute('timeout');
  }
  public set timeout(value: number) {
    this._timeout = value;
  }
  public resetTimeout() {
    this._timeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutInput() {
    return this._timeout;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      agent_id: cdktn.stringToTerraform(this._agentId),
      cron: cdktn.stringToTerraform(this._cron),
      display_name: cdktn.stringToTerraform(this._displayName),
      icon: cdktn.stringToTerraform(this._icon),
      id: cdktn.stringToTerraform(this._id),
      log_path: cdktn.stringToTerraform(this._logPath),
      run_on_start: cdktn.booleanToTerraform(this._runOnStart),
      run_on_stop: cdktn.booleanToTerraform(this._runOnStop),
      script: cdktn.stringToTerraform(this._script),
      start_blocks_login: cdktn.booleanToTerraform(this._startBlocksLogin),
      timeout: cdktn.numberToTerraform(this._timeout),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      agent_id: {
        value: cdktn.stringToHclTerraform(this._agentId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      cron: {
        value: cdktn.stringToHclTerraform(this._cron),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      display_name: {
        value: cdktn.stringToHclTerraform(this._displayName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      icon: {
        value: cdktn.stringToHclTerraform(this._icon),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      id: {
        value: cdktn.stringToHclTerraform(this._id),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      log_path: {
        value: cdktn.stringToHclTerraform(this._logPath),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      run_on_start: {
        value: cdktn.booleanToHclTerraform(this._runOnStart),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      run_on_stop: {
        value: cdktn.booleanToHclTerraform(this._runOnStop),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      script: {
        value: cdktn.stringToHclTerraform(this._script),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      start_blocks_login: {
        value: cdktn.booleanToHclTerraform(this._startBlocksLogin),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      timeout: {
        value: cdktn.numberToHclTerraform(this._timeout),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
