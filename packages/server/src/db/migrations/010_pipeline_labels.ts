/** A pipeline's name per locale (`Pipeline.label`), like its stages' labels (stored in `stages`). */
export const sql = /* sql */ `
ALTER TABLE pipelines ADD COLUMN label jsonb;
`;
