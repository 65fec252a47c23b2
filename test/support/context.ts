import type { DynamicModule, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { Clock, PlatformModule } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { testConfig } from './config';

/** A Nest context over this worker's real database and Redis, with the given modules (and clock). */
export async function createContext(
  imports: (Type | DynamicModule)[],
  config: KithConfig = testConfig(),
  providers: Type[] = [],
  clock?: Clock,
): Promise<TestingModule> {
  const builder = Test.createTestingModule({
    imports: [PlatformModule.forRoot(config, 'cli', KITH_SCHEMA), ...imports],
    providers,
  });
  if (clock) builder.overrideProvider(Clock).useValue(clock);
  const moduleRef = await builder.compile();
  await moduleRef.init();
  return moduleRef;
}
