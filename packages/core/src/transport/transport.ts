/** A request as a transport sends it: headers lower-cased, body already encoded. */
export interface TransportRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: TransportBody | undefined;
  /** Opens the body afresh, for a redirect that must send it again (a file is re-read from disk). */
  reopen?: (() => TransportBody | undefined) | undefined;
  signal?: AbortSignal | undefined;
}

export type TransportBody = string | Uint8Array | Blob | AsyncIterable<Uint8Array>;

/** A response as a transport returns it, before any status handling. */
export interface TransportResponse {
  status: number;
  /** The URL that answered, when redirects were followed. */
  url?: string | undefined;
  /** A response header by lower-case name; several values are joined with ", ". */
  header(name: string): string | undefined;
  /** Every response header, lower-case names. */
  headers(): Headers;
  body: AsyncIterable<Uint8Array>;
  text(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  /** Stops reading the body and releases the connection. */
  cancel(): void;
}

/**
 * The one seam between @infer and the network: undici in Node, fetch elsewhere. A network failure rejects
 * with `InferenceConnectionError` (`retryable` when the connection was reset or dropped); an abort rejects
 * with the signal's reason.
 */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
}
