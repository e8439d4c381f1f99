/**
 * Listings whose WHERE clause depends on the filter: each filter field present adds a clause
 * bound by name, so a listing's SQL only varies by which fields are present, and the store
 * prepares each shape once. Pages are newest first by id, with the id as keyset cursor.
 */
import type { AuditAction, DeliveryStatus } from '../../moderation/model';
import type { FlagFilter, PageRequest } from '../../moderation/ports';
import { DELIVERY_SELECT, FLAG_SELECT } from './statements';

/** Bindable values. */
export type Params = Record<string, string | number | null>;

/** A listing's SQL and its parameters. */
export interface Listing {
  sql: string;
  params: Params;
}

/** Clauses of a WHERE, and their parameters. */
class Where {
  readonly clauses: string[] = [];
  readonly params: Params = {};

  /** Adds `clause` with its parameter when `value` is defined. */
  when<T extends string | number>(value: T | undefined, name: string, clause: string): this {
    if (value !== undefined) {
      this.clauses.push(clause);
      this.params[name] = value;
    }
    return this;
  }

  /** Adds a clause without parameter when `condition` holds. */
  if(condition: boolean, clause: string): this {
    if (condition) this.clauses.push(clause);
    return this;
  }

  /** The listing: this WHERE, id below the cursor, newest first, one more row than the page. */
  page(select: string, idColumn: string, page: PageRequest): Listing {
    this.when(page.after, 'after', `${idColumn} < @after`);
    const where = this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
    this.params['limit'] = checkedLimit(page.limit) + 1;
    return { sql: `${select} ${where} ORDER BY ${idColumn} DESC LIMIT @limit`, params: this.params };
  }
}

/** The page size, refused when it is not a positive integer. */
export function checkedLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`page limit must be a positive integer, got ${limit}`);
  }
  return limit;
}

/** Flags matching `filter`. */
export function flagListing(filter: FlagFilter, page: PageRequest): Listing {
  const statuses = filter.status === undefined ? undefined : JSON.stringify(filter.status);
  return new Where()
    .when(statuses, 'statuses', 'f.status IN (SELECT value FROM json_each(@statuses))')
    .when(filter.rule, 'rule', 'f.rule = @rule')
    .when(filter.category, 'category', 'f.category = @category')
    .when(filter.channel, 'channel', 'f.channel = @channel')
    .when(filter.author, 'author', 'f.author = @author')
    .when(filter.since, 'since', 'f.created_at >= @since')
    .when(filter.until, 'until', 'f.created_at < @until')
    .if(filter.includeShadow !== true, "f.action <> 'shadow'")
    .if(filter.nudgedOnly === true, 'f.nudged = 1')
    // "This is a mistake" reports: few, so the planner can start from them (reports' primary key).
    .if(filter.reportedOnly === true, 'f.id IN (SELECT flag_id FROM reports)')
    .page(FLAG_SELECT, 'f.id', page);
}

/** Deliveries matching `filter`. */
export function deliveryListing(filter: { status?: DeliveryStatus; flagId?: number }, page: PageRequest): Listing {
  return new Where()
    .when(filter.status, 'status', 'o.status = @status')
    .when(
      filter.flagId,
      'flagId',
      'EXISTS (SELECT 1 FROM outbox_flags l WHERE l.delivery_id = o.id AND l.flag_id = @flagId)',
    )
    .page(DELIVERY_SELECT, 'o.id', page);
}

/** Audit entries matching `filter`. */
export function auditListing(
  filter: { actor?: string; action?: AuditAction; since?: number },
  page: PageRequest,
): Listing {
  return new Where()
    .when(filter.actor, 'actor', 'actor = @actor')
    .when(filter.action, 'action', 'action = @action')
    .when(filter.since, 'since', 'at >= @since')
    .page('SELECT * FROM audit_log', 'id', page);
}

/** Rule versions, newest first. */
export function ruleVersionListing(page: PageRequest): Listing {
  return new Where().page('SELECT * FROM rule_versions', 'id', page);
}
