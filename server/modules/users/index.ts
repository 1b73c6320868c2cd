// The users module's public face: staff accounts for the CLI and the seed, user rows for others.
export {
  createStaffUser,
  getUser,
  listUsers,
  resetPassword,
  uniqueUserError,
  updateUser,
} from './service';
export { insertUser } from './repository';
export { userRoutes } from './routes';
