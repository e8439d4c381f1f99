/**
 * Who is a moderator or an admin: `MODERATORS` and `ADMINS` list user ids (U…, W…) and user-group
 * ids (S…); groups are resolved with `usergroups.users.list` and cached for a few minutes. Checked
 * on the server for every action, never trusted from the client.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../moderation/logger';
import { TtlCache } from './ttl-cache';

/** A role's members, as configured. */
export interface RoleMembers {
  moderators: readonly string[];
  admins: readonly string[];
}

/** Resolves role membership, following user groups. */
export class Roles {
  private readonly groups: TtlCache<string, ReadonlySet<string>>;

  constructor(
    private readonly client: WebClient,
    private readonly members: RoleMembers,
    private readonly logger?: Logger,
    ttlMs = 5 * 60_000,
  ) {
    this.groups = new TtlCache(ttlMs);
  }

  /** Whether the user may decide flags: a listed moderator or admin, or in a listed group. */
  isModerator(user: string): Promise<boolean> {
    return this.isIn(user, [...this.members.moderators, ...this.members.admins]);
  }

  /** Whether the user is an admin. */
  isAdmin(user: string): Promise<boolean> {
    return this.isIn(user, this.members.admins);
  }

  /** Every admin user id (groups expanded), e.g. to notify them of an escalation. */
  async adminUsers(): Promise<string[]> {
    const users = new Set<string>();
    for (const id of this.members.admins) {
      if (id.startsWith('S')) for (const member of await this.groupMembers(id)) users.add(member);
      else users.add(id);
    }
    return [...users];
  }

  private async isIn(user: string, ids: readonly string[]): Promise<boolean> {
    if (ids.includes(user)) return true;
    for (const id of ids) {
      if (id.startsWith('S') && (await this.groupMembers(id)).has(user)) return true;
    }
    return false;
  }

  /** A group's members; an unreadable group counts as empty (refusing is the safe side). */
  private groupMembers(group: string): Promise<ReadonlySet<string>> {
    return this.groups
      .get(group, async () => {
        const result = await this.client.usergroups.users.list({ usergroup: group });
        return new Set(result.users ?? []);
      })
      .catch((error: unknown) => {
        this.logger?.warn({ group, err: error }, 'usergroups.users.list failed: group members not recognised');
        return new Set<string>();
      });
  }
}
