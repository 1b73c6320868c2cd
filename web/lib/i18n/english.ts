// The English texts, one lazily loaded chunk (loadEnglish in ./index.tsx).
export { en } from './en';
export { SCHEMA_MESSAGES_EN } from './schema-en';
