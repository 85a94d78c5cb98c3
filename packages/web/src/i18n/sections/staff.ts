/** Messages of the staff pages (issue 3), Chinese first; the English object must have the same keys. */
export const staffZh = {
  title: '人员',
};

export const staffEn: typeof staffZh = {
  title: 'Staff',
};
