export {
  startServer,
  sendJson,
  sendBytes,
  sendEvents,
  type RecordedRequest,
  type Handler,
  type TestServer,
} from "./server.js";
// The vitest-bound harness (useTaskServer, expectTaskIdentity) is `@infer/testing/vitest`: this entry imports no
// vitest, so scripts and benchmarks can use the fixtures and servers outside a test run.
export { sendAnswer, type Answer } from "./answer.js";
export {
  fixturePath,
  fixtureBytes,
  allTapes,
  findTapes,
  tapeJson,
  findProviderTapes,
  providerTapeJson,
  type Tape,
} from "./fixtures.js";
export {
  startFaultServer,
  refusedUrl,
  faults,
  type Fault,
  type FaultRequest,
  type FaultScope,
  type FaultServer,
} from "./fault-server.js";
export {
  startProviderStandIn,
  sendEventsBytewise,
  type ProviderStandIn,
  type StandInMappingEntry,
} from "./provider-stand-in.js";
export { hasRedisServer, startRedisServer, type RedisServer } from "./redis-server.js";
