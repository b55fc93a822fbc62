export { fillMask } from "./fill-mask.js";
export type { FillMaskCandidate, FillMaskOptions, FillMaskParameters, FillMaskOutput } from "./fill-mask.js";
