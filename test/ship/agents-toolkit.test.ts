/**
 * The Microsoft 365 Agents Toolkit project (m365agents*.yml, env/, .vscode/) checked without the Toolkit: the
 * Toolkit CLI needs a Microsoft 365 sign-in and the network for provisioning, which CI does not have. The checks
 * are structural: every action is one the Toolkit knows with the inputs it requires, every `${{VAR}}` is defined
 * by the environment file or an earlier step, the app package paths point at manifest/teams, and F5's tasks and
 * launch configurations reference each other and the server consistently. The manifest itself is validated
 * against Microsoft's schema in test/manifest/teams-schema.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Project {
  version: string;
  environmentFolderPath?: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

/** The actions used here and the `with` inputs the Toolkit requires for each (its yaml schema, v1.11). */
const ACTIONS: Record<string, { required: string[]; outputs?: string[] }> = {
  'teamsApp/create': { required: ['name'], outputs: ['teamsAppId'] },
  'botAadApp/create': { required: ['name'], outputs: ['botId', 'botPassword'] },
  'botFramework/create': { required: ['botId', 'name', 'messagingEndpoint'] },
  'teamsApp/validateManifest': { required: ['manifestPath'] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'] },
  'teamsApp/update': { required: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], outputs: ['publishedAppId'] },
  'cli/runNpmCommand': { required: ['args'] },
  'file/createOrUpdateEnvironmentFile': { required: ['target', 'envs'] },
};

/** Which project file and environment file each Toolkit environment uses. */
const ENVIRONMENTS = {
  dev: { project: 'm365agents.yml', envFile: 'env/.env.dev' },
  local: { project: 'm365agents.local.yml', envFile: 'env/.env.local' },
  playground: { project: 'm365agents.playground.yml', envFile: 'env/.env.playground' },
} as const;

function envKeys(file: string): string[] {
  return [...read(file).matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
}
const placeholders = (text: string) =>
  [...text.matchAll(/\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g)].map((m) => m[1]!);
const steps = (p: Project) => [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])];

describe.each(Object.entries(ENVIRONMENTS))('Agents Toolkit environment "%s"', (env, files) => {
  const project = load(read(files.project)) as Project;
  const defined = new Set(envKeys(files.envFile));

  it('declares the schema version and uses only known actions with their required inputs', () => {
    expect(read(files.project)).toContain(
      '$schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json',
    );
    expect(project.version).toBe('v1.11');
    for (const step of steps(project)) {
      const action = ACTIONS[step.uses];
      expect(action, step.uses).toBeDefined();
      for (const input of action!.required) expect(step.with?.[input], `${step.uses}.${input}`).toBeDefined();
      for (const output of Object.keys(step.writeToEnvironmentFile ?? {}))
        expect(action!.outputs).toContain(output);
    }
  });

  it('defines every ${{VAR}} before it is used: the env file, an earlier step, or a secret of the .user file', () => {
    expect(defined.has('TEAMSFX_ENV')).toBe(true);
    for (const stage of [project.provision, project.deploy, project.publish]) {
      const known = new Set(defined);
      for (const step of stage ?? []) {
        for (const name of placeholders(JSON.stringify(step.with ?? {}))) {
          expect(known.has(name) || name.startsWith('SECRET_'), `${step.uses} uses ${name}`).toBe(true);
        }
        for (const variable of Object.values(step.writeToEnvironmentFile ?? {})) known.add(variable);
      }
    }
  });

  it('builds the app package from manifest/teams, whose placeholders the environment provides', () => {
    const packaging = steps(project).filter((s) => s.uses.startsWith('teamsApp/'));
    if (env === 'playground') {
      expect(packaging).toEqual([]);
      return;
    }
    const outputs = new Set(steps(project).flatMap((s) => Object.values(s.writeToEnvironmentFile ?? {})));
    for (const step of packaging) {
      const manifestPath = step.with?.manifestPath as string | undefined;
      if (manifestPath) {
        expect(manifestPath).toBe('./manifest/teams/manifest.json');
        expect(existsSync(join(ROOT, manifestPath))).toBe(true);
      }
      const zip = (step.with?.outputZipPath ?? step.with?.appPackagePath) as string | undefined;
      if (zip) expect(zip).toBe('./manifest/teams/build/appPackage.${{TEAMSFX_ENV}}.zip');
    }
    for (const name of placeholders(read('manifest/teams/manifest.json'))) {
      expect(defined.has(name) || outputs.has(name), `manifest uses ${name}`).toBe(true);
    }
    const bot = steps(project).find((s) => s.uses === 'botFramework/create')!;
    expect(bot.with?.messagingEndpoint).toMatch(/\/api\/messages$/);
    expect(bot.with?.channels).toEqual([{ name: 'msteams' }]);
  });

  it('hands the server only variables it reads', () => {
    const readme = read('README.md');
    for (const step of steps(project).filter((s) => s.uses === 'file/createOrUpdateEnvironmentFile')) {
      for (const name of Object.keys(step.with!.envs as Record<string, string>)) {
        expect(name in EnvSchema.shape || readme.includes(`| \`${name}\``), name).toBe(true);
      }
    }
  });
});

