export { imageSegmentation } from "./image-segmentation.js";
export type { ImageSegmentationOptions, ImageSegmentationOutput } from "./image-segmentation.js";
