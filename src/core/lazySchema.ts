/**
 * A value built on first use: `lazySchema(() => z.object({ … }))` is the schema, but the
 * schema (and zod, which civitas's build loads only when a schema is first used) is made
 * the first time anything touches it. Importing a civitas subpath therefore costs no
 * schema construction: a serverless function that only counts ballots never pays for it.
 *
 * The value is a proxy that forwards every operation (property reads, `in`, prototype,
 * keys) to the built object, so it can be used, composed into other schemas and passed to
 * zod's functions like the schema itself.
 *
 * @category Issues
 * @example
 * ```ts
 * const pointSchema = lazySchema(() => z.object({ x: z.number(), y: z.number() }));
 * pointSchema.safeParse({ x: 1, y: 2 }).success; //=> true (built here, once)
 * ```
 */
export function lazySchema<T extends object>(make: () => T): T {
  let built: T | undefined;
  const real = (): T => {
    built ??= make();
    return built;
  };
  return new Proxy(Object.create(null) as T, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
  });
}
