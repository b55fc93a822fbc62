import type { BinarySources } from "../binary.js";
import type { Call } from "../call.js";
import type { ClientState } from "../client-state.js";
import type { RequestOptions } from "../options.js";
import type { SendContext } from "../send.js";
import type { InferenceProvider } from "./provider.js";

/** @internal What the client hands the provider layer for one call. */
export interface ProviderRouteContext {
  readonly state: ClientState;
  readonly call: Call;
  readonly sendContext: SendContext;
  readonly sources: BinarySources;
  readonly options: RequestOptions;
  /** The provider asked for: a name or `"auto"`. */
  readonly choice: string;
  /** The Hub id. */
  readonly model: string;
  readonly task: string;
  readonly json: Record<string, unknown> | undefined;
  readonly data: unknown;
  readonly dataArgument: string;
  readonly stream: boolean;
  /** The providers registered on the client. */
  readonly providers: readonly InferenceProvider[];
  /** The headers of the request, call's included, lower-case, without `authorization`. */
  readonly headers: Record<string, string>;
}
