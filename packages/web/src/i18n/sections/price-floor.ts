/** Messages of the price-floor pages (issue 4), Chinese first; the English object must have the same keys. */
export const priceFloorZh = {
  title: '最低合同价',
};

export const priceFloorEn: typeof priceFloorZh = {
  title: 'Price floor',
};
