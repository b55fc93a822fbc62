export { textToSpeech } from "./text-to-speech.js";
export type { TextToSpeechOptions, TextToSpeechOutput, TextToSpeechParameters } from "./text-to-speech.js";
