// Response shapes of the public reference data (GB/T 2260 regions, GB/T 4754-2017 industries): the
// server's routes answer with them, the web infers its types from them.
import { z } from '../zod';
import { itemsOf } from './common';

export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  parentCode: z.string().nullable(),
});
export const industrySchema = z.object({
  code: z.string(),
  level: z.number(),
  name: z.string(),
  parentCode: z.string().nullable(),
  section: z.string(),
  remark: z.string(),
});
export type Region = z.infer<typeof regionSchema>;
export type Industry = z.infer<typeof industrySchema>;
export const regionListSchema = itemsOf(regionSchema);
export const industryListSchema = itemsOf(industrySchema);
