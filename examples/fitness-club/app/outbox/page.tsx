import type { Metadata } from 'next';
import { PageIntro } from '../../components/PageIntro';
import { dictionary } from '../../lib/i18n';
import { requestLocale } from '../../lib/locale';
import { type Fetched, mailSinkUrl, sinkMessages } from '../../lib/sink';
import { simulateOpenAndClick } from '../../lib/sink-actions';

export const metadata: Metadata = { title: 'Outbox (demo sink)' };
/** The sink's messages change with every send: render at request time. */
export const dynamic = 'force-dynamic';

/** When the CRM answered a tracking URL: its status, and a redirect's target (not fetched). */
function Answer({ label, fetched, none }: { label: string; fetched: Fetched[]; none: string }) {
  const last = fetched.at(-1);
  return (
    <div>
      <dt className="font-semibold text-stone-700">{label}</dt>
      <dd className="text-stone-600">
        {last
          ? `${fetched.length}× — HTTP ${last.status ?? last.error}${last.location ? ` → ${last.location}` : ''}`
          : none}
      </dd>
    </div>
  );
}

/**
 * The demo's outbox — a server component over the local mail sink the demo started (scripts/mail-sink.mjs): what the
 * CRM sent, as text (the HTML part is never rendered here), its tracking links, and a button that reads a message as
 * its recipient's mail client would (loads the pixel, follows the first link), so the campaign report has responses.
 */
export default async function OutboxPage() {
  const locale = await requestLocale();
  const t = dictionary(locale);
  const sink = mailSinkUrl();
  const messages = sink ? await sinkMessages() : [];
  const time = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (
    <>
      <PageIntro title={t.outbox} lead={t.outboxLead} />
      {!sink || messages.length === 0 ? (
        <p className="mt-8 max-w-2xl rounded-2xl bg-white p-6 text-sm text-stone-700 shadow-sm">
          {sink ? t.outboxEmpty : t.outboxNone}
        </p>
      ) : (
        <ol aria-label={t.outbox} className="mt-8 grid list-none gap-6">
          {messages.map((m) => (
            <li key={m.id}>
              <article aria-labelledby={`mail-${m.id}`} className="rounded-3xl bg-white p-6 shadow-sm">
                <h2 id={`mail-${m.id}`} className="text-xl">
                  {m.subject}
                </h2>
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="font-semibold text-stone-700">{t.outboxTo}</dt>
                  <dd className="text-stone-700">{m.to.join(', ')}</dd>
                  <dt className="font-semibold text-stone-700">{t.outboxReceived}</dt>
                  <dd className="text-stone-700">{time.format(new Date(m.receivedAt))}</dd>
                </dl>
                <div className="mt-4 rounded-2xl bg-stone-50 p-4 text-sm whitespace-pre-line text-stone-800">
                  {m.text}
                </div>
                {m.images.length + m.links.length > 0 && (
                  <details className="mt-4 text-sm">
                    <summary className="cursor-pointer font-semibold text-lotus-800">{t.outboxLinks}</summary>
                    <ul className="mt-2 grid gap-1 break-all text-stone-600">
                      {[...m.images, ...m.links.map((l) => l.href)].map((href) => (
                        <li key={href}>
                          <code>{href}</code>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                <div className="mt-4 flex flex-wrap items-end gap-6">
                  <dl className="grid gap-1 text-sm">
                    <Answer label={t.opened} fetched={m.opens} none={t.notYet} />
                    <Answer label={t.clicked} fetched={m.clicks} none={t.notYet} />
                  </dl>
                  {m.hasHtml && (
                    <form action={simulateOpenAndClick} className="ml-auto">
                      <input type="hidden" name="message" value={m.id} />
                      <button
                        type="submit"
                        aria-describedby={`mail-${m.id}`}
                        className="bg-lotus-800 text-white hover:bg-lotus-900"
                      >
                        {m.opens.length > 0 ? t.simulateAgain : t.simulate}
                      </button>
                    </form>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
