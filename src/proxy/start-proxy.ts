/** Serves a proxy over HTTP on Node (@hono/node-server). */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Proxy } from './create-proxy.ts';

/** A listening proxy. */
export interface RunningProxy {
  /** `http://host:port`, what a client's base URL is set to. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, ends open connections, and closes the proxy's upstream pools. */
  close(): Promise<void>;
}

/** Listens on `hostname:port` (port 0: any free one). */
export function startProxy(
  proxy: Proxy,
  options: { readonly port: number; readonly hostname?: string },
): Promise<RunningProxy> {
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    let server: ServerType | null = null;
    server = serve({ fetch: proxy.app.fetch, port: options.port, hostname }, (info: AddressInfo) => {
      const running = server;
      if (running === null) return;
      running.off('error', reject);
      resolve({
        url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${info.port}`,
        port: info.port,
        async close() {
          await new Promise<void>((done) => {
            running.close(() => done());
            if ('closeAllConnections' in running) running.closeAllConnections();
          });
          await proxy.close();
        },
      });
    });
    server.once('error', reject);
  });
}
