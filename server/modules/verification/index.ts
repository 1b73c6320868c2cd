// The verification module's public face: 企业认证 and 代码申诉 routes.
export { verificationRoutes } from './routes';
export { recordVerifiedLicence } from './service';
