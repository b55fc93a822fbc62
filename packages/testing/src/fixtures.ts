import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../fixtures/", import.meta.url);

/** Absolute path of a media fixture: cheetah.png, invoice.png, bird_canny.png, sample1.flac. */
export function fixturePath(name: "cheetah.png" | "invoice.png" | "bird_canny.png" | "sample1.flac"): string {
  return fileURLToPath(new URL(name, root));
}

/** A media fixture's bytes. */
export function fixtureBytes(name: Parameters<typeof fixturePath>[0]): Buffer {
  return readFileSync(fixturePath(name));
}

/** One exchange recorded from the real service (../fixtures/hfjs-tapes-v2.json). */
export interface Tape {
  url: string;
  init: { method?: string; headers?: Record<string, string>; body?: string };
  response: { status: number; statusText?: string; headers: Record<string, string>; body: string };
}

let tapes: Tape[] | undefined;

/** Every recorded exchange. */
export function allTapes(): Tape[] {
  tapes ??= Object.values(
    JSON.parse(readFileSync(new URL("hfjs-tapes-v2.json", root), "utf8")) as Record<string, Tape>,
  );
  return tapes;
}

/**
 * The recorded exchanges whose URL contains `urlPart` and, when given, whose request body contains
 * `bodyPart`. Throws when none matches, so a test never silently runs on nothing.
 */
export function findTapes(urlPart: string, bodyPart?: string): Tape[] {
  const found = allTapes().filter(
    (tape) => tape.url.includes(urlPart) && (bodyPart === undefined || (tape.init.body ?? "").includes(bodyPart)),
  );
  if (found.length === 0) throw new Error(`no tape for ${urlPart}${bodyPart ? ` with ${bodyPart}` : ""}`);
  return found;
}

/** The first recorded exchange matching, with its body parsed as JSON. */
export function tapeJson(urlPart: string, bodyPart?: string): { tape: Tape; body: unknown } {
  const tape = findTapes(urlPart, bodyPart)[0] as Tape;
  return { tape, body: JSON.parse(tape.response.body) as unknown };
}

let providerTapes: Tape[] | undefined;

/**
 * The providers' exchanges of ../fixtures/provider-tapes-2025.json (from hfjs-tapes-2025.json, hf-inference and
 * the two largest image answers left out) whose URL contains `urlPart` and, when given, whose request body
 * contains `bodyPart`. Throws when none matches.
 */
export function findProviderTapes(urlPart: string, bodyPart?: string): Tape[] {
  providerTapes ??= Object.values(
    JSON.parse(readFileSync(new URL("provider-tapes-2025.json", root), "utf8")) as Record<string, Tape>,
  );
  const found = providerTapes.filter(
    (tape) => tape.url.includes(urlPart) && (bodyPart === undefined || (tape.init.body ?? "").includes(bodyPart)),
  );
  if (found.length === 0) throw new Error(`no provider tape for ${urlPart}${bodyPart ? ` with ${bodyPart}` : ""}`);
  return found;
}

/** The first recorded provider answer (status 2xx) matching, its body parsed as JSON. */
export function providerTapeJson(urlPart: string, bodyPart?: string): { tape: Tape; body: unknown } {
  const tape = findProviderTapes(urlPart, bodyPart).find(
    (item) => item.response.status < 300 && item.response.body.trimStart().startsWith("{"),
  );
  if (tape === undefined) throw new Error(`no JSON provider tape for ${urlPart}`);
  return { tape, body: JSON.parse(tape.response.body) as unknown };
}
