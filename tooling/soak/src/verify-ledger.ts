import type { Entry, Ledger, Operation } from './ledger.js';
import type { Findings, Row, State } from './verify-state.js';

type Op<K extends Operation['op']> = Extract<Operation, { op: K }>;

/** The records deleted by a write with an answer or without one: their absence is expected, or allowed. */
function deletedIds(ledger: Ledger): Map<string, 'acked' | 'unknown'> {
  const deletes = new Map<string, 'acked' | 'unknown'>();
  for (const e of ledger.entries) {
    const o = e.operation;
    const ids =
      o.op === 'contact.delete'
        ? [{ id: o.id, done: e.outcome === 'acked' }]
        : o.op === 'batch'
          ? o.items.flatMap((item, i) =>
              item.op === 'delete' ? [{ id: item.id, done: e.answer.items?.[i]?.status === 204 }] : [],
            )
          : [];
    for (const { id, done } of ids) {
      if (done) deletes.set(id, 'acked');
      else if (e.outcome === 'unknown' && !deletes.has(id)) deletes.set(id, 'unknown');
    }
  }
  return deletes;
}

/**
 * Checks every operation of the ledger against the database: acknowledged writes present once as answered, with
 * their change event; refused ones absent; unanswered ones whole and at most once (counted as applied or not).
 */
