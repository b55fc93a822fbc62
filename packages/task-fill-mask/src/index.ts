export { fillMask } from "./fill-mask.js";
export type { FillMaskCandidate, FillMaskOptions, FillMaskOutput } from "./fill-mask.js";
