/**
 * Messages of the lists' tools (issue 10, point 5): the search box, the sort and order choices and
 * the sortable column headers, for the contracts, the staff and the platform's tenants. Chinese
 * first; the English object must have the same keys.
 */
export const listsZh = {
  tools: '搜索和排序',
  search: '搜索',
  apply: '查询',
  clear: '清除搜索',
  sort: '排序',
  order: '顺序',
  orders: { asc: '升序', desc: '降序' },
  /** A column header's link: what clicking it does. */
  sortBy: (column: string, order: string) => `按${column}${order}排列`,
  noMatch: '没有符合条件的结果。',
  /** What the list is showing, above it. */
  searching: (query: string) => `搜索“${query}”的结果`,
  contracts: {
    searchHint: '合同编号、项目名称或采购方的一部分',
    sorts: { created: '创建时间', number: '合同编号', title: '项目名称', startDate: '开始日期', value: '合同金额' },
  },
  staff: {
    searchHint: '姓名或证书编号的一部分',
    sorts: { name: '姓名', registrationExpiry: '登记有效期' },
  },
  tenants: {
    searchHint: '名称、英文名称或统一社会信用代码的一部分',
    sorts: { created: '创建时间', name: '名称' },
    status: '状态',
    kind: '类型',
    all: '全部',
  },
};

export const listsEn: typeof listsZh = {
  tools: 'Search and sort',
  search: 'Search',
  apply: 'Apply',
  clear: 'Clear search',
  sort: 'Sort by',
  order: 'Order',
  orders: { asc: 'ascending', desc: 'descending' },
  sortBy: (column: string, order: string) => `Sort by ${column}, ${order}`,
  noMatch: 'Nothing matches.',
  searching: (query: string) => `Results for “${query}”`,
  contracts: {
    searchHint: 'Part of a contract number, title or purchaser',
    sorts: { created: 'Created', number: 'Number', title: 'Title', startDate: 'Start date', value: 'Value' },
  },
  staff: {
    searchHint: 'Part of a name or certificate number',
    sorts: { name: 'Name', registrationExpiry: 'Registration expiry' },
  },
  tenants: {
    searchHint: 'Part of a name, English name or credit code',
    sorts: { created: 'Created', name: 'Name' },
    status: 'Status',
    kind: 'Kind',
    all: 'All',
  },
};
