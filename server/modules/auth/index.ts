// The auth module's public face: sessions for the app, accounts' sign-in rows for users and the seed.
export { resolveSession } from './service';
export {
  clearSignInFailuresOfUser,
  deleteSessionsOfUser,
  findUserForSignIn,
  type SessionRow,
  type UserRow,
} from './repository';
export { authRoutes } from './routes';
export {
  sendPasswordLink,
  sendsPasswordLinks,
  ACCOUNT_LINK_HOURS,
  RESET_LINK_MINUTES,
  type PasswordLinkPurpose,
} from './password-links';
