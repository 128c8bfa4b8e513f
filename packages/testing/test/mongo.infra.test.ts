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
