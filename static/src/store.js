// store.js wraps localStorage so that a browser refusing storage (private
// mode, quota) never breaks the page; values are JSON.

/** load returns the stored value for key, or fallback. */
export function load(key, fallback) {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

/** save stores value under key (null removes it). */
export function save(key, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage is a comfort, not a requirement.
  }
}

/** hash is a short FNV-1a digest of text, used to key edits by original source. */
export function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36) + text.length.toString(36);
}
