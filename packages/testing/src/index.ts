export {
  startServer,
  sendJson,
  sendBytes,
  sendEvents,
  type RecordedRequest,
  type Handler,
  type TestServer,
} from "./server.js";
export {
  useTaskServer,
  expectTaskIdentity,
  type Answer,
  type TaskServer,
  type TaskClientOptions,
} from "./task-server.js";
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
