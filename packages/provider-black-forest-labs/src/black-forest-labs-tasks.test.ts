import {
  clearProviderMappings,
  createClient,
  InferenceAbortError,
  InferenceHTTPError,
  InferenceTimeoutError,
} from "@infer/core";
import { findProviderTapes, fixtureBytes, sendJson, startProviderStandIn, type ProviderStandIn } from "@infer/testing";
import { textToImage } from "@infer/task-text-to-image";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blackForestLabs } from "./index.js";

let standIn: ProviderStandIn;
beforeAll(async () => {
  standIn = await startProviderStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => clearProviderMappings());

const model = "black-forest-labs/FLUX.1-dev";
const routed = (timeout?: number) =>
  createClient({
    token: "hf_test",
    routerEndpoint: standIn.url,
    hubEndpoint: standIn.url,
    retry: false,
    ...(timeout ? { timeout } : {}),
  }).with(textToImage, blackForestLabs);
const jpeg = fixtureBytes("cheetah.png");
// The recorded exchange: POST /v1/flux-dev → {polling_url}; GET it → Pending, then Ready with result.sample.
const [pending, ready] = findProviderTapes("api.us1.bfl.ai/v1/get_result").map(
  (tape) => JSON.parse(tape.response.body) as Record<string, unknown>,
);
const submitted = JSON.parse(findProviderTapes("api.us1.bfl.ai/v1/flux-dev")[0]!.response.body) as { id: string };

/** Serves the polling URL on the CDN stand-in (another origin, as api.us1.bfl.ai is from the router). */
function serveJob(states: Record<string, unknown>[]): void {
  standIn.mapping(model, { "black-forest-labs": { providerId: "flux-dev", task: "text-to-image" } });
  const sample = standIn.serve("/results/sample.png", jpeg, "image/png");
  let poll = 0;
  const pollingPath = `/v1/get_result?id=${submitted.id}`;
  standIn.cdn.server.removeAllListeners("request");
  standIn.cdn.server.on("request", (request, response) => {
    standIn.cdn.requests.push({
      method: request.method ?? "GET",
      url: request.url ?? "/",
      headers: request.headers,
      body: Buffer.alloc(0),
      json: () => undefined,
    });
    if (request.url === pollingPath) {
      const state = states[Math.min(poll++, states.length - 1)]!;
      return sendJson(
        response,
        state["status"] === "Ready" ? { ...state, result: { ...(state["result"] as object), sample } } : state,
      );
    }
    response.writeHead(200, { "content-type": "image/png", "content-length": jpeg.byteLength });
    response.end(jpeg);
  });
  standIn.on("/v1/flux-dev", (_request, response) =>
    sendJson(response, { ...submitted, polling_url: standIn.cdn.url + pollingPath }),
  );
}

describe("@infer/provider-black-forest-labs", () => {
  describe("text-to-image", () => {
    it("posts {prompt, …} to /v1/{providerId}, polls the polling URL without the token until Ready, and downloads the sample", async () => {
      serveJob([pending!, ready!]);
      const image = await routed().textToImage("A raccoon driving a truck", {
        model,
        provider: "black-forest-labs",
        width: 256,
        height: 256,
        numInferenceSteps: 4,
      });
      const request = standIn.last("/black-forest-labs/v1/flux-dev")!;
      expect(request.headers["authorization"]).toBe("Bearer hf_test");
      expect(request.json()).toEqual({
        prompt: "A raccoon driving a truck",
        width: 256,
        height: 256,
        num_inference_steps: 4,
      });
      const cdnRequests = standIn.cdn.requests;
      expect(cdnRequests.filter((item) => item.url.startsWith("/v1/get_result")).length).toBe(2);
      expect(cdnRequests.every((item) => item.headers["authorization"] === undefined)).toBe(true);
      expect(image.type).toBe("image/png");
      expect(image.size).toBe(jpeg.byteLength);
    });

    it("sends its own key as X-Key straight to api.us1.bfl.ai", async () => {
      serveJob([ready!]);
      const client = createClient({
        token: "bfl-key",
        hubEndpoint: standIn.url,
        retry: false,
        fetch: standIn.directFetch(blackForestLabs.baseUrl),
      }).with(textToImage, blackForestLabs);
      await client.textToImage("A raccoon", { model, provider: "black-forest-labs" });
      const request = standIn.last("/direct/v1/flux-dev")!;
      expect(request.headers["x-key"]).toBe("bfl-key");
      expect(request.headers["authorization"]).toBeUndefined();
    });

    it("bounds polling by the call's timeout", async () => {
      serveJob([pending!]);
      const started = Date.now();
      const error = await routed(1_500)
        .textToImage("A raccoon", { model, provider: "black-forest-labs" })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceTimeoutError);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it("stops polling at once when the caller aborts", async () => {
      serveJob([pending!]);
      const controller = new AbortController();
      const call = routed().textToImage("A raccoon", {
        model,
        provider: "black-forest-labs",
        signal: controller.signal,
      });
      await new Promise((resolve) => setTimeout(resolve, 700));
      const polled = standIn.cdn.requests.length;
      const aborted = Date.now();
      controller.abort(new Error("enough"));
      const error = await call.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceAbortError);
      // A hang guard, not a speed test: the wait between polls is core's delay(), whose abort core's send.test
      // proves against a 10 s wait; what this provider must show is that no poll follows the abort (below).
      expect(Date.now() - aborted).toBeLessThan(1_000);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(standIn.cdn.requests.length).toBe(polled);
    });
  });

  describe("error answers", () => {
    it("surfaces black-forest-labs' FastAPI error JSON ({detail: [{loc, msg}]}) with its status and message", async () => {
      standIn.mapping(model, { "black-forest-labs": { providerId: "flux-dev", task: "text-to-image" } });
      standIn.on("/v1/flux-dev", (_request, response) =>
        sendJson(
          response,
          { detail: [{ loc: ["body", "width"], msg: "Input should be a multiple of 32", type: "multiple_of" }] },
          422,
        ),
      );
      const error = await routed()
        .textToImage("A raccoon", { model, provider: "black-forest-labs", width: 250, height: 256 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InferenceHTTPError);
      expect((error as InferenceHTTPError).status).toBe(422);
      expect((error as InferenceHTTPError).serverMessage).toBe("body.width: Input should be a multiple of 32");
    });
  });
});
