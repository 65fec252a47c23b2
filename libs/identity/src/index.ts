export * from './role';
export * from './identity.entities';
export * from './secrets';
export * from './public-name';
export type { PersonRow } from './person.repository';
export * from './person.service';
export * from './sign-in.service';
export * from './token.service';
export * from './identity.module';
