import { canManage, isFormerOfficer, provinceScope } from './access.rules';
import { audit, DEFAULT_PURPOSE } from './audit-trail';
import { todayInVietnam } from './calendar.rules';
import type { CasesContext } from './cases.context';
import { errors } from './cases.errors';
import { clampLimit, decodeCursor, type Page, pageOf } from './pagination';
import { fileDto, recordedOnlyDto, summaryDto } from './returnee.dto';
import type { Actor, Grade, ReturneeStatus } from './returnee.types';

/**
 * Reads one file and writes exactly one audit row with the purpose given. An officer of another province
 * gets 404 (and no row: nothing was read); an officer of an earlier province sees only what they recorded.
 */
export async function readReturnee(ctx: CasesContext, actor: Actor, id: string, purpose = DEFAULT_PURPOSE) {
  const returnee = await ctx.returnees.findById(id);
  if (returnee && canManage(actor, returnee)) {
    await audit(ctx, actor, 'returnee.read', { type: 'returnee', id }, purpose);
    return fileDto(returnee, todayInVietnam(ctx.clock()));
  }
  if (returnee && isFormerOfficer(actor, returnee)) {
    await audit(ctx, actor, 'returnee.read', { type: 'returnee', id }, purpose, { access: 'recorded-only' });
    return recordedOnlyDto(returnee, actor.id);
  }
  throw errors.returneeNotFound(id);
}

export interface ReturneeQuery {
  provinceCode?: string;
  communeCode?: string;
  q?: string;
  nationalId?: string;
  status?: ReturneeStatus;
  grade?: Grade;
  limit?: number;
  cursor?: string;
}

/**
 * Searches files: officers within their own province only (asking for another gives an empty page, as if
 * it had none), deleted files for admins only. The search itself is logged once, with its purpose.
 */
export async function searchReturnees(
  ctx: CasesContext,
  actor: Actor,
  query: ReturneeQuery,
  purpose = DEFAULT_PURPOSE,
): Promise<Page<object>> {
  const scope = provinceScope(actor);
  const limit = clampLimit(query.limit);
  if (scope && query.provinceCode && query.provinceCode !== scope) return { items: [], nextCursor: null };
  if (scope && query.status === 'deleted') return { items: [], nextCursor: null };
  const { limit: _l, cursor, ...filter } = query;
  const rows = await ctx.returnees.page({ ...filter, provinceCode: scope ?? query.provinceCode }, limit, decodeCursor(cursor));
  const page = pageOf(rows, limit, (row) => summaryDto(row.returnee));
  await audit(ctx, actor, 'returnee.search', { type: 'returnee-search', id: scope ?? query.provinceCode ?? 'all' }, purpose, {
    results: page.items.length,
    ...(query.q && { byName: true }),
    ...(query.nationalId && { byNationalId: true }),
  });
  return page;
}
