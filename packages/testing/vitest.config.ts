// Shared test defaults (timeouts that fit a loaded 2-core CI machine): see vitest.shared.ts at the root.
export { default } from "../../vitest.shared.js";
