/** Serves a report folder on the loopback interface: its files, and report.html (or a page given instead) at `/`. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A running report server. */
export interface ServedReport {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts serving `dir`; `/` answers `index` (report.html's text, or a comparison built from it). */
export async function serveReport(
  dir: string,
  index: string,
  options: { port: number; host: string },
): Promise<ServedReport> {
  const root = path.resolve(dir);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      response
        .writeHead(200, { 'content-type': CONTENT_TYPES['.html'] as string, 'cache-control': 'no-store' })
        .end(index);
      return;
    }
    const file = path.resolve(root, `.${pathname}`);
    // Only files inside the report folder; `..` and absolute paths name nothing.
    if (!file.startsWith(`${root}${path.sep}`)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser keeps its connections open; waiting for them would hold the process for minutes.
        server.closeAllConnections();
      }),
  };
}
