import { randomUUID } from 'node:crypto';
import type { FieldError } from '@hoanhap/kit';
import type { ImportRecord } from '../import/import-columns';
import { audit } from './audit-trail';
import { todayInVietnam } from './calendar.rules';
import type { CasesContext } from './cases.context';
import { errors } from './cases.errors';
import { rowToNewReturnee } from './import-row.rules';
import { checkNewReturnee, newReturnee, withRegistrationEvents, type NewReturnee } from './register-returnee.use-case';
import type { Actor } from './returnee.types';

export interface RowReport {
  row: number;
  ok: boolean;
  id?: string;
  errors?: FieldError[];
}

function rowErrors(ctx: CasesContext, actor: Actor, record: ImportRecord, validateBody: (body: unknown) => FieldError[]) {
  const { body, errors: cellErrors } = rowToNewReturnee(record);
  const found = [...cellErrors, ...validateBody(body)];
  if (found.length === 0) {
    try {
      checkNewReturnee(ctx, actor, body as NewReturnee);
    } catch (error) {
      const e = error as { code?: string; message: string; errors?: FieldError[] };
      found.push(...(e.errors ?? [{ field: 'row', rule: e.code ?? 'invalid', message: e.message }]));
    }
  }
  return { body: body as NewReturnee, errors: found };
}

/** National IDs twice in the file, or already in a file here, make their rows fail. */
async function duplicateErrors(ctx: CasesContext, rows: { body: NewReturnee; errors: FieldError[] }[]) {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const id = r.body.nationalId;
    if (!id) return;
    if (seen.has(id))
      r.errors.push({ field: 'nationalId', in: 'body', rule: 'unique-in-file', message: `same national ID as row index ${seen.get(id)}` });
    else seen.set(id, i);
  });
  const existing = await ctx.returnees.findIdsByNationalIds([...seen.keys()]);
  for (const { id, nationalId } of existing) {
    rows[seen.get(nationalId)!]!.errors.push({ field: 'nationalId', in: 'body', rule: 'unique', message: `already in file ${id}` });
  }
}

/** Makes a committed batch's files visible with their events (also finishes a batch after a crash). */
export async function commitBatch(ctx: CasesContext, actor: Actor, batchId: string, ids: string[]) {
  const today = todayInVietnam(ctx.clock());
  for (const id of ids) await ctx.returnees.commitImport(id, actor, (file) => withRegistrationEvents(file, today));
  await ctx.imports.markDone(batchId);
}

/**
 * Imports files from the template, all or nothing: every row is checked first (the registration schema and
 * rules, the officer's province, national IDs); one bad row imports nothing and the report names each failing
 * row and field. Rows are then inserted hidden; a failure part-way removes them. Once all are in, a commit
 * record is written and the files become visible, each with its registration events.
 */
export async function importReturnees(
  ctx: CasesContext,
  actor: Actor,
  records: { row: number; record: ImportRecord }[],
  validateBody: (body: unknown) => FieldError[],
) {
  if (records.length === 0) throw errors.importUnreadable('the workbook has no data rows');
  const rows = records.map(({ record }) => rowErrors(ctx, actor, record, validateBody));
  await duplicateErrors(ctx, rows);
  const report: RowReport[] = rows.map((r, i) => ({
    row: records[i]!.row,
    ok: r.errors.length === 0,
    ...(r.errors.length && { errors: r.errors }),
  }));
  const failing = report.filter((r) => !r.ok).length;
  if (failing > 0) throw errors.importInvalid(report, `${failing} of ${rows.length} rows are invalid; nothing was imported`);

  const batchId = randomUUID();
  const ids: string[] = [];
  for (const [i, r] of rows.entries()) {
    try {
      const file = newReturnee(ctx, actor, randomUUID(), r.body);
      await ctx.returnees.insert(file, [], actor, { pendingImport: batchId });
      ids.push(file.id);
      report[i]!.id = file.id;
    } catch (error) {
      await ctx.returnees.removePendingImport(batchId);
      const failed = report.map((line, j) =>
        j === i
          ? { row: line.row, ok: false, errors: [{ field: 'row', rule: 'insert', message: (error as Error).message }] }
          : { row: line.row, ok: j < i },
      );
      throw errors.importFailed(
        failed,
        `row ${report[i]!.row} could not be stored; the ${i} rows stored before it were removed, nothing was imported`,
        error,
      );
    }
  }
  await ctx.imports.commitPoint(batchId, ids);
  await commitBatch(ctx, actor, batchId, ids);
  await audit(ctx, actor, 'returnee.import', { type: 'import', id: batchId }, 'case-management', { rows: ids.length });
  return { imported: ids.length, rows: report };
}

/**
 * At boot: a batch with a commit record is finished, a batch without one (its import died before the commit
 * point) is removed once it is older than `staleMs`.
 */
export async function recoverImports(ctx: CasesContext, actor: Actor, staleMs = 10 * 60_000) {
  const pending = await ctx.returnees.pendingImports();
  for (const batchId of new Set(pending.map((p) => p.batchId))) {
    const batch = await ctx.imports.find(batchId);
    if (batch) await commitBatch(ctx, actor, batchId, batch.ids);
    else if (pending.filter((p) => p.batchId === batchId).every((p) => Date.now() - Date.parse(p.createdAt) > staleMs))
      await ctx.returnees.removePendingImport(batchId);
  }
}
