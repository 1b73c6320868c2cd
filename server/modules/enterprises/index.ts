// The enterprises module's public face.
export { getEnterprise, registerEnterprise } from './service';
export { findEnterprise, type EnterpriseRow } from './repository';
export { enterpriseRoutes } from './routes';
