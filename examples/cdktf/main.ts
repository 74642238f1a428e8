/**
 * A Coder workspace template written with CDK Terrain (cdktn) and the generated coder bindings
 * (cdktn-provider-coder, from bindings/cdktf). It shows the three ways a secret reaches a workspace:
 *
 *   1. a dynamic secret minted by another provider's resource → coder_agent.env
 *      (random_password stands in for, say, a Twilio API key or a cloud service-account key);
 *   2. the owner's own secret declared with data "coder_secret" → a coder_env;
 *   3. a secret template variable → a coder_metadata item marked sensitive.
 *
 * `npm run synth` writes cdktf.out/stacks/coder-template/cdk.tf.json; run `tofu init` and
 * `tofu plan` / `apply` in that directory as with any Terraform JSON configuration.
 */
import { App, DataResource, LocalBackend, TerraformStack, TerraformVariable } from 'cdktn';
import { Construct } from 'constructs';
import { agent, dataCoderSecret, dataCoderWorkspace, env, metadata, provider } from 'cdktn-provider-coder';
import { password, provider as random } from '@cdktn/provider-random';

export const STACK_NAME = 'coder-template';

export class CoderTemplate extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // A relative state path keeps cdk.tf.json identical on every machine (the default is absolute).
    new LocalBackend(this, { path: 'terraform.tfstate' });
    new provider.CoderProvider(this, 'coder', {});
    new random.RandomProvider(this, 'random', {});
    // The prebuilt random bindings pin the exact version they were generated from; a template
    // should accept the 3.x release that the Coder deployment's provider mirror carries.
    this.addOverride('terraform.required_providers.random.version', '~> 3.7');

    const workspace = new dataCoderWorkspace.DataCoderWorkspace(this, 'me', {});

    // 1. Dynamic secret. random_password.result is sensitive, and tofu keeps that mark on the
    //    API_KEY entry of the agent's env: plan, apply and `tofu show` print it masked.
    const apiKey = new password.Password(this, 'api_key', { length: 40, special: false });
    const main = new agent.Agent(this, 'main', {
      os: 'linux',
      arch: 'amd64',
      env: {
        API_KEY: apiKey.result,
        API_BASE: 'https://api.example.com',
      },
      // Scripts refer to the secret by variable name, never by value.
      startupScript: 'test -n "$API_KEY" && echo "API key present"',
    });

    // 2. The owner's own secret: Coder fills CODER_SECRET_ENV_GITHUB_TOKEN for start builds, and
    //    a start build without it fails with the help message.
    const githubToken = new dataCoderSecret.DataCoderSecret(this, 'github_token', {
      env: 'GITHUB_TOKEN',
      helpMessage: 'Create a secret GITHUB_TOKEN holding a GitHub token with repo scope.',
    });
    new env.Env(this, 'github_token_env', {
      agentId: main.id,
      name: 'GITHUB_TOKEN',
      value: githubToken.value,
    });

    // The workspace's compute. A real template uses a container or VM resource and runs the
    // agent's init_script on it; terraform_data keeps this example free of cloud providers.
    const host = new DataResource(this, 'workspace_host', {
      input: {
        workspace: workspace.name,
        init_script: main.initScript,
      },
    });

    // 3. A template variable marked sensitive (set by the template admin, e.g. through
    //    TF_VAR_db_password or `coder templates push --variable`), shown to the owner as a
    //    metadata item that the dashboard hides by default.
    const dbPassword = new TerraformVariable(this, 'db_password', {
      type: 'string',
      sensitive: true,
      description: 'Password of the team database, handed to the workspace owner.',
    });
    new metadata.Metadata(this, 'workspace_host_info', {
      resourceId: host.id,
      item: [
        { key: 'database', value: 'postgres://db.internal:5432/team' },
        { key: 'db_password', value: dbPassword.stringValue, sensitive: true },
      ],
    });
  }
}

const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' });
new CoderTemplate(app, STACK_NAME);
app.synth();
