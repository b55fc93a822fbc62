import { InferenceHTTPError } from "../errors/http-error.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

const MAX_REDIRECTS = 5;

/**
 * Follows redirects itself (browsers' fetch does it natively), so that the token never crosses to another
 * origin: `Authorization` is dropped as soon as a redirect leaves the first origin.
 */
export function followRedirects(transport: Transport): Transport {
  return {
    async request(request: TransportRequest): Promise<TransportResponse> {
      let { url, method, headers, body } = request;
      for (let hops = 0; ; hops++) {
        const response = await transport.request({ url, method, headers, body, signal: request.signal });
        const location = response.status > 300 && response.status < 309 ? response.header("location") : undefined;
        if (location === undefined || response.status === 304 || response.status === 305 || response.status === 306) {
          response.url = url;
          return response;
        }
        response.cancel();
        if (hops >= MAX_REDIRECTS) {
          throw new InferenceHTTPError({
            status: response.status,
            url,
            requestId: response.header("x-request-id"),
            serverMessage: `more than ${MAX_REDIRECTS} redirects`,
            body: undefined,
          });
        }
        const next = new URL(location, url);
        headers = { ...headers };
        if (next.origin !== new URL(url).origin) delete headers["authorization"];
        if (response.status === 303 || (method === "POST" && response.status < 303)) {
          method = "GET";
          body = undefined;
          delete headers["content-type"];
          delete headers["content-length"];
        } else if (body !== undefined) {
          body = request.reopen?.() ?? body;
        }
        url = next.href;
      }
    },
  };
}
