import { DependencyUnavailableError } from '../errors/domain-error';
import { unavailableDependency } from './dependency-error';

describe('unavailableDependency', () => {
  it('recognises Postgres connection failures', () => {
    expect(
      unavailableDependency(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe('postgres');
    expect(unavailableDependency(new Error('timeout exceeded when trying to connect'))).toBe(
      'postgres',
    );
    expect(
      unavailableDependency(
        Object.assign(new Error('terminating connection due to administrator command'), {
          code: '57P01',
        }),
      ),
    ).toBe('postgres');
  });

  it('recognises Redis being away', () => {
    expect(
      unavailableDependency(
        new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      ),
    ).toBe('redis');
    expect(unavailableDependency(new DependencyUnavailableError('redis'))).toBe('redis');
  });

  it('follows causes and leaves other errors alone', () => {
    expect(
      unavailableDependency(
        new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }),
      ),
    ).toBe('postgres');
    expect(
      unavailableDependency(new Error('duplicate key value violates unique constraint')),
    ).toBeNull();
    expect(unavailableDependency(undefined)).toBeNull();
  });
});
