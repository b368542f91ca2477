/** Types of the test site's hostile endpoints (hostile.mjs) that TypeScript tests use. */
export const LAUGHS_DTD: string;
export const PDF_BYTES: Buffer;
