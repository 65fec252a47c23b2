import { Foundation1795479818721 } from './1795479818721-Foundation';

/** Every migration, oldest first. A test fails when the entities drift from these. */
export const MIGRATIONS = [Foundation1795479818721];
