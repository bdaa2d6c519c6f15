/**
 * An open-loop writer of contact creates for the feed benchmarks: `rate` per second for `seconds`, each started on
 * schedule whatever the others' latency. Each contact carries its marker (`lastName`: `tag` + its number) and the
 * wall-clock time it was sent (`title`), so a subscriber anywhere can time its delivery.
 *
 * @example
 * const { acks, errors } = await timedCreates(50, 6, 'n', (i, body) => post(servers[i % 2], key, body));
 */
export async function timedCreates(
  rate: number,
  seconds: number,
  tag: string,
  send: (i: number, body: { firstName: string; lastName: string; title: string }) => Promise<Response>,
): Promise<{ total: number; acks: number[]; errors: number }> {
  const total = rate * seconds;
  const acks: number[] = [];
  let errors = 0;
  const start = performance.now();
  const writes: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    const body = { firstName: 'Timed', lastName: `${tag}${i}`, title: String(performance.timeOrigin + sent) };
    writes.push(
      send(i, body).then(
        async (res) => {
          await res.arrayBuffer();
          if (res.status === 201) acks.push(performance.now() - sent);
          else errors++;
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(writes);
  return { total, acks, errors };
}
