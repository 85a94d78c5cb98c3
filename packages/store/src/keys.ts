/**
 * Every key in one place. Tenant-owned items live under `T#<tenantId>`; the few global items are
 * lookups that hold no tenant data beyond the ids they point to (an e-mail's owner, an
 * invitation token's hash, a page session's, the platform's tenant directory).
 */
export const keys = {
  tenant: (tenantId: string) => ({ pk: `T#${tenantId}`, sk: 'TENANT' }),
  user: (tenantId: string, userId: string) => ({ pk: `T#${tenantId}`, sk: `USER#${userId}` }),
  userPrefix: 'USER#',
  invitation: (tenantId: string, invitationId: string) => ({ pk: `T#${tenantId}`, sk: `INVITE#${invitationId}` }),
  invitationPrefix: 'INVITE#',
  /** The organisation's current career ladder; every saved version also stays at `LADDER#v0001`… */
  ladder: (tenantId: string) => ({ pk: `T#${tenantId}`, sk: 'LADDER' }),
  ladderVersion: (tenantId: string, version: number) => ({
    pk: `T#${tenantId}`,
    sk: `LADDER#v${String(version).padStart(4, '0')}`,
  }),
  ladderVersionPrefix: 'LADDER#v',
  /** A promotion, listed per person in date order. */
  promotion: (tenantId: string, personId: string, date: string, id: string) => ({
    pk: `T#${tenantId}`,
    sk: `PROMOTION#${personId}#${date}#${id}`,
  }),
  promotionPrefix: (personId: string) => `PROMOTION#${personId}#`,
  auditPartition: (tenantId: string) => `T#${tenantId}#AUDIT`,
  /**
   * An audit event that concerns one person of the registry (GSI `scope`, the event's own sort key):
   * a person's data export (PIPL) lists their events with one Query instead of reading the whole
   * trail. Written on events since issue 14 (Mutation.concerning, and every `Person` event); older
   * `Person` and `AwardClaim` events get it from backfillPersonAuditIndex (pnpm migrate).
   */
  auditOfPerson: (tenantId: string, personId: string, eventSk: string) => ({
    gsi1pk: keys.auditOfPersonPartition(tenantId, personId),
    gsi1sk: eventSk,
  }),
  auditOfPersonPartition: (tenantId: string, personId: string) => `T#${tenantId}#AUDITOF#${personId}`,
  idempotency: (tenantId: string, key: string) => ({ pk: `T#${tenantId}#IDEM`, sk: key }),
  emailGuard: (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' }),
  usccGuard: (uscc: string) => ({ pk: `USCC#${uscc}`, sk: 'USCC' }),
  invitationToken: (tokenHash: string) => ({ pk: `INVITE#${tokenHash}`, sk: 'INVITE' }),
  /** A page session, by the hash of its cookie's secret (see sessions.ts). */
  session: (secretHash: string) => ({ pk: `SESSION#${secretHash}`, sk: 'SESSION' }),
  person: (tenantId: string, personId: string) => ({ pk: `T#${tenantId}`, sk: `PERSON#${personId}` }),
  personPrefix: 'PERSON#',
  /** Certificate numbers are unique platform-wide; the guard names the holder's tenant and person. */
  certificateGuard: (number: string) => ({ pk: `CERT#${number.toUpperCase()}`, sk: 'CERT' }),
  /** ID-card numbers are unique within an organisation; only a hash of the number is ever a key. */
  idCardGuard: (tenantId: string, numberHash: string) => ({ pk: `T#${tenantId}#IDCARD`, sk: numberHash }),
  /**
   * Which person on the registry a member (user) is: one per member, written by hr, read by the
   * member's own record (我的档案) with one GetItem. Names the tenant, so only it can release it.
   */
  memberLink: (tenantId: string, userId: string) => ({ pk: `T#${tenantId}#MEMBER`, sk: userId }),
  /** The other side of the link: one member per person. */
  personMember: (tenantId: string, personId: string) => ({ pk: `T#${tenantId}#PERSONMEMBER`, sk: personId }),
  /** A member's submission for hr to confirm, listed per person; ids are time-ordered. */
  submission: (tenantId: string, personId: string, id: string) => ({
    pk: `T#${tenantId}`,
    sk: `SUBMISSION#${personId}#${id}`,
  }),
  submissionPrefix: 'SUBMISSION#',
  /**
   * A submission while it waits for hr (GSI `status`, sparse: the decision removes it), in the
   * order submitted (ids are time-ordered), naming its person so the item can be read.
   */
  pendingSubmission: (tenantId: string, personId: string, id: string) => ({
    gsi2pk: keys.pendingSubmissionPartition(tenantId),
    gsi2sk: `${id}#${personId}`,
  }),
  pendingSubmissionPartition: (tenantId: string) => `T#${tenantId}#SUBMISSION#pending`,
  personSubmissionPrefix: (personId: string) => `SUBMISSION#${personId}#`,
  /** A roster import job; its validated rows wait in chunks under their own partition (see imports.ts). */
  importJob: (tenantId: string, importId: string) => ({ pk: `T#${tenantId}`, sk: `IMPORT#${importId}` }),
  importPrefix: 'IMPORT#',
  importChunk: (tenantId: string, importId: string, n: number) => ({
    pk: `T#${tenantId}#IMPORT#${importId}`,
    sk: `CHUNK#${String(n).padStart(4, '0')}`,
  }),
  /**
   * A purchase contract's head (status, current version's summary, optimistic version) and every
   * version of it. Ids are UUIDv7 (time first), so a Query of the head prefix, backwards, lists
   * the newest first. `CONTRACTV#` does not begin with `CONTRACT#`, so heads list alone.
   */
  contract: (tenantId: string, contractId: string) => ({ pk: `T#${tenantId}`, sk: `CONTRACT#${contractId}` }),
  contractPrefix: 'CONTRACT#',
  contractVersion: (tenantId: string, contractId: string, number: number) => ({
    pk: `T#${tenantId}`,
    sk: `CONTRACTV#${contractId}#${String(number).padStart(4, '0')}`,
  }),
  contractVersionPrefix: (contractId: string) => `CONTRACTV#${contractId}#`,
  /** A contract number is unique within the organisation (the purchaser's 合同编号). */
  contractNumberGuard: (tenantId: string, number: string) => ({ pk: `T#${tenantId}#CONTRACTNO`, sk: number }),
  /** The bureaus' view of contracts (GSI `scope`): by the city of the purchaser's region. */
  contractScope: (city: string, region: string, tenantId: string, contractId: string) => ({
    gsi1pk: `R#${city}#CONTRACT`,
    gsi1sk: `${region}#${tenantId}#${contractId}`,
  }),
  /**
   * A head in its status's list (GSI `status`, sparse: heads only): the id sorts it by creation.
   * The partition names the status, so moving status moves the head to another list.
   */
  contractStatus: (tenantId: string, status: string, contractId: string) => ({
    gsi2pk: keys.contractStatusPartition(tenantId, status),
    gsi2sk: contractId,
  }),
  contractStatusPartition: (tenantId: string, status: string) => `T#${tenantId}#CONTRACT#${status}`,
  /** A contract's month of actuals as recorded now, and every revision of it (never edited). */
  actualMonth: (tenantId: string, contractId: string, month: string) => ({
    pk: `T#${tenantId}`,
    sk: `ACTUAL#${contractId}#${month}`,
  }),
  actualMonthPrefix: (contractId: string) => `ACTUAL#${contractId}#`,
  /** Every contract's months as recorded now (not their revisions: `ACTUALH#` does not match). */
  actualMonthPrefixAll: 'ACTUAL#',
  actualRevision: (tenantId: string, contractId: string, month: string, revision: number) => ({
    pk: `T#${tenantId}`,
    sk: `ACTUALH#${contractId}#${month}#r${String(revision).padStart(4, '0')}`,
  }),
  actualRevisionPrefix: (contractId: string, month: string) => `ACTUALH#${contractId}#${month}#r`,
  /**
   * Which bureau a region has on the platform (a global lookup, written with the bureau's tenant by
   * TenantDirectory.create): a submitted contract goes to its county's bureau, else its city's. It
   * holds the bureau's id, name and region only, and is unique: one bureau per region.
   */
  regionBureau: (region: string) => ({ pk: `REGION#${region}`, sk: 'BUREAU' }),
  /**
   * A contract waiting for review (GSI `review`, sparse: only a submitted head carries it), under
   * the city of its purchaser's region, ordered by region then submission: a city reads the whole
   * partition, a county the prefix of its own code, oldest first.
   */
  reviewQueue: (city: string, region: string, submittedAt: string, tenantId: string, contractId: string) => ({
    gsi3pk: `R#${city}#REVIEW`,
    gsi3sk: `${region}#${submittedAt}#${tenantId}#${contractId}`,
  }),
  /**
   * A draft a bureau returned, until it is submitted again (GSI `review`, sparse): the organisation
   * counts what waits for it with one Query of its own partition.
   */
  returnedContract: (tenantId: string, contractId: string) => ({
    gsi3pk: keys.returnedPartition(tenantId),
    gsi3sk: contractId,
  }),
  returnedPartition: (tenantId: string) => `T#${tenantId}#CONTRACT#returned`,
  /** A bureau's review decision, in its own partition, in the order decided. */
  review: (bureauId: string, decidedAt: string, reviewId: string) => ({
    pk: `T#${bureauId}`,
    sk: `REVIEW#${decidedAt}#${reviewId}`,
  }),
  /**
   * The decisions on one contract, for every bureau whose jurisdiction covers it (GSI `scope`):
   * under the city of the purchaser's region, by region, organisation and contract, then time.
   */
  reviewScope: (city: string, region: string, tenantId: string, contractId: string, decidedAt: string) => ({
    gsi1pk: `R#${city}#REVIEWLOG`,
    gsi1sk: `${region}#${tenantId}#${contractId}#${decidedAt}`,
  }),
  /**
   * A contract's history chain (history.ts), in the organisation's partition whoever acted: event n
   * of the contract, and the tip (the last seq and hash). `CHAINTIP#` does not begin with `CHAIN#`.
   */
  chainEvent: (tenantId: string, contractId: string, seq: number) => ({
    pk: `T#${tenantId}`,
    sk: `CHAIN#${contractId}#${String(seq).padStart(6, '0')}`,
  }),
  chainEventPrefix: (contractId: string) => `CHAIN#${contractId}#`,
  chainTip: (tenantId: string, contractId: string) => ({ pk: `T#${tenantId}`, sk: `CHAINTIP#${contractId}` }),
  /**
   * A finding a bureau raised (rectifications.ts), in the bureau's partition. Its projections: for
   * the organisation (GSI `scope`, a partition that starts with the organisation), and the bureau's
   * lists by state (GSI `status`: not closed, or closed; by deadline).
   */
  rectification: (bureauId: string, id: string) => ({ pk: `T#${bureauId}`, sk: `RECT#${id}` }),
  rectificationPrefix: 'RECT#',
  rectificationOfOrganisation: (organisationId: string, id: string) => ({
    gsi1pk: keys.rectificationOrganisationPartition(organisationId),
    gsi1sk: id,
  }),
  rectificationOrganisationPartition: (organisationId: string) => `T#${organisationId}#RECT`,
  rectificationByState: (bureauId: string, closed: boolean, deadline: string, id: string) => ({
    gsi2pk: keys.rectificationStatePartition(bureauId, closed),
    gsi2sk: `${deadline}#${id}`,
  }),
  rectificationStatePartition: (bureauId: string, closed: boolean) =>
    `T#${bureauId}#RECT#${closed ? 'closed' : 'open'}`,
  /**
   * A contract's register row (台账): the figures a bureau lists and filters by, narrow (a few
   * hundred bytes against a head's few KB), written with the head and with each month of actuals.
   * GSI `scope` lists a jurisdiction's rows in the order of the heads' own index keys.
   */
  registerRow: (tenantId: string, contractId: string) => ({ pk: `T#${tenantId}`, sk: `REGISTER#${contractId}` }),
  registerScope: (city: string, region: string, tenantId: string, contractId: string) => ({
    gsi1pk: keys.registerPartition(city),
    gsi1sk: `${region}#${tenantId}#${contractId}`,
  }),
  registerPartition: (city: string) => `R#${city}#REGISTER`,
  /**
   * The totals of one organisation's contracts in one region × start year × status (counts, value,
   * labour cost, and the same for those breaking each rule), added to in the transaction that
   * writes a register row; GSI `scope` lists a jurisdiction's few hundred of them.
   */
  registerTotal: (tenantId: string, region: string, year: number, status: string) => ({
    pk: `T#${tenantId}`,
    sk: `REGTOTAL#${region}#${year}#${status}`,
  }),
  registerTotalScope: (city: string, region: string, tenantId: string, year: number, status: string) => ({
    gsi1pk: keys.registerTotalPartition(city),
    gsi1sk: `${region}#${tenantId}#${year}#${status}`,
  }),
  registerTotalPartition: (city: string) => `R#${city}#REGTOTAL`,
  registerTotalPrefix: 'REGTOTAL#',
  /**
   * The same totals summed over every organisation, per region × start year × shard (a contract's
   * shard comes from its id, so concurrent saves in one region spread over SHARDS items), with the
   * statuses as attributes: what a bureau's totals and dashboard read, a few dozen items however
   * many organisations and contracts. Not a tenant's item: a region's, like the guards keyed by a
   * value (`EMAIL#`, `CERT#`), written only in the transactions that write a register row.
   */
  registerSum: (city: string, region: string, year: number, shard: number) => ({
    pk: keys.registerSumPartition(city),
    sk: `${region}#${year}#${shard}`,
  }),
  registerSumPartition: (city: string) => `R#${city}#REGSUM`,
  /**
   * That an organisation has contracts in a region (with their count): the register's list of
   * organisations (its filter, and the names a search looks in), one item per organisation ×
   * region, listed by GSI `scope`.
   */
  registerOrganisation: (tenantId: string, region: string) => ({ pk: `T#${tenantId}`, sk: `REGORG#${region}` }),
  registerOrganisationScope: (city: string, region: string, tenantId: string) => ({
    gsi1pk: keys.registerOrganisationPartition(city),
    gsi1sk: `${region}#${tenantId}`,
  }),
  registerOrganisationPartition: (city: string) => `R#${city}#REGORG`,
  /** A bureau's spot-check draw of a year (N-6): one per year, so the year is the key. */
  spotCheck: (bureauId: string, year: number) => ({ pk: `T#${bureauId}`, sk: `SPOTCHECK#${year}` }),
  spotCheckPrefix: 'SPOTCHECK#',
  /** A draw's population, in chunks (evaluations.ts). */
  spotCheckPopulation: (bureauId: string, year: number, n: number) => ({
    pk: keys.spotCheckPopulationPartition(bureauId, year),
    sk: `POP#${String(n).padStart(4, '0')}`,
  }),
  spotCheckPopulationPartition: (bureauId: string, year: number) => `T#${bureauId}#SPOTCHECK#${year}`,
  /** A bureau's evaluation template. */
  evaluationTemplate: (bureauId: string, id: string) => ({ pk: `T#${bureauId}`, sk: `EVALTPL#${id}` }),
  evaluationTemplatePrefix: 'EVALTPL#',
  /** A bureau's evaluation of a contract, listed per contract (`EVALTPL#` does not begin with `EVAL#`). */
  evaluation: (bureauId: string, organisationId: string, contractId: string, id: string) => ({
    pk: `T#${bureauId}`,
    sk: `EVAL#${organisationId}#${contractId}#${id}`,
  }),
  evaluationPrefix: 'EVAL#',
  evaluationContractPrefix: (organisationId: string, contractId: string) => `EVAL#${organisationId}#${contractId}#`,
  /** The organisation's view of an evaluation (GSI `scope`): under its own tenant, by date. */
  evaluationProjection: (organisationId: string, evaluatedOn: string, id: string) => ({
    gsi1pk: keys.evaluationProjectionPartition(organisationId),
    gsi1sk: `${evaluatedOn}#${id}`,
  }),
  evaluationProjectionPartition: (organisationId: string) => `T#${organisationId}#EVAL`,
  /** A contract's one final evaluation (N-6), whichever bureau files it: holds ids only. */
  finalEvaluationGuard: (organisationId: string, contractId: string) => ({
    pk: `FINALEVAL#${organisationId}#${contractId}`,
    sk: 'FINALEVAL',
  }),
  /**
   * An incubation base's listing (bases/bases.ts): its public name, region and status, written with
   * the base's tenant record by TenantDirectory (and by backfillBaseListings for bases created
   * before). GSI `scope` lists a jurisdiction's bases under the city of the base's region, by region
   * then tenant: a city reads the whole partition, a county the prefix of its own code.
   */
  baseListing: (tenantId: string) => ({ pk: `T#${tenantId}`, sk: 'BASE' }),
  baseScope: (city: string, region: string, tenantId: string) => ({
    gsi1pk: keys.basePartition(city),
    gsi1sk: `${region}#${tenantId}`,
  }),
  basePartition: (city: string) => `R#${city}#BASE`,
  /**
   * An incubation base's applications (申请入驻), in its own partition; ids are time-ordered, so the
   * prefix read backwards lists the newest first. GSI `status` (sparse, the rows name the item)
   * lists one status's: `T#<base>#INCAPP#applied|admitted|declined`.
   */
  application: (incubatorId: string, id: string) => ({ pk: `T#${incubatorId}`, sk: `INCAPP#${id}` }),
  applicationPrefix: 'INCAPP#',
  applicationStatus: (incubatorId: string, status: string, id: string) => ({
    gsi2pk: keys.applicationStatusPartition(incubatorId, status),
    gsi2sk: id,
  }),
  applicationStatusPartition: (incubatorId: string, status: string) => `T#${incubatorId}#INCAPP#${status}`,
  /** A review note on an application (append-only), in the order written. */
  applicationNote: (incubatorId: string, applicationId: string, id: string) => ({
    pk: `T#${incubatorId}`,
    sk: `INCNOTE#${applicationId}#${id}`,
  }),
  applicationNotePrefix: (applicationId: string) => `INCNOTE#${applicationId}#`,
  /**
   * An organisation's incubation record, in the base's partition, keyed by the organisation's
   * tenant id (time-ordered: admitted organisations get UUIDv7 ids, so the prefix lists them in
   * the order admitted). GSI `status` lists one stage's: `T#<base>#INCUB#<stage>`.
   */
  incubation: (incubatorId: string, organisationId: string) => ({
    pk: `T#${incubatorId}`,
    sk: `INCUB#${organisationId}`,
  }),
  incubationPrefix: 'INCUB#',
  incubationStage: (incubatorId: string, stage: string, organisationId: string) => ({
    gsi2pk: keys.incubationStagePartition(incubatorId, stage),
    gsi2sk: organisationId,
  }),
  incubationStagePartition: (incubatorId: string, stage: string) => `T#${incubatorId}#INCUB#${stage}`,
  /**
   * Support a base gave (incubation-support.ts), in its partition, one row per organisation it was
   * given to (a training attended by three organisations is three rows of one entry, written in one
   * transaction), by kind then day: one organisation's trainings are one prefix, newest first.
   */
  supportEntry: (incubatorId: string, organisationId: string, kind: string, on: string, id: string) => ({
    pk: `T#${incubatorId}`,
    sk: `INCSUP#${organisationId}#${kind}#${on}#${id}`,
  }),
  supportPrefix: (organisationId: string, kind?: string) => `INCSUP#${organisationId}#${kind ? `${kind}#` : ''}`,
  /** One organisation's support totals (hours, sessions, fen), added to in each entry's transaction. */
  supportTotals: (incubatorId: string, organisationId: string) => ({
    pk: `T#${incubatorId}`,
    sk: `INCSUPTOT#${organisationId}`,
  }),
  /** The base's incubation template (milestone checklist and graduation criteria): one, versioned. */
  incubationTemplate: (incubatorId: string) => ({ pk: `T#${incubatorId}`, sk: 'INCTPL' }),
  /** The milestones done on one organisation's record: one item per record, versioned. */
  incubationMilestones: (incubatorId: string, organisationId: string) => ({
    pk: `T#${incubatorId}`,
    sk: `INCMS#${organisationId}`,
  }),
  /**
   * P-A1: an exam's reimbursed costs, in the organisation's partition, listed per person by exam
   * day (one person's is one prefix; the organisation's report reads the `EXAMCOST#` prefix).
   */
  examCost: (tenantId: string, personId: string, examDate: string, id: string) => ({
    pk: `T#${tenantId}`,
    sk: `EXAMCOST#${personId}#${examDate}#${id}`,
  }),
  examCostPrefix: (personId?: string) => `EXAMCOST#${personId ? `${personId}#` : ''}`,
  /**
   * P-A9: the organisation's record as an internship base (one, versioned), indexed on GSI `scope`
   * under the city of its region, by region then tenant: the bureaus' list (and P-T6's count) is
   * one Query; a county reads the prefix of its own code.
   */
  internshipBase: (tenantId: string) => ({ pk: `T#${tenantId}`, sk: 'INTERNBASE' }),
  internshipBaseScope: (city: string, region: string, tenantId: string) => ({
    gsi1pk: keys.internshipBasePartition(city),
    gsi1sk: `${region}#${tenantId}`,
  }),
  internshipBasePartition: (city: string) => `R#${city}#INTERNBASE`,
  /** P-A9: an intern the base hosts (`INTERN#` does not begin `INTERNBASE` or `INTERNCLAIM#`). */
  intern: (tenantId: string, internId: string) => ({ pk: `T#${tenantId}`, sk: `INTERN#${internId}` }),
  internPrefix: 'INTERN#',
  /** P-A9: a claim for intern-months, in the organisation's partition; ids are time-ordered. */
  internshipClaim: (tenantId: string, claimId: string) => ({ pk: `T#${tenantId}`, sk: `INTERNCLAIM#${claimId}` }),
  internshipClaimPrefix: 'INTERNCLAIM#',
  /**
   * P-A9: a claim in the list of the bureau that decides it (GSI `review`, whole item), by status
   * then submission: the bureau's queue is the `submitted#` prefix of its own partition. A change
   * of status rewrites the claim, and with it this key, in the same transaction.
   */
  internshipClaimQueue: (bureauId: string, status: string, submittedAt: string, tenantId: string, claimId: string) => ({
    gsi3pk: keys.internshipClaimQueuePartition(bureauId),
    gsi3sk: `${status}#${submittedAt}#${tenantId}#${claimId}`,
  }),
  internshipClaimQueuePartition: (bureauId: string) => `T#${bureauId}#INTERNCLAIM`,
  /**
   * P-A9: an intern-month claimed (a guard item, versioned so a refusal can free it): the same
   * month of the same intern in two claims fails the second claim's transaction.
   */
  internMonthClaimed: (tenantId: string, internId: string, month: string) => ({
    pk: `T#${tenantId}#INTERNMONTH`,
    sk: `${internId}#${month}`,
  }),
  /**
   * P-A8: a recognition a bureau recorded, in the bureau's partition; GSI `scope` lists an
   * organisation's under a partition that starts with the organisation (its read-only page).
   */
  recognition: (bureauId: string, id: string) => ({ pk: `T#${bureauId}`, sk: `RECOG#${id}` }),
  recognitionPrefix: 'RECOG#',
  recognitionOfOrganisation: (organisationId: string, id: string) => ({
    gsi1pk: keys.recognitionOrganisationPartition(organisationId),
    gsi1sk: id,
  }),
  recognitionOrganisationPartition: (organisationId: string) => `T#${organisationId}#RECOG`,
  /**
   * P-A8: the same recognition (organisation#authority#kind#year) pays once, platform-wide: a
   * global guard written in the recording transaction, so two bureaus or two requests racing
   * record one award. It holds the key's ids only.
   */
  recognitionGuard: (recognitionKey: string) => ({ pk: `RECOGNITION#${recognitionKey}`, sk: 'RECOGNITION' }),
  /**
   * A level-improvement award claim (awards.ts), in the employer's partition; ids are time-ordered.
   * GSI `status` lists one status's (`T#<org>#AWCLAIM#<status>`); GSI `scope` one person's claims
   * (`T#<org>#AWPERSON#<person>`, for 我的档案 and a staff member's own list).
   */
  awardClaim: (tenantId: string, claimId: string) => ({ pk: `T#${tenantId}`, sk: `AWCLAIM#${claimId}` }),
  awardClaimPrefix: 'AWCLAIM#',
  awardClaimStatus: (tenantId: string, status: string, claimId: string) => ({
    gsi2pk: keys.awardClaimStatusPartition(tenantId, status),
    gsi2sk: claimId,
  }),
  awardClaimStatusPartition: (tenantId: string, status: string) => `T#${tenantId}#AWCLAIM#${status}`,
  awardClaimOfPerson: (tenantId: string, personId: string, claimId: string) => ({
    gsi1pk: keys.awardClaimPersonPartition(tenantId, personId),
    gsi1sk: claimId,
  }),
  awardClaimPersonPartition: (tenantId: string, personId: string) => `T#${tenantId}#AWPERSON#${personId}`,
  /**
   * A claim in the bureaus' queue by state (GSI `review`, sparse: only claims that reached a bureau,
   * i.e. endorsed and after), under the city of the employer's region, by region: a city reads the
   * whole partition, a county the prefix of its own code (as keys.reviewQueue).
   */
  awardClaimQueue: (city: string, status: string, region: string, claimId: string, tenantId: string) => ({
    gsi3pk: keys.awardClaimQueuePartition(city, status),
    gsi3sk: `${region}#${claimId}#${tenantId}`,
  }),
  awardClaimQueuePartition: (city: string, status: string) => `R#${city}#AWCLAIM#${status}`,
  /** Which organisation holds a claim (a global lookup holding ids only): a bureau opens a claim by its id. */
  awardClaimLookup: (claimId: string) => ({ pk: `AWCLAIMID#${claimId}`, sk: 'CLAIM' }),
  /**
   * A person's one open claim, platform-wide (by the hash of their ID-card number): a second claim
   * while one is open is refused, whichever organisation makes it. Closed claims release it.
   */
  awardOpenClaimGuard: (idHash: string) => ({ pk: `AWOPEN#${idHash}`, sk: 'OPEN' }),
  /**
   * A person's award ledger (P-A5), platform-wide like the guards keyed by a value: the head holds
   * the running total and a version (every payment is conditional on it), each entry one award
   * paid, by date. Keyed by the hash of the ID-card number, the only identity that follows a person
   * across organisations.
   */
  awardLedgerHead: (idHash: string) => ({ pk: `AWARD#${idHash}`, sk: 'HEAD' }),
  awardLedgerEntry: (idHash: string, date: string, entryId: string) => ({
    pk: `AWARD#${idHash}`,
    sk: `ENTRY#${date}#${entryId}`,
  }),
  awardLedgerEntryPrefix: 'ENTRY#',
  /** A historical award in the recording bureau's list (GSI `scope`): under its city, by its region then date. */
  awardHistoryScope: (city: string, bureauRegion: string, date: string, entryId: string) => ({
    gsi1pk: keys.awardHistoryPartition(city),
    gsi1sk: `${bureauRegion}#${date}#${entryId}`,
  }),
  awardHistoryPartition: (city: string) => `R#${city}#AWHIST`,
  /**
   * The city's map for the targets (issue 13, target-map.ts): townships, communities, stations, the
   * P-T5 baseline and the P-T6 bases, all under one region partition (like registerSum: the city's
   * item, not one bureau's), so the dashboard reads the whole map with one Query, and the city
   * bureau and its county bureaus edit the same map (a county only its own places; see
   * core/targets/map.ts). The sort keys group each kind, so a kind is one prefix.
   */
  mapPartition: (city: string) => `R#${city}#MAP`,
  mapTownship: (city: string, code: string) => ({ pk: keys.mapPartition(city), sk: `TOWNSHIP#${code}` }),
  mapCommunity: (city: string, code: string) => ({ pk: keys.mapPartition(city), sk: `COMMUNITY#${code}` }),
  mapStation: (city: string, id: string) => ({ pk: keys.mapPartition(city), sk: `STATION#${id}` }),
  mapBaseline: (city: string) => ({ pk: keys.mapPartition(city), sk: 'BASELINE' }),
  mapBase: (city: string, id: string) => ({ pk: keys.mapPartition(city), sk: `TBASE#${id}` }),
  /** Where the map's places come from (a source note the pages show, e.g. 示例数据 for the demo). */
  mapNote: (city: string) => ({ pk: keys.mapPartition(city), sk: 'NOTE' }),
  /**
   * A staff member's posting to a community (where they serve), in the organisation's partition,
   * listed per person (ids are time-ordered). GSI `scope` projects it under the city of the
   * community (its first four digits + 00), by community: the dashboard reads a city's postings with
   * one Query, and whether anyone is posted to one community is one prefix.
   */
  posting: (tenantId: string, personId: string, id: string) => ({
    pk: `T#${tenantId}`,
    sk: `POSTING#${personId}#${id}`,
  }),
  postingPrefix: (personId?: string) => `POSTING#${personId ? `${personId}#` : ''}`,
  postingScope: (city: string, community: string, tenantId: string, id: string) => ({
    gsi1pk: keys.postingPartition(city),
    gsi1sk: `${community}#${tenantId}#${id}`,
  }),
  postingPartition: (city: string) => `R#${city}#POSTING`,
  /**
   * An organisation's listing for the targets (P-T3, P-T5): its name, region and whether it is
   * registered (has a credit code), written with its tenant record (TenantDirectory, OwnTenant) as a
   * base's is. GSI `scope` lists a city's organisations by region: the bureau never reads the
   * platform's directory.
   */
  organisationListing: (tenantId: string) => ({ pk: `T#${tenantId}`, sk: 'ORGLISTING' }),
  organisationScope: (city: string, region: string, tenantId: string) => ({
    gsi1pk: keys.organisationPartition(city),
    gsi1sk: `${region}#${tenantId}`,
  }),
  organisationPartition: (city: string) => `R#${city}#ORG`,
  /** The platform's directory of tenants (GSI `scope`). */
  tenantDirectory: 'P#TENANT',
} as const;
