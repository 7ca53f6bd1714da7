import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Keepsake } from '../keepsake.js';

/** A route group: an encapsulated Fastify plugin that gets the wired services. */
export type RoutePlugin = FastifyPluginAsyncTypebox<{ keepsake: Keepsake }>;
