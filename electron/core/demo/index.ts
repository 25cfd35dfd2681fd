/** Synthetic demo data for training, demos and benchmarks: never real people (see generate.ts). */
export { DEMO_REFERENCE_DATE, generateDemoFamilies } from './generate';
export { demoFamily, demoPerson, MIN_PARENT_AGE_AT_BIRTH } from './family';
export type { DemoFamily, DemoPerson } from './family';
export { insertDemoFamilies } from './insert';
export type { DemoInsertSummary } from './insert';
export { insertDemoLifecycle } from './insert-lifecycle';
export type { DemoLifecycleOptions, DemoLifecycleSummary } from './insert-lifecycle';
