import { isRead, scanningReads, storeCallsDuring } from '@hoanhap/testing';
import { startCases, nextNationalId, type Harness } from './support/cases-harness';

/**
 * A registration looks for the national ID and for namesakes born the same day. FerretDB 1.x answers any
 * filter other than one string `_id` by decoding every file, so both go through lookups read by `_id`.
 */
let h: Harness;
beforeAll(async () => {
  h = await startCases();
});
afterAll(() => h.close());

const LOOKED_AT = ['returnees', 'returnee_national_ids', 'returnee_names'];

const findsDuring = async <T>(work: () => Promise<T>) => {
  const { result, calls } = await storeCallsDuring(h.connection, LOOKED_AT, work);
  return { result, finds: calls.filter(isRead) };
};

describe('registration reads files by _id only', () => {
  it('when a file is registered, then its national ID and its namesakes are looked up by _id alone, and a second file of that name and birth date lists it', async () => {
    const first = await findsDuring(() => h.register({ nationalId: nextNationalId(), fullName: 'Lò Văn Sáng', dateOfBirth: '1991-02-03' }));
    expect(first.result.status).toBe(201);
    expect(first.finds.length).toBeGreaterThan(0);
    expect(scanningReads(first.finds)).toEqual([]);
    expect(first.result.body.possibleDuplicates).toBeUndefined();

    const second = await findsDuring(() =>
      h.register({ nationalId: nextNationalId(), fullName: 'LO VAN SANG', dateOfBirth: '1991-02-03' }),
    );
    expect(second.result.status).toBe(201);
    expect(scanningReads(second.finds)).toEqual([]);
    expect(second.result.body.possibleDuplicates).toEqual([{ id: first.result.body.id, provinceCode: '40', communeCode: '16681' }]);
  });

  it('when the same national ID is registered again, then 409 names the first file, found by _id alone', async () => {
    const nationalId = nextNationalId();
    const first = await h.register({ nationalId, fullName: 'Quàng Thị Xuân' });
    const again = await findsDuring(() => h.register({ nationalId, fullName: 'Quàng Thị Xuân' }));
    expect([again.result.status, again.result.body.code, again.result.body.existingId]).toEqual([
      409,
      'RETURNEE.NATIONAL_ID_TAKEN',
      first.body.id,
    ]);
    expect(scanningReads(again.finds)).toEqual([]);
  });

  it('when five registrations of one national ID race, then one is 201 and four 409 naming it', async () => {
    const nationalId = nextNationalId();
    const results = await Promise.all(Array.from({ length: 5 }, () => h.register({ nationalId, fullName: 'Hà Văn Tùng' })));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.existingId)).toEqual(Array(4).fill(created[0]!.body.id));
  });

  it('when a file’s national ID, name or birth date is edited, then the old ones find it no more and the new ones do', async () => {
    const [oldId, newId] = [nextNationalId(), nextNationalId()];
    const file = await h.register({ nationalId: oldId, fullName: 'Sùng Văn Páo', dateOfBirth: '1980-07-07' });
    const edited = await h.as('officer40').patch(`/returnees/${file.body.id}`).send({ nationalId: newId, fullName: 'Sùng A Páo' });
    expect(edited.status).toBe(200);

    expect((await h.register({ nationalId: oldId, fullName: 'Người Khác' })).status).toBe(201);
    expect((await h.register({ nationalId: newId, fullName: 'Người Khác' })).body.existingId).toBe(file.body.id);
    const oldName = await h.register({ nationalId: nextNationalId(), fullName: 'Sùng Văn Páo', dateOfBirth: '1980-07-07' });
    expect(oldName.body.possibleDuplicates).toBeUndefined();
    const newName = await h.register({ nationalId: nextNationalId(), fullName: 'Sung A Pao', dateOfBirth: '1980-07-07' });
    expect(newName.body.possibleDuplicates).toEqual([expect.objectContaining({ id: file.body.id })]);
  });

  it('when files were stored before the lookups existed, then cases’ start writes them, and a registration finds both the ID and the namesake', async () => {
    const nationalId = nextNationalId();
    const file = await h.register({ nationalId, fullName: 'Giàng Thị Dợ', dateOfBirth: '1993-09-09' });
    // as stored by the version before lookups: the file, no lookups, no markers
    await h.connection.collection('returnee_national_ids').deleteMany({});
    await h.connection.collection('returnee_names').deleteMany({});

    await h.cases.ctx.returnees.init();

    const again = await h.register({ nationalId, fullName: 'Giàng Thị Dợ', dateOfBirth: '1993-09-09' });
    expect([again.status, again.body.existingId]).toEqual([409, file.body.id]);
    const namesake = await h.register({ nationalId: nextNationalId(), fullName: 'Giang Thi Do', dateOfBirth: '1993-09-09' });
    expect(namesake.body.possibleDuplicates).toEqual([expect.objectContaining({ id: file.body.id })]);
  });

  it('when a file holds a national ID without its key (written by the version before keys, still running), then registering that ID again answers 409 naming it', async () => {
    const nationalId = nextNationalId();
    const file = await h.register({ nationalId, fullName: 'Vàng A Chử' });
    await h.connection.collection('returnee_national_ids').deleteOne({ _id: nationalId as never });

    const again = await h.register({ nationalId, fullName: 'Vàng A Chử' });
    expect([again.status, again.body.code, again.body.existingId]).toEqual([409, 'RETURNEE.NATIONAL_ID_TAKEN', file.body.id]);
    // the refusal mended the key: the next lookup reads by _id alone
    const third = await findsDuring(() => h.register({ nationalId, fullName: 'Vàng A Chử' }));
    expect(third.result.body.existingId).toBe(file.body.id);
    expect(scanningReads(third.finds)).toEqual([]);
  });
});
