// Serves the built playground (dist/) on 127.0.0.1, port 0, as any static host would.
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type TestServer } from "@infer/testing";

export const distDirectory = fileURLToPath(new URL("../dist/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export function startStaticServer(): Promise<TestServer> {
  if (!existsSync(join(distDirectory, "index.html")))
    throw new Error("apps/playground is not built: run its build (vite build) first");
  return startServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://localhost").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    const file = join(distDirectory, path === "/" ? "index.html" : path);
    if (!file.startsWith(distDirectory) || !existsSync(file)) {
      response.writeHead(404, { "content-type": "text/plain" });
      return response.end("not found");
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
}
