export { objectDetection } from "./object-detection.js";
export type { ObjectDetectionOptions, ObjectDetectionOutput } from "./object-detection.js";
