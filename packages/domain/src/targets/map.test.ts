import { describe, expect, it } from 'vitest';
import { type TalentBase, withRecordedInternshipBases } from './map.ts';

describe('withRecordedInternshipBases (P-T6)', () => {
  const onMap: TalentBase[] = [
    { id: 'tb1', kind: 'talent', name: '人才培育基地', region: '450600', organisationId: 'org-a' },
    { id: 'ib1', kind: 'internship', name: '阳光实习基地', region: '450602', organisationId: 'org-a' },
  ];

  it('adds the internship bases organisations recorded (P-A9), once per organisation', () => {
    const bases = withRecordedInternshipBases(onMap, [
      { organisationId: 'org-a', name: '阳光见习基地', region: '450602', recognisedOn: '2025-03-01' },
      { organisationId: 'org-b', name: '同心见习基地', region: '450681', recognisedOn: '2026-02-01' },
    ]);
    expect(bases.filter((b) => b.kind === 'internship').map((b) => b.organisationId)).toEqual(['org-a', 'org-b']);
    expect(bases.at(-1)).toEqual({
      id: 'internship-base:org-b',
      kind: 'internship',
      name: '同心见习基地',
      region: '450681',
      organisationId: 'org-b',
      recognisedOn: '2026-02-01',
    });
  });

  it('does not count a talent base as the organisation’s internship base', () => {
    const bases = withRecordedInternshipBases(onMap.slice(0, 1), [
      { organisationId: 'org-a', name: '阳光见习基地', region: '450602', recognisedOn: '2025-03-01' },
    ]);
    expect(bases.map((b) => b.kind)).toEqual(['talent', 'internship']);
  });
});
