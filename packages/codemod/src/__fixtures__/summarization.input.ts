import { InferenceApi } from '@infer/compat';
import { InferenceOutputError } from '@infer/inference';

const summarizer = new InferenceApi('facebook/bart-large-cnn', { task: 'summarization', endpoint: 'http://127.0.0.1:8080' });

export async function summarize(article: string): Promise<string> {
  try {
    const summary = await summarizer(article, { max_length: 60, min_length: 10 });
    return summary[0].summary_text;
  } catch (error) {
    if (InferenceOutputError.isInstance(error)) return '';
    throw error;
  }
}
