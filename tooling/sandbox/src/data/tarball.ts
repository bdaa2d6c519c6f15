/** Data directory tarballs, wherever they come from. */
import type { DataDir } from './types.js';

/**
 * The data directory tarball at `url`, gunzipped while it downloads when it is gzipped (PGlite unpacks a plain tarball
 * faster than a gzipped one). A host that sent it decoded already (`Content-Encoding: gzip`) gives a plain one: kept.
 */
export async function fetchTarball(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    throw new Error(`crmkit sandbox: ${url} answered ${response.status} ${response.statusText}`);
  }
  const reader = response.body.getReader();
  const first = await reader.read();
  const body = new ReadableStream<BufferSource>({
    start(controller) {
      if (first.value) controller.enqueue(first.value);
      if (first.done) controller.close();
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const gzipped = first.value?.[0] === 0x1f && first.value[1] === 0x8b;
  return new Response(gzipped ? body.pipeThrough(new DecompressionStream('gzip')) : body).blob();
}

/** The tarball of `data`, downloaded if need be. */
export const tarballOf = (data: DataDir): Promise<Blob> =>
  data instanceof Blob ? Promise.resolve(data) : fetchTarball(data.url);
