/** Messages of the rules pages (issue 3), Chinese first; the English object must have the same keys. */
export const rulesZh = {
  title: '规则',
};

export const rulesEn: typeof rulesZh = {
  title: 'Rule sets',
};
