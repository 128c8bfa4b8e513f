import { listScope } from './access.rules';
import { applicationDto, type ApplicationDto } from './application.dto';
import type { ApplicationStatus } from './application.types';
import type { Caller } from './caller';
import type { LoansContext } from './loans.context';
import { clampLimit, decodeCursor, encodeCursor } from './pagination';
import { auditRead, clockOf } from './read-access';

export interface ApplicationQuery {
  status?: ApplicationStatus;
  branch?: string;
  returneeId?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The caller's applications, oldest first: for bank staff the queue of their branch, each with its age
 * against the 3-working-day target. The role's scope always applies, whatever the query asks.
 */
export async function listApplications(ctx: LoansContext, caller: Caller, query: ApplicationQuery): Promise<{ items: ApplicationDto[]; nextCursor: string | null }> {
  const filter = { ...listScope(caller, query), ...(query.status ? { status: query.status } : {}), ...(query.returneeId ? { returneeId: query.returneeId } : {}) };
  const { items, more } = await ctx.applications.page(filter, clampLimit(query.limit), decodeCursor(query.cursor));
  await auditRead(ctx, caller, 'loan-application.list', filter.branchOrgId ?? filter.provinceCode ?? filter.employerOrgId ?? '*', {
    ids: items.map((a) => a.id),
  });
  const facts = await ctx.returnees.getMany(items.flatMap((a) => (a.returneeId ? [a.returneeId] : [])));
  const last = items[items.length - 1];
  return {
    items: items.map((a) => applicationDto(a, caller, { clock: clockOf(ctx, a), returnee: a.returneeId ? facts.get(a.returneeId) : undefined })),
    nextCursor: more && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}
