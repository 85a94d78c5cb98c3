/**
 * `pnpm migrate --table <name> [--region <region>] [--endpoint <url>]`: brings the items of an
 * existing table up to the current code, after a deploy that changed the table's indexes. Run it
 * from an operator's machine with credentials for the account (the functions may not: they have
 * no right to write other tenants' items outside a request). Safe to run again: it changes only
 * what is missing.
 *
 * Now: contract heads written before GSI `status` get their keys in it (the deploy that adds the
 * index creates it empty of them), so status-filtered contract lists show them. Bureaus created
 * before review routing get their region's lookup, and contracts submitted before it get their
 * responsible bureau and their place in GSI `review` (backfillReviewRouting). Contracts written
 * before the register (台账) get their register rows and aggregates (backfillRegister). Incubation
 * bases created before the bureaus' list of bases get their listing (backfillBaseListings). Each
 * base's listing gets its incubation records counted per stage (backfillBaseStageCounts).
 * Organisations get their listing for the city's targets (backfillOrganisationListings). Audit
 * events of a person written before issue 14 are indexed under them (backfillPersonAuditIndex).
 */
import { parseArgs } from 'node:util';
import {
  backfillBaseListings,
  backfillBaseStageCounts,
  backfillContractStatusIndex,
  backfillOrganisationListings,
  backfillPersonAuditIndex,
  backfillRegister,
  backfillReviewRouting,
  Store,
} from '@shegong/store';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: { table: { type: 'string' }, region: { type: 'string' }, endpoint: { type: 'string' } },
});
if (!values.table) {
  console.error('usage: pnpm migrate --table <table name> [--region <region>] [--endpoint <url>]');
  process.exit(2);
}
const store = new Store({
  tableName: values.table,
  ...(values.region ? { region: values.region } : {}),
  ...(values.endpoint ? { endpoint: values.endpoint } : {}),
});
const { tenants, heads } = await backfillContractStatusIndex(store);
console.log(`GSI status: ${heads} contract heads given their keys, across ${tenants} tenants`);
const routed = await backfillReviewRouting(store);
console.log(
  `GSI review: ${routed.bureaus} bureaus given their region's lookup, ${routed.heads} submitted contracts queued`,
);
const register = await backfillRegister(store);
console.log(`register: ${register.rows} contracts given their register rows, across ${register.tenants} tenants`);
const listed = await backfillBaseListings(store);
console.log(`bases: ${listed.bases} incubation bases given their listing for the bureaus`);
const counted = await backfillBaseStageCounts(store);
console.log(`bases: ${counted.bases} incubation bases given their records counted per stage`);
const organisations = await backfillOrganisationListings(store);
console.log(`targets: ${organisations.organisations} organisations given their listing for the city's targets`);
const audited = await backfillPersonAuditIndex(store);
console.log(`PIPL: ${audited.events} audit events indexed under the person they concern`);
