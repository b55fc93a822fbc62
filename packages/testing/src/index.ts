export { startServer, sendJson, sendBytes, sendEvents, type RecordedRequest, type Handler, type TestServer } from "./server.js";
export { fixturePath, fixtureBytes, allTapes, findTapes, tapeJson, findProviderTapes, providerTapeJson, type Tape } from "./fixtures.js";
export { startProviderStandIn, type ProviderStandIn, type StandInMappingEntry } from "./provider-stand-in.js";
