export { ASSETS, assetUrl } from './assets/index.ts';
export type { PageEnv, PagesConfig } from './env.ts';
export { LANG_COOKIE, LANGS, type Lang, messagesFor } from './i18n/index.ts';
export { homeOf, MENUS } from './layout/menu.ts';
export { mountPages } from './mount.ts';
export { contractFormFields } from './pages/contracts/form.ts';
export {
  BureauContractRectification,
  BureauRectificationCard,
  type BureauRectificationSections,
  bureauContractSections,
  bureauRectificationCard,
  OrgRectificationCard,
  orgRectificationCard,
} from './pages/rectification/cards.tsx';
export { ruleSetFormFields } from './pages/rules/form.ts';
export { PageCookies } from './session/cookies.ts';
export type { OidcConfig } from './session/oidc.ts';
export { sessionTokenSource } from './session/routes.tsx';
