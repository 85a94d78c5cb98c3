/** Messages of the ladder pages (issue 3), Chinese first; the English object must have the same keys. */
export const ladderZh = {
  title: '职级',
};

export const ladderEn: typeof ladderZh = {
  title: 'Career ladder',
};
