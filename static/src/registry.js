// registry.js maps example names to their controllers, so that comparisons
// and predictions can find the example they name.

/** examples maps example names to Example controllers. */
export const examples = new Map();

/** examplesByName returns the controller of the named example, if on this page. */
export function examplesByName(name) {
  return examples.get(name);
}
