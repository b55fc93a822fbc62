import { InferenceHTTPError } from "../errors/http-error.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

const MAX_REDIRECTS = 5;

/**
 * Follows redirects itself (browsers' fetch does it natively), so that the token never crosses to another
 * origin: `Authorization` is dropped as soon as a redirect leaves the first origin.
 */
export function followRedirects(transport: Transport): Transport {
  return {
    request(request: TransportRequest): Promise<TransportResponse> {
      // The common case, no redirect, costs one then() and no extra async frame.
      return transport
        .request(request)
        .then((response) => (isRedirect(response) ? follow(transport, request, response) : response));
    },
  };
}

function isRedirect(response: TransportResponse): boolean {
  const status = response.status;
  return (
    (status === 301 || status === 302 || status === 303 || status === 307 || status === 308) &&
    response.header("location") !== undefined
  );
}

async function follow(
  transport: Transport,
  request: TransportRequest,
  first: TransportResponse,
): Promise<TransportResponse> {
  let { url, method, headers, body } = request;
  let response = first;
  for (let hops = 0; ; hops++) {
    if (hops > 0) response = await transport.request({ url, method, headers, body, signal: request.signal });
    if (!isRedirect(response)) {
      response.url = url;
      return response;
    }
    const location = response.header("location") as string;
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
}
