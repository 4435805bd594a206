/**
 * The container recipe, checked without a Docker engine (there is none on the CI machine): the Dockerfile is
 * parsed into its stages and instructions and held to the README's production steps, and compose.yaml is parsed
 * with js-yaml and its wiring checked. The steps themselves run for real in production-install.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { EnvSchema, SECRET_VARIABLES } from '../../src/config.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json'));

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name?: string;
  steps: Instruction[];
}

/** Dockerfile → stages: continuation lines joined, comments and parser directives dropped. */
function parseDockerfile(text: string): { args: Instruction[]; stages: Stage[] } {
  const lines = text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const args: Instruction[] = [];
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const step = { keyword: keyword.toUpperCase(), args: rest };
    if (step.keyword === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest) ?? [];
      stages.push({ from, ...(name ? { name } : {}), steps: [] });
    } else if (stages.length === 0) args.push(step);
    else stages.at(-1)!.steps.push(step);
  }
  return { args, stages };
}

/** The commands of a shell or exec-form instruction, `&&`-separated ones apart. */
function commands(step: Instruction): string[] {
  const text = step.args.startsWith('[') ? (JSON.parse(step.args) as string[]).join(' ') : step.args;
  return text.split('&&').map((c) => c.trim());
}

/** The README's production steps: the commands of the first sh block under "Run in production". */
function readmeSteps(): string[] {
  const section = read('README.md')
    .split(/^## Run in production$/m)[1]!
    .split(/^## /m)[0]!;
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

const dockerfile = parseDockerfile(read('Dockerfile'));
const [build, runtime] = dockerfile.stages as [Stage, Stage];
const stepsOf = (stage: Stage, keyword: string) => stage.steps.filter((s) => s.keyword === keyword);

describe('Dockerfile', () => {
  it('has a build stage and a runtime stage on Node 20, the version package.json asks for', () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    expect(pkg.engines.node).toBe('>=20');
    expect(dockerfile.args).toContainEqual({ keyword: 'ARG', args: 'NODE_VERSION=20' });
    for (const stage of dockerfile.stages) expect(stage.from).toBe('node:${NODE_VERSION}-bookworm-slim');
  });

  it('runs the README production steps in order: npm ci, build, then production dependencies and node', () => {
    const run = (stage: Stage) =>
      stepsOf(stage, 'RUN')
        .flatMap(commands)
        .filter((c) => !c.startsWith('npm cache clean'));
    const cmd = stepsOf(runtime, 'CMD').flatMap(commands);
    expect([...run(build), ...run(runtime), ...cmd]).toEqual(readmeSteps());
  });

  it('the runtime stage takes only the compiled server and the static files, all within the npm package', () => {
    const copied = stepsOf(runtime, 'COPY')
      .filter((s) => s.args.startsWith('--from=build'))
      .map((s) => s.args.split(/\s+/)[1]!.replace(/^\/app\//, ''));
    expect(copied).toEqual(['dist/src', 'src/adapters/web/static']);
    for (const path of copied) expect(pkg.files).toContain(`${path}/`);
    expect(stepsOf(runtime, 'COPY').map((s) => s.args)).toContain('package.json package-lock.json ./');
  });

  it('runs as the unprivileged node user, after the root-owned install', () => {
    const users = stepsOf(runtime, 'USER');
    expect(users.map((u) => u.args)).toEqual(['node']);
    const order = runtime.steps.map((s) => s.keyword);
    expect(order.indexOf('USER')).toBeGreaterThan(order.lastIndexOf('RUN'));
    expect(order.indexOf('USER')).toBeLessThan(order.indexOf('CMD'));
  });

  it('exposes the default port, listens beyond loopback, and checks /healthz on it', () => {
    expect(stepsOf(runtime, 'EXPOSE').map((s) => s.args)).toEqual([
      String(EnvSchema.shape.PORT.parse(undefined)),
    ]);
    const env = stepsOf(runtime, 'ENV')
      .map((s) => s.args)
      .join(' ');
    expect(env).toContain('PORT=3978');
    expect(env).toContain('HOST=0.0.0.0');
    expect(env).toContain('NODE_ENV=production');
    const [health] = stepsOf(runtime, 'HEALTHCHECK');
    expect(health?.args).toMatch(/--interval=\d+s/);
    expect(health?.args).toContain('/healthz');
    expect(health?.args).toContain('process.env.PORT');
  });

  it('.dockerignore keeps secrets, dependencies and build output out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'node_modules', 'dist', '.git']) expect(ignored).toContain(entry);
  });
});

interface ComposeService {
  build?: string;
  image?: string;
  command?: string[];
  env_file?: Array<{ path: string; required: boolean }>;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  restart?: string;
}

describe('compose.yaml', () => {
  const compose = load(read('compose.yaml')) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const { bot, redis } = compose.services as { bot: ComposeService; redis: ComposeService };

  it('has the bot, built from this Dockerfile, and Redis', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['bot', 'redis']);
    expect(bot.build).toBe('.');
    expect(redis.image).toMatch(/^redis:7/);
  });

  it('gives the bot its configuration from .env, and Redis at the redis service unless .env says otherwise', () => {
    expect(bot.env_file).toEqual([{ path: '.env', required: false }]);
    expect(bot.environment?.REDIS_URL).toBe('${REDIS_URL:-redis://redis:6379}');
    const known = [...Object.keys(EnvSchema.shape), 'HOST'];
    for (const name of Object.keys(bot.environment ?? {})) {
      expect(known).toContain(name);
      expect(SECRET_VARIABLES).not.toContain(name);
    }
  });

  it('publishes the port the image exposes and waits for a healthy Redis', () => {
    expect(bot.environment?.PORT).toBe('3978');
    expect(bot.ports).toEqual(['${PORT:-3978}:3978']);
    expect(stepsOf(runtime, 'EXPOSE')[0]?.args).toBe('3978');
    expect(bot.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('keeps Redis private and durable', () => {
    expect(redis.ports).toBeUndefined();
    expect(redis.command).toEqual(['redis-server', '--appendonly', 'yes']);
    expect(redis.volumes).toEqual(['redis-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['redis-data']);
    expect(bot.restart).toBe('unless-stopped');
  });
});
