import { createReadStream, readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { InferenceInputError } from "../errors/input-error.js";
import { createFetchTransport } from "../transport/fetch-transport.js";
import { followRedirects } from "../transport/follow-redirects.js";
import { createUndiciTransport } from "../transport/undici-transport.js";
import { lookupToken } from "../token.js";
import { VERSION } from "../version.js";
import { contentTypeForPath } from "./content-type.js";
import { nodeConnectionFailure } from "./node-connection-failure.js";
import type { LocalFile, Platform } from "./platform.js";

export const nodePlatform: Platform = {
  // Node follows redirects itself, dropping the token when one leaves the first origin.
  defaultTransport: (options) =>
    followRedirects(
      options.fetch
        ? createFetchTransport(options.fetch)
        : createUndiciTransport(options.dispatcher, { connections: options.connections }),
    ),
  connectionFailure: nodeConnectionFailure,
  env: (name) => process.env[name],
  lookupToken: () => lookupToken(nodePlatform),
  readTokenFile() {
    const env = process.env;
    const path =
      env["HF_TOKEN_PATH"] ??
      (env["HF_HOME"]
        ? join(env["HF_HOME"], "token")
        : join(env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "huggingface", "token"));
    try {
      return { content: readFileSync(path, "utf8"), path };
    } catch {
      return undefined;
    }
  },
  async openFile(input, argument): Promise<LocalFile> {
    let path: string;
    try {
      path = typeof input === "string" ? input : fileURLToPath(input);
    } catch (error) {
      throw new InferenceInputError({ argument, message: `not a local file URL: ${String(input)}`, cause: error });
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw new InferenceInputError({ argument, message: `no such file: ${path}`, cause: error });
    }
    if (info.isDirectory()) throw new InferenceInputError({ argument, message: `is a directory, not a file: ${path}` });
    if (!info.isFile()) throw new InferenceInputError({ argument, message: `not a regular file: ${path}` });
    return {
      size: info.size,
      contentType: contentTypeForPath(path),
      open: () => createReadStream(path, { highWaterMark: 256 * 1024 }),
      read: async () => new Uint8Array(await readFile(path)),
    };
  },
  defaultHeaders: {
    "user-agent": `@infer/core/${VERSION} (node ${process.versions.node})`,
    "accept-encoding": "gzip, deflate, br",
  },
};
