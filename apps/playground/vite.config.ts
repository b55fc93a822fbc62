// `vite` / `vite preview` start the local @infer/server beside the page and proxy its routes, so the page's
// default endpoint (its own origin) answers; `vite build` writes the static page to dist/.
import { defineConfig, type ProxyOptions } from "vite";

const ROUTES = ["/models", "/pipeline", "/api", "/status"];

export default defineConfig(async ({ command }) => {
  let proxy: Record<string, ProxyOptions> | undefined;
  if (command === "serve" && !process.env["VITE_INFER_ENDPOINT"]) {
    const { startServer } = await import("@infer/server");
    const server = await startServer({});
    proxy = Object.fromEntries(ROUTES.map((route) => [route, { target: server.url, changeOrigin: true }]));
    console.log(`@infer/server for the playground: ${server.url}`);
  }
  return {
    base: "./",
    build: {
      target: "es2022",
      outDir: "dist",
      emptyOutDir: true,
      // dist/.vite/manifest.json: which chunks the page loads first and which each task adds (test/bundle-size.test.ts).
      manifest: true,
      rollupOptions: {
        output: {
          // Name each task's chunk after its package, not after its file (every package's file is dist/index.js).
          chunkFileNames: (chunk: { facadeModuleId: string | null; name: string }) =>
            `assets/${/packages\/([^/]+)\/dist\/index\.js$/.exec(chunk.facadeModuleId ?? "")?.[1] ?? chunk.name}-[hash].js`,
        },
      },
    },
    server: { host: "127.0.0.1", ...(proxy ? { proxy } : {}) },
    preview: { host: "127.0.0.1", ...(proxy ? { proxy } : {}) },
  };
});
