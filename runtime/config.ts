import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the runtime reads from the environment, normalised once (fastify habit: fail at start). */
export interface RuntimeConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** The built front end (workbench at `/`, studio at `/studio/`); `vite build` writes it. */
  readonly webDir: string;
  /** `sqlite` (embedded, in DATA_DIR) or `mariadb` (DATABASE_URL=mysql://… or mariadb://…). */
  readonly database: { readonly dialect: 'sqlite'; readonly file: string } | { readonly dialect: 'mariadb'; readonly url: string };
  readonly redisUrl?: string;
  /** Set but not used: searches run in the database (no Elasticsearch index in this version); the start says so. */
  readonly elasticsearchUrl?: string;
  readonly sessionTtlMinutes: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  /** Password given to demo users when the demo organisation is seeded. */
  readonly demoPassword: string;
}

export class ConfigError extends Error {
  constructor(variable: string, reason: string) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(name, `must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const dataDir = resolve(env.DATA_DIR || './data');
  const url = env.DATABASE_URL?.trim();
  let database: RuntimeConfig['database'];
  if (!url) database = { dialect: 'sqlite', file: resolve(dataDir, 'tongguan.sqlite') };
  else if (/^(mysql|mariadb):\/\//.test(url)) database = { dialect: 'mariadb', url: url.replace(/^mysql:/, 'mariadb:') };
  else if (url.startsWith('sqlite:')) database = { dialect: 'sqlite', file: resolve(url.replace(/^sqlite:(\/\/)?/, '')) };
  else throw new ConfigError('DATABASE_URL', `unsupported database "${url.split(':')[0]}": use mysql://, mariadb:// or sqlite:`);
  return {
    port: int(env, 'PORT', 3000, 0),
    host: env.HOST || '0.0.0.0',
    dataDir,
    webDir: resolve(env.WEB_DIR || fileURLToPath(new URL('../designer/dist', import.meta.url))),
    database,
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(env.ELASTICSEARCH_URL ? { elasticsearchUrl: env.ELASTICSEARCH_URL } : {}),
    sessionTtlMinutes: int(env, 'SESSION_TTL_MINUTES', 480, 1),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15, 1),
    demoPassword: env.DEMO_PASSWORD || 'Tongguan@2024',
  };
}
