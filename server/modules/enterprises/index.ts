// The enterprises module's public face.
export { getEnterprise, registerEnterprise } from './service';
export { findEnterprise, updateEnterpriseContact, type EnterpriseRow } from './repository';
export { enterpriseRoutes } from './routes';
