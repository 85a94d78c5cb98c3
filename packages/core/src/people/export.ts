import { type Lang, PROJECT_KINDS, seesPersonalData } from '@shegong/domain';
import type { UseCaseContext } from '../context.ts';
import { loadWorkbooks, type XlsxFile } from '../files.ts';
import { registryRules, summarise } from './registry.ts';

/** Who exports the staff list (ID numbers in full only for hr and admin) and the ladder's standings (pay). */
export const STAFF_EXPORTERS = { kinds: PROJECT_KINDS, roles: ['admin', 'hr', 'finance', 'project_manager'] } as const;

/** The staff list as an xlsx: the registry's figures with their rule ids; ID numbers masked unless hr/admin. */
export async function staffFile(ctx: UseCaseContext, lang: Lang): Promise<XlsxFile> {
  const [people, rules] = await Promise.all([ctx.repos.people.listAll(), registryRules(ctx)]);
  people.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const bytes = await (await loadWorkbooks()).staffWorkbook(
    people,
    people.map((p) => summarise(p, rules)),
    lang,
    { revealPersonalData: seesPersonalData(ctx.actor), asOf: rules.today },
  );
  return { bytes, fileName: '人员名册.xlsx' };
}
