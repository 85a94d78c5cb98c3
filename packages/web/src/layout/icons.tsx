/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
/** Line icons for the menu, drawn here (no icon font, no CDN); decorative, so hidden from readers. */
const PATHS = {
  dashboard: 'M3 3h7v9H3zM14 3h7v5h-7zM14 12h7v9h-7zM3 16h7v5H3z',
  contract: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h8M9 17h8',
  people: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a7 7 0 0 1 14 0v1M16 3.1a4 4 0 0 1 0 7.8M22 21v-1a7 7 0 0 0-4-6.3',
  ladder: 'M4 20h4v-5h4v-5h4V5h4',
  award: 'M12 15a6 6 0 1 0 0-12 6 6 0 0 0 0 12zM8.2 13.9 7 22l5-3 5 3-1.2-8.1',
  building: 'M3 21h18M5 21V5l7-3v19M19 21V9l-7-3M9 9h.01M9 13h.01M9 17h.01M15 12h.01M15 16h.01',
  seedling: 'M12 21V11M12 11C12 7 9 4 4 4c0 4 3 7 8 7zM12 14c0-3 2.5-6 8-6 0 4-3 6-8 6z',
  rules: 'M4 6h16M4 12h16M4 18h10',
  review: 'M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.35-4.35M8 11l2 2 4-4',
  approve: 'M9 11l3 3L22 4M21 12v7a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h11',
  tenants: 'M3 7l9-4 9 4-9 4zM3 12l9 4 9-4M3 17l9 4 9-4',
  menu: 'M3 6h18M3 12h18M3 18h18',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  calculator:
    'M6 2h12v20H6zM9 6h6M9 11h.01M12 11h.01M15 11h.01M9 15h.01M12 15h.01M15 15h.01M9 18h.01M12 18h.01M15 18h.01',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; class?: string }) {
  return (
    <svg
      class={props.class ?? 'icon'}
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[props.name]} />
    </svg>
  );
}
