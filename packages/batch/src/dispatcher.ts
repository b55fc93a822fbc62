import { InferenceInputError } from "@infer/core";
import { Agent, BalancedPool, type Dispatcher } from "undici";

/** The transport of a run: one keep-alive pool per origin, or a `BalancedPool` over several replicas. */
export interface EndpointDispatcher {
  dispatcher: Dispatcher;
  /** The base URL the client is given (the replicas' shared path; the pool picks the origin). */
  endpoint: string | undefined;
  close(): Promise<void>;
}

/**
 * Several URLs are replicas of one endpoint (Inference Endpoints, TGI): requests are spread over them
 * with undici's `BalancedPool`, which sends each to a replica and weighs replicas by their errors. They
 * must differ only in origin, since the pool replaces the origin and keeps the path.
 */
/** Receives the `Retry-After` of every 429/503 before the answer becomes an error. */
export interface RetryAfterObserver {
  noteRetryAfter(value: string | string[] | undefined): void;
}

export function createEndpointDispatcher(
  endpoints: readonly string[],
  connections: number,
  backoff: RetryAfterObserver,
): EndpointDispatcher {
  const urls = endpoints.map((endpoint, index) => {
    try {
      const url = new URL(endpoint);
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http(s)");
      return url;
    } catch (error) {
      throw new InferenceInputError({
        argument: `endpoints[${index}]`,
        message: `${endpoint} is not an http(s) URL`,
        cause: error,
      });
    }
  });
  const path = urls[0]?.pathname;
  urls.forEach((url, index) => {
    if (url.pathname !== path) {
      throw new InferenceInputError({
        argument: `endpoints[${index}]`,
        message: "the replicas must share one path (only their origins may differ)",
      });
    }
  });
  const base: Dispatcher =
    urls.length > 1
      ? new BalancedPool(
          urls.map((url) => url.origin),
          { connections },
        )
      : new Agent({ connections, keepAliveTimeout: 10_000 });
  return {
    dispatcher: base.compose(observeRetryAfter(backoff)),
    endpoint: urls[0]?.href.replace(/\/$/, ""),
    close: () => base.close(),
  };
}

/** An interceptor that hands every 429/503's `Retry-After` to the shared backoff. */
function observeRetryAfter(backoff: RetryAfterObserver): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) =>
    dispatch(options, {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, statusCode, headers, socket) =>
        handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
      onResponseStart(controller, statusCode, headers, statusMessage) {
        if (statusCode === 429 || statusCode === 503) backoff.noteRetryAfter(headers["retry-after"]);
        return handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
      },
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
      onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    });
}
