import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Jurisdiction, ReviewBureau, RuleSet } from '@shegong/domain';
import { readSessionTags, TenantCredentials } from './access/credentials.ts';
import type { CrossTenantPath } from './access/cross-tenant.ts';
import { CrossingCredentials } from './access/crossing-credentials.ts';
import { ContractActuals } from './actuals.ts';
import { AuditTrail } from './audit.ts';
import { AwardClaims, JurisdictionAwards } from './awards.ts';
import { JurisdictionBases } from './bases/bases.ts';
import { documentClient, type StoreConfig } from './client.ts';
import { Contracts } from './contracts.ts';
import type { Page } from './cursor.ts';
import { StoreError } from './errors.ts';
import { Evaluations } from './evaluations.ts';
import { ContractHistory } from './history.ts';
import { IdempotencyRecords } from './idempotency.ts';
import { ImportJobs } from './imports.ts';
import { ExamCosts } from './incentives/exam-costs.ts';
import { Internships } from './incentives/internships.ts';
import { Recognitions } from './incentives/recognitions.ts';
import { Incubations } from './incubation.ts';
import { IncubationSupport } from './incubation-support.ts';
import { findInvitationByToken, Invitations } from './invitations.ts';
import { JurisdictionContracts } from './jurisdiction.ts';
import { Ladders } from './ladders.ts';
import { MemberRecords } from './member-records.ts';
import { People } from './people.ts';
import type { PageRequest } from './query.ts';
import { Rectifications } from './rectifications.ts';
import { JurisdictionRegister } from './register.ts';
import { ReviewDesk } from './reviews.ts';
import { PublishedRuleSets, RuleSets } from './rule-sets.ts';
import { TenantScope } from './scope.ts';
import { newSessionSecret, type PageSession, sessions } from './sessions.ts';
import { CityFacts, CityMap, Postings } from './target-map.ts';
import { OwnTenant, TenantDirectory } from './tenants.ts';
import { Users } from './users.ts';

/** The verified identity a tenant's repositories are built for. */
export interface TenantContext {
  tenantId: string;
  userId: string;
  kind?: string;
}

/** Per-tenant and per-crossing clients in place of the configured ones (tests evaluate the policies on them). */
export interface StoreOptions {
  clientFor?: (tenantId: string) => DynamoDBDocumentClient;
  crossingFor?: (path: CrossTenantPath, caller: string, target: string) => DynamoDBDocumentClient;
}

export interface TenantRepositories {
  scope: TenantScope;
  tenant: OwnTenant;
  users: Users;
  invitations: Invitations;
  idempotency: IdempotencyRecords;
  audit: AuditTrail;
  ruleSets: RuleSets;
  people: People;
  memberRecords: MemberRecords;
  ladders: Ladders;
  imports: ImportJobs;
  contracts: Contracts;
  actuals: ContractActuals;
  history: ContractHistory;
  rectifications: Rectifications;
  evaluations: Evaluations;
  incubations: Incubations;
  incubationSupport: IncubationSupport;
  examCosts: ExamCosts;
  internships: Internships;
  recognitions: Recognitions;
  awardClaims: AwardClaims;
  postings: Postings;
}

/**
 * The entry to the table. Repositories exist only inside a tenant context, which the HTTP layer
 * builds from a verified token; there is no way to name a tenant from a request body.
 */
export class Store {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;

  /** The client a tenant's repositories use; the shared one unless data access is confined. */
  private readonly clientOf: (tenantId: string) => DynamoDBDocumentClient;
  /** The client of one named crossing from a tenant to another; the shared one unless confined. */
  private readonly crossingOf: (path: CrossTenantPath, caller: string, target: string) => DynamoDBDocumentClient;

  /**
   * `options.clientFor` replaces the per-tenant client (tests evaluate the data-access policy on it);
   * otherwise, with `config.dataRoleArn`, each tenant's repositories sign with that role assumed for
   * the tenant (access/credentials.ts). Lookups made without a tenant (page sessions, invitation
   * links, a region's bureau, published rule sets) keep the function's own client.
   */
  constructor(config: StoreConfig, options: StoreOptions = {}) {
    this.client = documentClient(config);
    this.tableName = config.tableName;
    const region = config.region ?? process.env.AWS_REGION ?? 'ap-southeast-1';
    const confined = config.dataRoleArn
      ? new TenantCredentials({
          roleArn: config.dataRoleArn,
          region,
          tags: (tenantId, client) => readSessionTags(client, this.tableName, tenantId),
        })
      : undefined;
    this.clientOf = options.clientFor ?? (confined ? (id) => confined.clientFor(id) : () => this.client);
    const crossings = config.crossingRoleArn
      ? new CrossingCredentials({ roleArn: config.crossingRoleArn, region })
      : undefined;
    this.crossingOf =
      options.crossingFor ??
      (crossings ? (path, caller, target) => crossings.clientFor(path, caller, target) : () => this.client);
  }

