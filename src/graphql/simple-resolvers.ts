/**
 * `simpleResolvers` of the object types that come back thousands at a time (aggregate rows, import markets and
 * their concentrations): their plain fields are read by graphql-js's default resolver instead of type-graphql's
 * basic one, which runs each field through the middleware chain and allocates its resolver data and a closure
 * on every read (8 % of what a 5,298-market answer allocates, issue #9). The same values: the schema has no
 * global middleware, and these types no @Authorized or @UseMiddleware field (which type-graphql would ignore
 * on a simple field); field resolvers (@FieldResolver) are type-graphql's as before.
 */
export const SIMPLE_RESOLVERS = true;
