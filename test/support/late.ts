/**
 * Stands in for an object that only exists once beforeAll has run: every property access and
 * assignment goes to it, so a suite can destructure `{ app, api }` at describe time.
 */
export function late<T extends object>(what: string, get: () => T | undefined): T {
  const target = () => {
    const value = get();
    if (!value) throw new Error(`${what} is used before beforeAll started it`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_, prop) => {
      const t = target();
      const value: unknown = Reflect.get(t, prop, t);
      // methods run on the object itself, never on the stand-in (private state, identity checks)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
    },
    set: (_, prop, value) => Reflect.set(target(), prop, value, target()),
    has: (_, prop) => Reflect.has(target(), prop),
  });
}
