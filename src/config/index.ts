/** Configuration: one schema, defaults < marsad.config.json < MARSAD_* env < flags. */
export { configSchema, sourceSchema, ENV_VARS, type MarsadConfig, type SourceConfig } from './schema.js';
export { loadConfig, CONFIG_FILE, type LoadConfigOptions } from './load.js';