describe('F5 in VS Code', () => {
  const tasks = JSON.parse(read('.vscode/tasks.json')) as {
    tasks: Array<{
      label: string;
      type?: string;
      command: string;
      dependsOn?: string[];
      args?: Record<string, unknown>;
    }>;
  };
  const launch = JSON.parse(read('.vscode/launch.json')) as {
    configurations: Array<{ name: string; port?: number; preLaunchTask?: string }>;
    compounds: Array<{ name: string; configurations: string[]; preLaunchTask: string }>;
  };
  const labels = new Set(tasks.tasks.map((t) => t.label));
  const task = (label: string) => tasks.tasks.find((t) => t.label === label)!;

  it('offers Teams and the Agents Playground, each a chain of tasks that exist', () => {
    expect(launch.compounds.map((c) => c.name)).toEqual([
      'Debug in Microsoft 365 Agents Playground',
      'Debug in Teams (Edge)',
      'Debug in Teams (Chrome)',
    ]);
    const configurations = new Set(launch.configurations.map((c) => c.name));
    for (const compound of launch.compounds) {
      expect(labels.has(compound.preLaunchTask)).toBe(true);
      for (const c of compound.configurations) expect(configurations.has(c)).toBe(true);
    }
    for (const t of tasks.tasks) for (const d of t.dependsOn ?? []) expect(labels.has(d), d).toBe(true);
  });

  it('provisions and deploys environments that have a project file and an env file', () => {
    for (const t of tasks.tasks.filter(
      (x) => x.type === 'teamsfx' && ['provision', 'deploy'].includes(x.command),
    )) {
      const env = t.args!.env as keyof typeof ENVIRONMENTS;
      expect(ENVIRONMENTS[env]).toBeDefined();
      expect(existsSync(join(ROOT, ENVIRONMENTS[env].envFile))).toBe(true);
    }
  });

  it('tunnels the server port and writes the tunnel address where provisioning reads it', () => {
    const tunnel = task('Start local tunnel').args as {
      ports: Array<{ portNumber: number; writeToEnvironmentFile: Record<string, string> }>;
    };
    expect(tunnel.ports[0]!.portNumber).toBe(EnvSchema.shape.PORT.parse(undefined));
    expect(Object.values(tunnel.ports[0]!.writeToEnvironmentFile).sort()).toEqual([
      'BOT_DOMAIN',
      'BOT_ENDPOINT',
    ]);
    for (const name of ['BOT_DOMAIN', 'BOT_ENDPOINT']) expect(envKeys('env/.env.local')).toContain(name);
  });

  it('starts the built server with the variables the deploy step wrote, under the inspector the debugger attaches to', () => {
    const attach = launch.configurations.find((c) => c.name === 'Attach to Local Service')!;
    for (const [label, env] of [
      ['Start application', 'local'],
      ['Start application (Microsoft 365 Agents Playground)', 'playground'],
    ] as const) {
      const project = load(read(ENVIRONMENTS[env].project)) as Project;
      const target = (project.deploy ?? []).find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')!
        .with!.target as string;
      const command = task(label).command;
      expect(command).toContain(`--env-file=${target.replace(/^\.\//, '')}`);
      expect(command).toContain(`--inspect=${attach.port}`);
      expect(command).toMatch(/ dist\/src\/server\.js$/);
    }
  });

  it('keeps the Toolkit secrets and generated files out of git', () => {
    const ignored = read('.gitignore').split('\n');
    for (const entry of ['env/.env.*.user', '.localConfigs', '.localConfigs.*', 'manifest/teams/build/']) {
      expect(ignored).toContain(entry);
    }
  });
});
