export { imageSegmentation } from "./image-segmentation.js";
export type {
  ImageSegmentationOptions,
  ImageSegmentationParameters,
  ImageSegmentationOutput,
} from "./image-segmentation.js";
