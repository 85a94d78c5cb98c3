import { actingAs, addApplicationNote, recordApplication, submitApplication } from '@shegong/core';
import { type NewApplication, usccCheckCharacter } from '@shegong/domain';
import type { Store } from '@shegong/store';
import { DEMO_TENANTS, userOf } from './demo-data.ts';
import { SEED_PARTS } from './parts.ts';

/**
 * Seed part 'incubation-intake-v1': 防城港市社会组织孵化基地's review queue, so its applications
 * page (入驻申请) has work in it: a registered organisation that applied through the base's public
 * link, and one still to be registered (拟登记, two founders) the operator recorded after a visit,
 * with a review note. Both wait for the decision; part incubation-v1 holds the decided ones.
 */

const BASE = DEMO_TENANTS.find((t) => t.domain === 'fcg-fuhua.demo')!;

function uscc(organisationCode: string): string {
  const first17 = `52${BASE.region}${organisationCode}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

export const DEMO_WAITING_APPLICATIONS: readonly NewApplication[] = [
  {
    name: '港口区暖阳长者关爱服务中心',
    kind: 'social_service_agency',
    founders: [{ name: '覃暖阳', role: '理事长' }],
    contact: { name: '覃暖阳', phone: '13907700101', email: 'admin@nuanyang.demo' },
    serviceArea: '港口区沙潭江街道',
    services: ['spiritual_care', 'helping_needy', 'resource_linking'],
    uscc: uscc('MJ6K2L3M4'),
    toBeRegistered: false,
  },
  {
    name: '防城区青少年成长服务社',
    kind: 'community_organisation',
    founders: [
      { name: '莫成', role: '发起人' },
      { name: '庞晓雨', role: '社工' },
    ],
    contact: { name: '莫成', phone: '13907700102', email: 'admin@chengzhang.demo' },
    serviceArea: '防城区文昌街道',
    services: ['behaviour_correction', 'social_integration'],
    toBeRegistered: true,
  },
];

SEED_PARTS.push({
  name: 'incubation-intake-v1',
  async run(store: Store) {
    const [throughLink, recorded] = DEMO_WAITING_APPLICATIONS as [NewApplication, NewApplication];
    await submitApplication({ store }, BASE.id, throughLink);
    const operator = await actingAs(
      { store },
      { tenantId: BASE.id, userId: await userOf(store, `operator@${BASE.domain}`) },
    );
    const { application } = await recordApplication(operator, recorded);
    await addApplicationNote(operator, application.id, { text: '已实地走访：两名发起人均有社工证，场地由街道提供' });
  },
});
