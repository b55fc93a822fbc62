export { textToImage } from "./text-to-image.js";
export type { TextToImageOptions, TextToImageOutput, TextToImageParameters } from "./text-to-image.js";
