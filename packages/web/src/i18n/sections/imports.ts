/** Messages of the imports pages (issue 3), Chinese first; the English object must have the same keys. */
export const importsZh = {
  title: '导入',
};

export const importsEn: typeof importsZh = {
  title: 'Imports',
};
