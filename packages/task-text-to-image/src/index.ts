export { textToImage } from "./text-to-image.js";
export type { TextToImageOptions, TextToImageOutput } from "./text-to-image.js";
