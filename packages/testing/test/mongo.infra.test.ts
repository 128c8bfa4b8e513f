import mongoose, { Schema } from 'mongoose';
import { testNamespace } from '../src';

const ns = testNamespace();

describe('MongoDB wire protocol (FerretDB on SQLite)', () => {
  it('when a second document repeats a unique key, then mongoose rejects it with E11000 and keeps the first', async () => {
    const conn = await mongoose.createConnection(ns.mongoUri).asPromise();
    try {
      const Person = conn.model('Person', new Schema({ nationalId: { type: String, unique: true }, name: String }));
      await Person.init();
      await Person.create({ nationalId: '001090012345', name: 'Nguyễn Văn An' });
      await expect(Person.create({ nationalId: '001090012345', name: 'Trần Thị Bình' })).rejects.toMatchObject({ code: 11000 });
      const stored = await Person.find().lean();
      expect(stored.map((p) => p.name)).toEqual(['Nguyễn Văn An']);
    } finally {
      await conn.dropDatabase();
      await conn.close();
    }
  });
});

describe('lookups by _id on FerretDB (infra/ferretdb/idindex.go)', () => {
  it('when a collection is created, then within seconds a find by _id is answered through the _id pushdown index, not a table scan', async () => {
    const conn = await mongoose.createConnection(ns.mongoUri).asPromise();
    try {
      const jobs = conn.db!.collection<{ _id: string; title: string }>('jobs_by_id');
      await jobs.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `job-${i}`, title: `Thợ hàn ${i}` })));
      // EXPLAIN QUERY PLAN does not check SQLite's schema cookie, so a pooled connection may explain with the schema it
      // read before the index existed; a real find first makes that connection read the schema again
      const plan = async () => {
        await jobs.findOne({ _id: 'job-7' });
        return JSON.stringify(await conn.db!.command({ explain: { find: 'jobs_by_id', filter: { _id: 'job-7' } } }));
      };
      const deadline = Date.now() + 10_000;
      let seen = await plan();
      while (!seen.includes('_hoanhap_id_pushdown') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        seen = await plan();
      }
      expect(seen).toMatch(/SEARCH .*USING INDEX \S*_hoanhap_id_pushdown/);
      expect(await jobs.findOne({ _id: 'job-7' })).toEqual({ _id: 'job-7', title: 'Thợ hàn 7' });
      await jobs.updateOne({ _id: 'job-7' }, { $set: { title: 'Thợ hàn bậc 3' } });
      expect(await jobs.findOne({ _id: 'job-7' })).toEqual({ _id: 'job-7', title: 'Thợ hàn bậc 3' });
    } finally {
      await conn.dropDatabase();
      await conn.close();
    }
  });
});
