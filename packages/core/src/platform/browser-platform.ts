import { InferenceInputError } from "../errors/input-error.js";
import { createFetchTransport } from "../transport/fetch-transport.js";
import { browserConnectionFailure } from "./browser-connection-failure.js";
import type { Platform } from "./platform.js";

export const browserPlatform: Platform = {
  defaultTransport: (options) =>
    createFetchTransport(options.fetch ?? ((input, init) => globalThis.fetch(input, init)), { redirect: "follow" }),
  connectionFailure: browserConnectionFailure,
  env: () => undefined,
  readTokenFile: () => undefined,
  lookupToken: () => ({ token: undefined, source: "none" }),
  openFile(input, argument) {
    return Promise.reject(
      new InferenceInputError({
        argument,
        message: `local paths are not available in this runtime (${String(input)}); pass bytes, a Blob, a stream or an http(s) URL`,
      }),
    );
  },
  // Browsers set their own User-Agent and ignore ours.
  defaultHeaders: {},
};
