// A loopback server in its own process for the upload test: counts the bytes of each request body and
// answers {received}. Sends its URL to the parent over IPC; exits when the parent goes away.
import { createServer } from "node:http";

const server = createServer((request, response) => {
  let received = 0;
  request.on("data", (chunk) => {
    received += chunk.byteLength;
  });
  request.on("end", () => response.end(JSON.stringify({ received })));
});
server.listen(0, "127.0.0.1", () => process.send?.({ url: `http://127.0.0.1:${server.address().port}` }));
process.on("disconnect", () => process.exit(0));
