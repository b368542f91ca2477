/** Loads the configuration: defaults < marsad.config.json < MARSAD_* env < flags (see schema.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { ENV_VARS, configSchema, type MarsadConfig } from './schema.js';

export const CONFIG_FILE = 'marsad.config.json';

export interface LoadConfigOptions {
  /** An explicit config file (must exist); default: ./marsad.config.json when present. */
  file?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Values from flags; undefined entries are ignored. */
  flags?: Partial<Record<keyof MarsadConfig, unknown>>;
}

function describe(error: z.ZodError, where: string): string {
  return error.issues.map((issue) => `${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Env values are strings: numbers and booleans are converted by the field's type in the schema. */
function envValue(key: keyof MarsadConfig, raw: string): unknown {
  const probe = configSchema.shape[key].safeParse(raw);
  if (probe.success) return probe.data;
  if (/^(true|false|1|0|yes|no)$/i.test(raw) && configSchema.shape[key].safeParse(true).success) return /^(true|1|yes)$/i.test(raw);
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
}

function defined(values: Partial<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

export function loadConfig(options: LoadConfigOptions = {}): MarsadConfig & { configFile: string | null } {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const path = options.file !== undefined ? resolve(cwd, options.file) : resolve(cwd, CONFIG_FILE);
  let fromFile: Record<string, unknown> = {};
  let configFile: string | null = null;
  if (existsSync(path)) {
    try {
      fromFile = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      configFile = path;
    } catch (cause) {
      throw new UsageError(`${path}: not valid JSON: ${(cause as Error).message}`, { cause, subject: path });
    }
    const fileCheck = configSchema.partial().strict().safeParse(fromFile);
    if (!fileCheck.success) throw new UsageError(describe(fileCheck.error, path), { subject: path });
  } else if (options.file !== undefined) {
    throw new UsageError(`config file not found: ${path}`, { subject: path });
  }
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_VARS)) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') fromEnv[key] = envValue(key, raw);
  }
  const merged = { ...fromFile, ...fromEnv, ...defined(options.flags ?? {}) };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) throw new UsageError(describe(parsed.error, 'configuration'));
  return { ...parsed.data, configFile };
}
