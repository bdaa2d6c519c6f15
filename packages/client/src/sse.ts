import { abortable } from './abort.js';

/** One block of a Server-Sent Events stream. */
export interface SseMessage {
  /** The last `id:` seen on the stream (ids persist, as in the SSE spec). */
  id: string | undefined;
  /** The event's `data`; undefined for a block that only states an `id:` (a position, such as a heartbeat's). */
  data: string | undefined;
}

/**
 * Parses a `text/event-stream` body (WHATWG SSE: `\n` or `\r\n` line ends, `:` comments, multi-line `data`;
 * event names are not needed here and ignored). Yields every event, and every block that sets an `id:` without data
 * (the id, like a `Last-Event-ID`, is then the stream's position). An event that the end of the stream cuts off before
 * its blank line is dropped, never half-delivered. `onChunk` is called whenever bytes arrive (heartbeats included). Stops reading, and
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
  let idSet = false;
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
          else if (field === 'id') [id, idSet] = [text, true];
        } else if (data.length || idSet) {
          yield { id, data: data.length ? data.join('\n') : undefined };
          [data, idSet] = [[], false];
        }
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
