/** serve: the HTTP API (with its OpenAPI document) and the web UI over a store. */
export { createApp, API_PREFIX, type App, type ErrorLogger } from './app.js';
export { startServer, type StartedServer, type StartServerOptions } from './server.js';
export type { ServeOptions, ServeContext } from './context.js';
export { ApiError, ListenError } from './errors.js';
