import { InferenceConnectionError } from "../errors/connection-error.js";

/** fetch rejects a network failure with a TypeError and says no more; it is not retried. */
export function browserConnectionFailure(error: unknown): InferenceConnectionError | undefined {
  return error instanceof TypeError
    ? new InferenceConnectionError({ message: `Connection failed: ${error.message}`, retryable: false, cause: error })
    : undefined;
}
