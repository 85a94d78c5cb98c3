/** Messages of the contracts pages (issue 4), Chinese first; the English object must have the same keys. */
export const contractsZh = {
  title: '合同',
};

export const contractsEn: typeof contractsZh = {
  title: 'Contracts',
};
