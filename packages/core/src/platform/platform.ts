import type { ConnectionFailure } from "../call.js";
import type { ClientOptions } from "../options.js";
import type { FoundToken } from "../token.js";
import type { Transport } from "../transport/transport.js";

/** A local file, checked to exist and be a regular file, opened afresh for each attempt. */
export interface LocalFile {
  size: number;
  contentType: string | undefined;
  open(): AsyncIterable<Uint8Array>;
  read(): Promise<Uint8Array>;
}

/** What differs between Node and browsers, kept behind one interface so the rest of core is shared. */
export interface Platform {
  defaultTransport(options: ClientOptions): Transport;
  env(name: string): string | undefined;
  /** The implicit token look-up (WIRE.md): the token and where it came from. */
  lookupToken(): FoundToken;
  /** The token file's content and path, or undefined when there is none. */
  readTokenFile(): { content: string; path: string } | undefined;
  /** Checks and opens a local path (a string path or a `file:` URL); rejects with `InferenceInputError`. */
  openFile(path: string | URL, argument: string): Promise<LocalFile>;
  /** Recognises a network failure. */
  connectionFailure: ConnectionFailure;
  /** Default headers every request carries, lower-case names. */
  defaultHeaders: Record<string, string>;
}
