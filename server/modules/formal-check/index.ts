// The formal-check module's public face: the result as other modules show it, and the routes.
export { formalCheckOutcomeOf } from './service';
export { formalCheckRoutes } from './routes';