  /** A scope of the tenant the context names, whose crossings leave from that tenant. */
  private scopeOf(context: TenantContext): TenantScope {
    const { tenantId, userId } = context;
    return new TenantScope(this.clientOf(tenantId), this.tableName, tenantId, userId, (path, target) =>
      this.crossingOf(path, tenantId, target),
    );
  }

  /**
   * `target`'s repositories for one named crossing (access/cross-tenant.ts) made by the verified
   * `caller`: they sign with the crossing's client (narrowed in AWS to what the path declares of the
   * two tenants) and record `caller`'s user as the actor.
   */
  across(path: CrossTenantPath, caller: TenantContext, target: string): TenantRepositories {
    return repositoriesOn(this.scopeOf(caller).crossingInto(path, target));
  }

  /**
   * The member's own tenant's repositories: the tenant the verified caller belongs to (or, before
   * anyone is signed in, the one an invitation link, a public form or a queued job names). Another
   * tenant's are reached through `across` (test/architecture/tenant-scopes.test.ts checks the calls).
   */
  tenant(context: TenantContext): TenantRepositories {
    return repositoriesOn(this.scopeOf(context));
  }

  /**
   * What a bureau reads of the contracts in its jurisdiction (read only). The caller passes the
   * bureau's own verified context and the jurisdiction of its own region.
   */
  jurisdiction(context: TenantContext, jurisdiction: Jurisdiction): JurisdictionContracts {
    if (context.kind !== 'bureau') throw new Error('only a bureau reads a jurisdiction');
    return new JurisdictionContracts(this.scopeOf(context), jurisdiction);
  }

  /** A bureau's review desk: its decisions on the contracts submitted to it (reviews.ts). */
  reviewDesk(context: TenantContext): ReviewDesk {
    if (context.kind !== 'bureau') throw new Error('only a bureau decides reviews');
    return new ReviewDesk(this.scopeOf(context));
  }

  /**
   * The bureau that reviews a contract purchased in `region` (P-U1): the county's bureau if the
   * county has one on the platform, else the city's; undefined when neither has. Holds no tenant
   * data beyond the bureau's id, name and region (keys.regionBureau).
   */
  async reviewingBureau(region: string, city: string | undefined): Promise<ReviewBureau | undefined> {
    const own = await ReviewDesk.bureauOf(this, region);
    if (own || !city || city === region) return own;
    return ReviewDesk.bureauOf(this, city);
  }

  /** The register (台账) of a bureau's jurisdiction (read only): its rows and aggregates. */
  register(context: TenantContext, jurisdiction: Jurisdiction): JurisdictionRegister {
    if (context.kind !== 'bureau') throw new Error('only a bureau reads a register');
    return new JurisdictionRegister(this.scopeOf(context), jurisdiction);
  }

  /** The award claims and historical awards of a bureau's jurisdiction (awards.ts; reads only). */
  awards(context: TenantContext, jurisdiction: Jurisdiction): JurisdictionAwards {
    if (context.kind !== 'bureau') throw new Error('only a bureau reads the award claims of a jurisdiction');
    return new JurisdictionAwards(this.scopeOf(context), jurisdiction);
  }

  /** The incubation bases of a bureau's jurisdiction (read only): their listings, for P-T1. */
  bases(context: TenantContext, jurisdiction: Jurisdiction): JurisdictionBases {
    if (context.kind !== 'bureau') throw new Error('only a bureau reads the bases of a jurisdiction');
    return new JurisdictionBases(this.scopeOf(context), jurisdiction);
  }

  /**
   * The targets' map of a city (target-map.ts), for a bureau of that city: the core checks that
   * `city` is the bureau's own city and which places a county bureau may change.
   */
  cityMap(context: TenantContext, city: string): CityMap {
    if (context.kind !== 'bureau') throw new Error('only a bureau keeps a map');
    return new CityMap(this.scopeOf(context), city);
  }

  /** What the targets read of a city beyond the map (read only), for a bureau of that city. */
  cityFacts(context: TenantContext, city: string): CityFacts {
    if (context.kind !== 'bureau') throw new Error('only a bureau reads a city’s targets');
    return new CityFacts(this.scopeOf(context), city);
  }

