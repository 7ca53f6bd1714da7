import { Type, type Static } from '@sinclair/typebox';

export const ErrorResponse = Type.Object(
  { statusCode: Type.Integer(), code: Type.String(), message: Type.String() },
  { $id: 'ErrorResponse', description: 'Every error: a stable `code` and a readable `message`.' },
);

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref(ErrorResponse)]));

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type IdParams = Static<typeof IdParams>;

export const UserDto = Type.Object(
  { id: Type.String(), email: Type.String(), name: Type.String(), isAdmin: Type.Boolean() },
  { $id: 'User' },
);

export const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);
