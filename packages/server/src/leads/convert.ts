import { splitName } from '@crmkit/core';
import type { LeadConversion, LeadConvert } from '@crmkit/spec';
import { companyResource } from '../companies/resource.js';
import { contactResource } from '../contacts/resource.js';
import type { WriteContext } from '../core/context.js';
import { dealResource } from '../deals/resource.js';
import { conflict, fieldError, ProblemError, validationFailed } from '../http/problem.js';
import { type AnyRecord, applyUpdate, createRecord, getRecord } from '../resources/engine.js';
import { leadResource } from './resource.js';

/** Runs one part of a conversion, prefixing its validation errors with `prefix` (e.g. `deal.stageId`). */
async function part<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ProblemError && error.problem.errors) {
      throw validationFailed(
        error.problem.errors.map((e) => ({ ...e, path: `${prefix}.${e.path}` })),
        error.problem.detail,
      );
    }
    throw error;
  }
}

/** Converts a lead in the write's transaction: all of contact, company, deal and the lead's status, or nothing. */
export async function convertLead(w: WriteContext, id: string, body: LeadConvert): Promise<LeadConversion> {
  const lead = await getRecord(w, leadResource, id, w.tx, true);
  if (lead.status === 'converted') throw conflict('This lead has already been converted.', 'lead-converted');
  if (lead.status === 'disqualified')
    throw conflict('A disqualified lead cannot be converted; requalify it first.', 'lead-disqualified');
  const ownerId = (lead.ownerId as string | null) ?? w.principal.userId;
  const companyName = lead.companyName as string | null;
  let company: AnyRecord | null = null;
  if (body.companyId) {
    const companyId = body.companyId;
    company = await getRecord(w, companyResource, companyId, w.tx).catch(() => {
      throw validationFailed([
        fieldError('companyId', 'notFound', `no company with id ${companyId}`, { what: 'company', id: companyId }),
      ]);
    });
  } else if (companyName && (body.createCompany ?? true)) {
    company = await part('company', () =>
      createRecord(w, companyResource, { name: companyName, ownerId, tags: lead.tags }),
    );
  }
  // Split by what the name is and the language it is typed in, not by the workspace's language: a Vietnamese
  // workspace's "Emily Carter" stays given name first, and a Thai "คุณสมชาย ใจดี" keeps คุณ as the salutation.
  const { firstName, lastName, nameOrder, salutation } = splitName(lead.name as string, w.inputLocale);
  const contact = await part('contact', () =>
    createRecord(w, contactResource, {
      firstName,
      lastName,
      ...(firstName && lastName ? { nameOrder } : {}),
      salutation,
      emails: lead.email ? [lead.email] : [],
      phones: lead.phone ? [lead.phone] : [],
      companyId: company?.id ?? null,
      source: lead.source,
      ownerId,
      tags: lead.tags,
    }),
  );
  const deal = body.deal
    ? await part('deal', () =>
        createRecord(w, dealResource, {
          name: body.deal!.name ?? companyName ?? (lead.name as string),
          ...(body.deal!.amount !== undefined ? { amount: body.deal!.amount } : {}),
          ...(body.deal!.currency ? { currency: body.deal!.currency } : {}),
          ...(body.deal!.pipelineId ? { pipelineId: body.deal!.pipelineId } : {}),
          ...(body.deal!.stageId ? { stageId: body.deal!.stageId } : {}),
          companyId: company?.id ?? null,
          contactIds: [contact.id],
          ownerId,
        }),
      )
    : null;
  const converted = await applyUpdate(
    w,
    leadResource,
    id,
    {
      status: 'converted',
      convertedAt: w.now.toISOString(),
      convertedContactId: contact.id,
      convertedCompanyId: company?.id ?? null,
      convertedDealId: deal?.id ?? null,
    },
    null,
  );
  return { lead: converted, contact, company, deal } as unknown as LeadConversion;
}