  /**
   * The map as an organisation reads it to post its staff: its city's communities only (the
   * postings' picker and check). Read only: nothing here writes.
   */
  cityPlaces(context: TenantContext, city: string): Pick<CityMap, 'read' | 'community' | 'checkCommunity'> {
    const map = new CityMap(this.scopeOf(context), city);
    return {
      read: map.read.bind(map),
      community: map.community.bind(map),
      checkCommunity: map.checkCommunity.bind(map),
    };
  }

  /**
   * The directory as an incubation base adds to it: admitting an application creates the
   * organisation's tenant (TenantDirectory.create) in the base's own transaction. Only a base
   * gets one; it can create, not list (the platform's directory stays the platform's).
   */
  admissions(context: TenantContext & { kind: string }): Pick<TenantDirectory, 'create'> {
    if (context.kind !== 'incubator') throw new Error('only an incubation base admits organisations');
    const directory = new TenantDirectory(this.scopeOf(context));
    return { create: directory.create.bind(directory) };
  }

  /** The platform's tenant directory: refused to anyone but the platform tenant. */
  platform(context: TenantContext & { kind: string }): TenantRepositories & { directory: TenantDirectory } {
    if (context.kind !== 'platform') throw new Error('only the platform tenant may open the tenant directory');
    const repositories = this.tenant(context);
    return { ...repositories, directory: new TenantDirectory(repositories.scope) };
  }

  /**
   * Published policy, readable by every signed-in tenant (it holds no tenant data): the rule set
   * in force for a region on a date (county before city before province; latest on or before it).
   * From a cache up to a minute old (rule-set-cache.ts) unless `fresh`.
   */
  ruleSetInForce(region: string, date: string, options: { fresh?: boolean } = {}): Promise<RuleSet | undefined> {
    return this.publishedRuleSets.inForce(region, date, options);
  }

  /** Every version published for a region, newest first. */
  ruleSetHistory(region: string, page: PageRequest): Promise<Page<RuleSet>> {
    return this.publishedRuleSets.history(region, page);
  }

  /** One published version by its id (`450600-2023-01-01-v1`); not_found when there is none. */
  ruleSet(id: string): Promise<RuleSet> {
    return this.publishedRuleSets.get(id);
  }

  private get publishedRuleSets(): PublishedRuleSets {
    return new PublishedRuleSets(this.client, this.tableName);
  }

  /** The live page session a cookie's secret names (one GetItem, made without a tenant context). */
  session(secret: string): Promise<PageSession | undefined> {
    return sessions.find(this.client, this.tableName, secret);
  }

  /** Starts a page session for a member, audited in their tenant; answers the cookie's new secret. */
  async startSession(session: PageSession): Promise<string> {
    const secret = newSessionSecret();
    const mutation = this.tenant({ tenantId: session.tenantId, userId: session.userId }).scope.mutation();
    sessions.start(mutation, secret, session);
    await mutation.audited('session.start', 'Session', session.userId, 1, { userId: session.userId }).commit();
    return secret;
  }

  /** Ends a page session, audited in its tenant; a session already gone is left alone. */
  async endSession(secret: string): Promise<void> {
    const session = await this.session(secret);
    if (!session) return;
    const mutation = this.tenant({ tenantId: session.tenantId, userId: session.userId }).scope.mutation();
    sessions.end(mutation, secret);
    try {
      await mutation.audited('session.end', 'Session', session.userId, 1, { userId: session.userId }).commit();
    } catch (error) {
      // Ended at the same moment elsewhere (two tabs signing out): it is gone either way.
      if (!(error instanceof StoreError && error.code === 'stale_version')) throw error;
    }
  }

  /** Which tenant an invitation link belongs to: the one lookup made without a tenant context. */
  invitationByToken(token: string) {
    return findInvitationByToken(this.client, this.tableName, token);
  }
}

/** Every repository of the scope's tenant. */
function repositoriesOn(scope: TenantScope): TenantRepositories {
  return {
    scope,
    tenant: new OwnTenant(scope),
    users: new Users(scope),
    invitations: new Invitations(scope),
    idempotency: new IdempotencyRecords(scope),
    audit: new AuditTrail(scope),
    ruleSets: new RuleSets(scope),
    people: new People(scope),
    memberRecords: new MemberRecords(scope),
    ladders: new Ladders(scope),
    imports: new ImportJobs(scope),
    contracts: new Contracts(scope),
    actuals: new ContractActuals(scope),
    history: new ContractHistory(scope),
    rectifications: new Rectifications(scope),
    evaluations: new Evaluations(scope),
    incubations: new Incubations(scope),
    incubationSupport: new IncubationSupport(scope),
    examCosts: new ExamCosts(scope),
    internships: new Internships(scope),
    recognitions: new Recognitions(scope),
    awardClaims: new AwardClaims(scope),
    postings: new Postings(scope),
  };
}