export function checkLedger(s: State, ledger: Ledger, f: Findings): void {
  const deletes = deletedIds(ledger);

  /** A created record found by its marker: once, with the acknowledged id (or gone, if deleted since). */
  const created = (entry: Entry, found: Row[] | undefined, id: string | undefined, what: string): boolean => {
    const n = found?.length ?? 0;
    if (n > 1) {
      f.duplicated++;
      f.problem(`${what}: ${n} records for one ${entry.outcome} create (seq ${entry.seq})`);
      return false;
    }
    if (entry.outcome === 'unknown') {
      f.unanswered(n === 1);
      return true;
    }
    if (entry.outcome === 'rejected') {
      if (n > 0) f.problem(`${what}: a refused create is present (seq ${entry.seq})`);
      return n === 0;
    }
    if (n === 1 && found![0]!.id === id) return true;
    if (n === 0 && id && deletes.has(id)) return true;
    f.lost++;
    f.problem(`${what}: acknowledged create ${id} missing (seq ${entry.seq})`);
    return false;
  };

  /** An acknowledged write of `version` to a record: in the record (or a later version) and in the feed. */
  const written = (resource: string, id: string, version: number, seq: number): boolean => {
    if (!s.hasEvent(resource, id, (ev) => ev.version === version)) {
      f.problem(`${resource}/${id}: no event for acknowledged version ${version} (seq ${seq})`, 'feedComplete');
      return false;
    }
    const current = resource === 'contacts' ? s.contactsById.get(id) : s.dealsById.get(id);
    if (!current) return deletes.has(id);
    if (current.version < version) {
      f.lost++;
      f.problem(`${resource}/${id}: at version ${current.version}, below acknowledged ${version} (seq ${seq})`);
      return false;
    }
    return true;
  };

  const withEvent = (ok: boolean, found: boolean, text: string): boolean => {
    if (ok && !found) f.problem(text, 'feedComplete');
    return ok && found;
  };

  const batch = (entry: Entry, o: Op<'batch'>): boolean => {
    let ok = true;
    // All of a batch or none of it: its creates are all present, or all absent.
    const present = o.items.map((i) => (i.op === 'create' ? (s.contactsByMarker.get(i.marker)?.length ?? 0) : -1));
    const creates = present.filter((n) => n >= 0);
    if (creates.some((n) => n > 1)) {
      f.duplicated += creates.filter((n) => n > 1).length;
      f.problem(`batch seq ${entry.seq}: a create applied twice`);
      ok = false;
    }
    if (entry.outcome === 'unknown') {
      const applied = creates.filter((n) => n > 0).length;
      if (applied !== 0 && applied !== creates.length) {
        f.problem(`batch seq ${entry.seq}: ${applied} of ${creates.length} creates applied`, 'batchesAtomic');
        ok = false;
      }
      f.unanswered(applied > 0);
      return ok;
    }
    if (entry.outcome !== 'acked') return ok;
    for (const [i, item] of o.items.entries()) {
      const result = entry.answer.items?.[i];
      if (!result) continue;
      if (item.op === 'create' && result.status === 201 && present[i] !== 1 && !deletes.has(result.id!)) {
        f.lost++;
        f.problem(`batch seq ${entry.seq}: acknowledged create ${result.id} missing`);
        ok = false;
      }
      if (item.op === 'update' && result.status === 200)
        ok = written('contacts', item.id, result.version!, entry.seq) && ok;
      if (item.op === 'delete' && result.status === 204 && s.contactsById.has(item.id)) {
        f.lost++;
        f.problem(`batch seq ${entry.seq}: acknowledged delete of ${item.id} not applied`);
        ok = false;
      }
    }
    return ok;
  };

  const conversion = (entry: Entry, o: Op<'lead.convert'>): boolean => {
    const lead = s.leadsById.get(o.leadId);
    const leadMarker = /^Lead (.*)$/.exec(lead?.name ?? '')?.[1] ?? '';
    const contact = s.contacts.filter((c) => c.emails.includes(`${leadMarker}@lead.test`));
    const company = s.companiesByName.get(`${leadMarker}-co`) ?? [];
    const deal = s.dealsByName.get(`${o.marker}-deal`) ?? [];
    const converted = lead?.status === 'converted';
    const parts = [contact.length, company.length, deal.length];
    const whole =
      converted &&
      lead.converted_contact_id === contact[0]?.id &&
      lead.converted_company_id === company[0]?.id &&
      lead.converted_deal_id === deal[0]?.id &&
      s.contactsById.has(lead.converted_contact_id!) &&
      s.companyIds.has(lead.converted_company_id!) &&
      s.dealsById.has(lead.converted_deal_id ?? '');
    let ok = true;
    if (parts.some((n) => n > 1)) {
      f.duplicated++;
      f.problem(`conversion of ${o.leadId}: records created twice (${parts.join('/')})`);
      ok = false;
    }
    if (entry.outcome === 'acked') {
      if (!whole || lead.converted_contact_id !== entry.answer.conversion?.contactId) {
        f.lost++;
        f.problem(`conversion of ${o.leadId}: acknowledged but not whole`);
        return false;
      }
      return ok;
    }
    // Without an answer: converted whole by this attempt, or not at all (nothing of it exists).
    const none = parts.every((n) => n === 0) && !converted;
    if (!(whole || none) || (entry.outcome === 'rejected' && !none)) {
      f.problem(`conversion of ${o.leadId}: half applied (${parts.join('/')}, ${lead?.status})`, 'conversionsAtomic');
      ok = false;
    }
    if (entry.outcome === 'unknown') f.unanswered(whole);
    return ok;
  };

  for (const entry of ledger.entries) {
    const o = entry.operation;
    const acked = entry.outcome === 'acked';
    let ok = true;
    switch (o.op) {
      case 'contact.create':
        ok = created(entry, s.contactsByMarker.get(o.marker), entry.answer.id, 'contact');
        if (acked) {
          ok = withEvent(
            ok,
            s.hasEvent('contacts', entry.answer.id!, (ev) => ev.type === 'contact.created'),
            `contact ${entry.answer.id}: no contact.created event`,
          );
        }
        break;
      case 'deal.create':
        ok = created(entry, s.dealsByName.get(o.marker), entry.answer.id, 'deal');
        break;
      case 'ticket.create':
        ok = created(entry, s.ticketsBySubject.get(o.marker), entry.answer.id, 'ticket');
        break;
      case 'lead.create':
        ok = created(entry, s.leadsByName.get(`Lead ${o.marker}`), entry.answer.id, 'lead');
        break;
      case 'ticket.reply':
        ok = created(entry, s.messagesByMarker.get(o.marker), entry.answer.id, 'reply');
        if (acked) {
          ok = withEvent(
            ok,
            s.messageEvents.has(entry.answer.id!),
            `reply ${entry.answer.id}: no ticket.message.created event`,
          );
        }
        break;
      case 'contact.update':
      case 'deal.move':
        if (acked) ok = written(o.op === 'deal.move' ? 'deals' : 'contacts', o.id, entry.answer.version!, entry.seq);
        else if (entry.outcome === 'unknown') f.unanswered(null);
        break;
      case 'contact.delete':
        if (acked) {
          ok = !s.contactsById.has(o.id) && s.hasEvent('contacts', o.id, (ev) => ev.type === 'contact.deleted');
          if (!ok) {
            f.lost++;
            f.problem(`contact ${o.id}: acknowledged delete not applied or without its event`);
          }
        } else if (entry.outcome === 'unknown') f.unanswered(!s.contactsById.has(o.id));
        break;
      case 'batch':
        ok = batch(entry, o);
        break;
      case 'lead.convert':
        ok = conversion(entry, o);
        break;
    }
    if (acked && ok) f.verified++;
  }
}
