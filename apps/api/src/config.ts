import path from 'node:path';

export interface ApiConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  tokensFile: string;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: string;
  production: boolean;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}`);
  return value;
}

export function tokensFilePath(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.TOKENS_FILE || 'security/tokens.json');
}

/** Everything the server reads from the environment, checked once at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    host: env.HOST || '127.0.0.1',
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    dataDir: path.resolve(env.RMOS_DATA_DIR || 'data/'),
    databaseUrl: env.DATABASE_URL || undefined,
    tokensFile: tokensFilePath(env),
    bodyLimitBytes: intFrom(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 1024 * 1024),
    rateLimitPerMinute: intFrom(env, 'RATE_LIMIT_PER_MINUTE', 6000, 1, 10_000_000),
    logLevel: env.LOG_LEVEL || 'info',
    production: env.NODE_ENV === 'production',
  };
}
