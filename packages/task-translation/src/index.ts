export { translation } from "./translation.js";
export type { TranslationOptions, TranslationOutput } from "./translation.js";
