/** Who is signed in, as GET /api/v1/me and POST /api/v1/session describe it. */
export type Role = 'admin' | 'member' | 'viewer' | 'reporter';

export interface Me {
  name: string;
  role: Role;
}

const RANK: Record<Role, number> = { admin: 3, member: 2, viewer: 1, reporter: 0 };

/** Mirrors the server's rule (src/server/auth/roles.ts); the server still decides every call. */
export function can(me: Me, need: 'viewer' | 'member' | 'admin'): boolean {
  return me.role !== 'reporter' && RANK[me.role] >= RANK[need];
}
