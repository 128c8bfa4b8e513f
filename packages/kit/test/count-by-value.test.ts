import { countByValue } from '../src';

async function* docs(...rows: object[]) {
  yield* rows;
}

describe('countByValue: counts of a field in one pass', () => {
  it('when documents hold listed, unlisted and missing values, then each listed value is counted, every one from zero', async () => {
    const counts = await countByValue(
      docs({ status: 'sent' }, { status: 'seen' }, { status: 'sent' }, { status: 'archived' }, {}, { status: 7 }, { status: 'toString' }),
      'status',
      ['sent', 'seen', 'withdrawn'] as const,
    );
    expect(counts).toEqual({ sent: 2, seen: 1, withdrawn: 0 });
  });
});
