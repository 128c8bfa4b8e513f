import { type Connection, type Model, Schema } from 'mongoose';

/** An import whose rows were all inserted (hidden) and that is now being made visible, file by file. */
export interface ImportBatch {
  _id: string;
  ids: string[];
  at: Date;
  done: boolean;
}

const batchSchema = new Schema<ImportBatch>({ _id: String, ids: [String], at: Date, done: Boolean }, { versionKey: false });

function batchModel(connection: Connection): Model<ImportBatch> {
  return (
    (connection.models.ImportBatch as Model<ImportBatch> | undefined) ??
    connection.model<ImportBatch>('ImportBatch', batchSchema, 'import_batches')
  );
}

/**
 * The commit point of an all-or-nothing import: once this record exists every row of the batch is made
 * visible (after a crash, at the next boot); without it, the batch's hidden rows are removed. One writer per
 * batch: the import request, or the recovery at boot.
 */
export function importBatchRepository(connection: Connection) {
  const model = batchModel(connection);
  return {
    init: () => model.init(),
    commitPoint: async (batchId: string, ids: string[]) => {
      await model.create({ _id: batchId, ids, at: new Date(), done: false });
    },
    find: (batchId: string) => model.findById(batchId).lean(),
    markDone: async (batchId: string) => {
      await model.updateOne({ _id: batchId }, { $set: { done: true } });
    },
  };
}

export type ImportBatchRepository = ReturnType<typeof importBatchRepository>;
