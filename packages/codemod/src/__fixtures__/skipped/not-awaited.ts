// expect: the answer is not awaited
import { InferenceApi } from "@infer/compat";

const summarizer = new InferenceApi("facebook/bart-large-cnn", { task: "summarization" });
summarizer("A long article.").then((summary: { summary_text: string }[]) => console.log(summary[0]?.summary_text));
