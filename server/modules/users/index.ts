// The users module's public face: staff accounts for the CLI and the seed, user rows for others.
export {
  createStaffUser,
  getUser,
  openStaffAccount,
  staffCredentials,
  type StaffCredentials,
  listUsers,
  resetPassword,
  uniqueUserError,
  updateUser,
} from './service';
export { insertUser, lockUserRow, updateUserRow, type UserListing } from './repository';
export { userRoutes } from './routes';
