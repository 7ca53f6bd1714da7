import { Type } from '@sinclair/typebox';
import { SESSION_COOKIE, principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, UserDto } from '../schemas.js';
import { toUserDto } from '../users/routes.js';

const Credentials = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});
const NewUserBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  password: Type.String({ minLength: 8, maxLength: 1024 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
});
export { NewUserBody };

/** Marks a browser that signed in before: it passes the account's sign-in lock. */
const DEVICE_COOKIE = 'keepsake_device';

export const authRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.get(
    '/api/auth/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether the first (admin) account still has to be created',
        response: { 200: Type.Object({ setupRequired: Type.Boolean() }) },
      },
    },
    async () => ({ setupRequired: !(await keepsake.users.isSetUp()) }),
  );

  app.post(
    '/api/auth/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create the first user, as administrator; refused once any user exists',
        body: NewUserBody,
        response: { 201: UserDto, ...errorResponses(400, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toUserDto(await keepsake.users.setup(request.body))),
  );

  app.post(
    '/api/auth/login',
    {
      config: {
        rateLimit: { max: keepsake.config.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; the token is also set as an httpOnly cookie',
        body: Credentials,
        response: {
          200: Type.Object({ accessToken: Type.String(), user: UserDto }),
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (request, reply) => {
      const { accessToken, user, newDeviceToken } = await keepsake.auth.login(
        request.body.email,
        request.body.password,
        {
          userAgent: request.headers['user-agent'],
          deviceToken: request.cookies[DEVICE_COOKIE] || undefined,
        },
      );
      // Forced by KEEPSAKE_SECURE_COOKIES, else Secure whenever the request came over HTTPS
      // (behind a proxy: as it says, when KEEPSAKE_TRUST_PROXY trusts it).
      const secure = keepsake.config.secureCookies ?? request.protocol === 'https';
      // See: [Note: Sign-in back-off]
      if (newDeviceToken)
        void reply.setCookie(DEVICE_COOKIE, newDeviceToken, {
          httpOnly: true,
          sameSite: 'strict',
          secure,
          path: '/api/auth',
          maxAge: 400 * 86_400,
        });
      void reply.setCookie(SESSION_COOKIE, accessToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: keepsake.config.sessionDays * 86_400,
      });
      return { accessToken, user: toUserDto(user) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: 'Sign out: the session stops working at once',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await keepsake.auth.logout(principalOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
