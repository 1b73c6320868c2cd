// The experts module's public face: the 专家库 routes, and the experts as the review rounds read
// them (by id, the active ones, the one behind an expert account).
export {
  findExpertOfUser,
  findExpertRows,
  listActiveExpertRows,
  type ExpertRow,
} from './repository';
export { expertRoutes } from './routes';
