// The announcements module's public face: 通知公告 routes.
export { announcementRoutes } from './routes';
