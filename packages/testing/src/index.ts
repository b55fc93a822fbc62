export { startServer, sendJson, sendBytes, sendEvents, type RecordedRequest, type Handler, type TestServer } from "./server.js";
export { useTaskServer, expectTaskIdentity, type Answer, type TaskServer, type TaskClientOptions } from "./task-server.js";
export { fixturePath, fixtureBytes, allTapes, findTapes, tapeJson, type Tape } from "./fixtures.js";
