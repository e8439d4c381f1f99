/**
 * Message permalinks built from the workspace URL (from auth.test) without one API call per
 * message: `https://acme.slack.com/archives/C0123ABCD/p1732790400000100`, with `thread_ts` and
 * `cid` for a reply in a thread, as `chat.getPermalink` returns them.
 */

/** Builds permalinks for one workspace. */
export function permalinkBuilder(workspaceUrl: string): (channel: string, ts: string, threadTs?: string) => string {
  const base = workspaceUrl.endsWith('/') ? workspaceUrl : `${workspaceUrl}/`;
  return (channel, ts, threadTs) => {
    const link = `${base}archives/${encodeURIComponent(channel)}/p${ts.replace('.', '')}`;
    return threadTs === undefined ? link : `${link}?thread_ts=${encodeURIComponent(threadTs)}&cid=${encodeURIComponent(channel)}`;
  };
}
