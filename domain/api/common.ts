// Building blocks of the API's response shapes (see domain/api/<area>.ts).
import { z } from '../zod';

/** A moment, sent as an ISO 8601 string. */
export const isoDate = z.string().describe('ISO 8601');

/** `{ items: [...] }`, how every list answers. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const okSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof okSchema>;
