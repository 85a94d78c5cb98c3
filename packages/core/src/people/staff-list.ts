import {
  defaultOrder,
  type ListOrder,
  listedRegistration,
  matchesSearch,
  type PersonView,
  type StaffFlag,
  type StaffSort,
  searchable,
} from '@shegong/domain';
import { type Page, type PageRequest, windowOf } from '@shegong/store';

/**
 * The staff list (the API's and the page's): the registry's people with a flag, or found by a
 * search, sorted by a column, one page at a time.
 *
 * The registry is read whole and sorted in memory rather than through an index per sort: its
 * counts and flag filters need every person's summary anyway (they depend on today and the rule
 * set in force, so no index can hold them), names sort in pinyin order, which DynamoDB's byte
 * order cannot give, and an organisation's staff are bounded (tens to a few thousand people).
 */
export interface StaffListQuery {
  flag?: StaffFlag;
  /** Found in the name or a certificate number (never in ID-card or phone numbers: personal data). */
  search?: string;
  sort?: StaffSort;
  order?: ListOrder;
}

/** The expiry the list sorts by: the listed registration's (without a rule set, the last certificate's own date). */
function registrationExpiry(person: PersonView): string | undefined {
  if (person.summary) return listedRegistration(person.summary)?.expiresOn;
  return person.certificates.at(-1)?.registrationExpiresOn;
}

const byName = new Intl.Collator('zh-CN', { numeric: true });

export function staffPage(people: readonly PersonView[], query: StaffListQuery, page: PageRequest): Page<PersonView> {
  const sort = query.sort ?? 'name';
  const order = query.order ?? defaultOrder(sort);
  const search = searchable(query.search ?? '');
  const { flag } = query;
  const found = people.filter(
    (p) =>
      (!flag || p.summary?.flags.includes(flag)) &&
      matchesSearch(search, [p.name, ...p.certificates.map((c) => c.number)]),
  );
  return windowOf(
    found,
    {
      value: sort === 'name' ? (p) => p.name : registrationExpiry,
      id: (p) => p.id,
      order,
      compareText: byName.compare,
      binding: ['staff', flag ?? '*', sort, order, search].join('|'),
    },
    page,
  );
}
