// One zod for the whole codebase, speaking Chinese by default.
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };
