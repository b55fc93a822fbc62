// Debian's Chromium, driven by playwright-core. Without it the browser tests skip on a developer's machine,
// and fail in CI (CI=true), where .ci/run installs it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const executablePath = [process.env["CHROMIUM_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate): candidate is string => candidate !== undefined && candidate !== "" && existsSync(candidate),
);

/** True in CI, where a missing Chromium is a failure rather than a skip. */
export const inCI = process.env["CI"] === "true" || process.env["CI"] === "1";

/** Why the browser tests cannot run here (no Chromium), or undefined when they can. */
export const missingChromium = executablePath
  ? undefined
  : "no Chromium at CHROMIUM_PATH, /usr/bin/chromium or /usr/bin/chromium-browser (apt-get install chromium)";
if (missingChromium && !inCI) console.warn(`browser tests skipped: ${missingChromium}`);

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A Chromium with a fresh profile directory, removed on close. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "infer-playground-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executablePath!,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
