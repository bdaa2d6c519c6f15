import type { RequestContext, ServerContext } from '../core/context.js';

/** Hono environment of the reference server. */
export interface AppEnv {
  Variables: {
    server: ServerContext;
    ctx: RequestContext;
    requestId: string;
    /** The request body, once read (see `readBodyBytes`). */
    bodyBytes: Uint8Array;
  };
}
