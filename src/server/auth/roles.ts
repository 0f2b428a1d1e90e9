/** User roles, from most to least power. `reporter` may only send reports of what it saw (issue #16). */
export const ROLES = ['admin', 'member', 'viewer', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a route needs: `public` (no credentials), `push` (a push token of the project, or a member),
 * `reporter`, `viewer`, `member`, `admin` (each role includes those below it, reporter only itself),
 * `push-or-user` (a push token or any user; the route decides by what is sent), `hook` (a webhook's
 * `vgh_` token; the route checks the hook's kind) and `signed` (no credentials in headers: the route
 * verifies a Standard Webhooks signature over the body, and refuses bearer credentials).
 */
export type Access =
  'public' | 'push' | 'reporter' | 'viewer' | 'member' | 'admin' | 'push-or-user' | 'hook' | 'signed';

export type Principal =
  | { kind: 'user'; userId: number; name: string; role: Role; via: 'token' | 'session'; tokenId?: string }
  | { kind: 'push'; tokenId: string; projectId: number; project: string }
  | { kind: 'hook'; hookId: string; hookKind: string; name: string };

const RANK: Record<Role, number> = { admin: 3, member: 2, viewer: 1, reporter: 0 };

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** Whether the principal may use a route of this access level (project scope is checked by the route). */
export function permits(p: Principal, access: Access): boolean {
  if (access === 'public') return true;
  // A webhook credential opens its hook and nothing else.
  if (p.kind === 'hook' || access === 'hook') return p.kind === 'hook' && access === 'hook';
  // Signed routes take their proof from the body; a bearer credential there is a misconfiguration.
  if (access === 'signed') return false;
  if (access === 'push-or-user') return true;
  if (p.kind === 'push') return access === 'push';
  if (access === 'reporter') return true;
  if (p.role === 'reporter') return false;
  const need = access === 'push' ? RANK.member : RANK[access];
  return RANK[p.role] >= need;
}

/** A name for audit entries and history: `user:alice`, `token:vgp_AbC…`. */
export function actorOf(p: Principal): string {
  if (p.kind === 'hook') return `hook:${p.hookId}`;
  return p.kind === 'user' ? `user:${p.name}` : `token:${p.tokenId}`;
}
