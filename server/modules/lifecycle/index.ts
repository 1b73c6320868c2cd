// The lifecycle module's public face: its routes, the schedule's run and its background work.
export { lifecycleRoutes } from './routes';
export { runLifecycle, type LifecycleRunResult } from './service';
export { startLifecycleWork } from './job';
