// expect: the call passes `data` or `rawResponse`
import { readFile } from "node:fs/promises";
import { InferenceApi } from "@infer/compat";

const inference = new InferenceApi("facebook/bart-base", { task: "feature-extraction" });
console.log(await inference("fine"));
console.log(await inference(null, null, await readFile("speech.flac")));
