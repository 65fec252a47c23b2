import { Global, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import type { KithConfig } from './config';

export const KITH_CONFIG = Symbol('KITH_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: KithConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: KITH_CONFIG, useValue: config }],
      exports: [KITH_CONFIG],
    };
  }
}
