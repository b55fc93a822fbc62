import { detection } from "./detection.js";
import { languageModel } from "./language-model.js";
import { ocr } from "./ocr.js";
import { speechRecognition } from "./speech-recognition.js";
import { segmentation } from "./segmentation.js";
import { speech } from "./speech.js";
import { irisClassifier, irisRegression } from "./tabular.js";
import { entities, sentiment } from "./text.js";
import type { Backend } from "./types.js";
import { upscale } from "./upscale.js";
import { voiceActivity } from "./vad.js";

/** Every model this server can serve, in the order `--help` and the demo list them. */
export function allBackends(tokenDelay: number): Backend[] {
  return [
    sentiment,
    entities,
    irisClassifier,
    irisRegression,
    languageModel(tokenDelay),
    speech,
    ocr,
    detection,
    segmentation,
    upscale,
    speechRecognition,
    voiceActivity,
  ];
}
