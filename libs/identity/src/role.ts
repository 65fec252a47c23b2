export enum Role {
  MEMBER = 'MEMBER',
  HELPER = 'HELPER',
  COORDINATOR = 'COORDINATOR',
  COMMISSIONER = 'COMMISSIONER',
}

export function isRole(value: string): value is Role {
  return (Object.values(Role) as string[]).includes(value);
}

export interface RoleGrantView {
  role: Role;
  areaId: string | null;
}

/** Who is calling: established by the access token, re-read on every request. */
export interface Principal {
  personId: string;
  sessionId: string;
  roles: RoleGrantView[];
}
