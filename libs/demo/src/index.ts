export * from './demo-people';
export * from './demo.service';
export * from './demo.module';
