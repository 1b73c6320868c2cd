// The error envelope every API error answers with, as one schema for the OpenAPI document and clients.
import { ERRORS, type ErrorCode } from '../errors';
import { z } from '../zod';

export const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

export const fieldIssueSchema = z.looseObject({
  path: z.string().describe('dotted path of the field, e.g. solution.name'),
  message: z.string(),
});

/** { error: { code, message, messageEn, details? } } — see docs/API.md for the codes. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).describe('stable code; the HTTP status follows from it'),
      message: z.string().describe('中文说明'),
      messageEn: z.string(),
      details: z
        .union([
          z.array(fieldIssueSchema).describe('the fields to fix'),
          z.record(z.string(), z.unknown()).describe('facts about the refusal, by code'),
        ])
        .optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
