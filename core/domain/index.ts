export * from './enums';
export * from './order';
export * from './orderState';
export * from './portfolio';
export * from './orderList';
