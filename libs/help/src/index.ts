export * from './skills';
export * from './help.entities';
