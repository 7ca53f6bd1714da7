import { api, ok } from '../api/client';
import type { paths } from '../api/schema';

export type Memory =
  paths['/api/memories']['get']['responses']['200']['content']['application/json'][number];

/** Today's memories, as the server's calendar sees today. */
export const fetchMemories = () => ok(api.GET('/api/memories'));
