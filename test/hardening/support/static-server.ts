/**
 * A tiny static file server on 127.0.0.1 (random port) for the browser tests: serves one folder, plus extra folders
 * mounted at fixed paths (office.js from node_modules at the CDN's path), and lets a test rewrite HTML on the way out.
 * It records every path asked for.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  origin: string;
  requested: string[];
  close(): Promise<void>;
}

export interface StaticOptions {
  root: string;
  /** url path prefix → folder */
  mounts?: Record<string, string>;
  /** rewrite HTML files before serving them */
  html?: (html: string, path: string) => string;
}

async function fileIn(base: string, rel: string): Promise<string | null> {
  const root = resolve(base);
  const file = normalize(join(root, rel));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const st = await stat(file);
    return st.isFile() ? file : null;
  } catch {
    return null;
  }
}

export async function serveStatic(opts: StaticOptions): Promise<StaticServer> {
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
      requested.push(path);
      let file: string | null = null;
      for (const [prefix, dir] of Object.entries(opts.mounts ?? {})) {
        if (path.startsWith(prefix)) file = await fileIn(dir, path.slice(prefix.length));
      }
      file ??= await fileIn(opts.root, path === '/' ? 'index.html' : path.replace(/^\/+/, ''));
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      let body: Buffer | string = await readFile(file);
      if (opts.html && extname(file) === '.html') body = opts.html(body.toString('utf8'), path);
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
