/** Starts the HTTP server on a host and port and returns its address and a close function. */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type ErrorLogger } from './app.js';
import { ListenError } from './errors.js';
import type { ServeOptions } from './context.js';

export interface StartedServer {
  /** http://host:port */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StartServerOptions extends ServeOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  version?: string;
  logError?: ErrorLogger;
}

export async function startServer(options: StartServerOptions): Promise<StartedServer> {
  const { app, ctx } = createApp(options);
  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8787 }, () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${host}:${options.port ?? 8787}`;
      if (error.code === 'EADDRINUSE') reject(new ListenError(`${where} is already in use; choose another port with --port (0 picks a free one)`, { cause: error }));
      else if (error.code === 'EADDRNOTAVAIL') reject(new ListenError(`${host} is not an address of this machine; use --host 127.0.0.1 (or 0.0.0.0 to listen on every interface)`, { cause: error }));
      else if (error.code === 'EACCES') reject(new ListenError(`not allowed to listen on ${where}; ports below 1024 need privileges, use --port 8787`, { cause: error }));
      else reject(error);
    });
  });
  // Slow or idle clients must not hold sockets forever; 1,000 connections at once are fine.
  if ('headersTimeout' in server) {
    server.headersTimeout = 20_000;
    server.requestTimeout = 120_000;
    server.keepAliveTimeout = 5_000;
    server.maxConnections = 10_000;
  }
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: async () => {
      await Promise.allSettled(ctx.closers.map((close) => close()));
      await new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
