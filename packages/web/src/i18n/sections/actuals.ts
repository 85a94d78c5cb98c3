/** Messages of the actuals pages (issue 4), Chinese first; the English object must have the same keys. */
export const actualsZh = {
  title: '实际收支',
};

export const actualsEn: typeof actualsZh = {
  title: 'Actuals',
};
