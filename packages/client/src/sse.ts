import { abortable } from './abort.js';

/** One Server-Sent Event: its `data`, and the last `id:` seen on the stream (ids persist, as in the SSE spec). */
export interface SseMessage {
  id: string | undefined;
  data: string;
}

/**
 * Parses a `text/event-stream` body (WHATWG SSE: `\n` or `\r\n` line ends, `:` comments, multi-line `data`;
 * event names are not needed here and ignored). An event that the end of the stream cuts off before its blank line is
 * dropped, never half-delivered. `onChunk` is called whenever bytes arrive (heartbeats included). Stops reading, and
 * cancels the body, when the consumer stops or `signal` aborts.
 *
 * @example
 * for await (const m of readSse(res.body, signal)) console.log(m.id, JSON.parse(m.data));
 */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onChunk?: () => void,
): AsyncGenerator<SseMessage, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let id: string | undefined;
  try {
    for (;;) {
      const { done, value } = await abortable(reader.read(), signal);
      if (done) return;
      onChunk?.();
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r?\n/);
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line) {
          const [, field, text] = /^([^:]*):? ?(.*)$/s.exec(line)!;
          if (field === 'data') data.push(text!);
          else if (field === 'id') id = text;
        } else if (data.length) {
          yield { id, data: data.join('\n') };
          data = [];
        }
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
