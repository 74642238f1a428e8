/**
 * Go `path/filepath.IsAbs` on Linux/macOS: a path is absolute iff it starts with '/'.
 * (The Windows rules - drive letters, UNC paths - are not ported; the
 * provider runs on Unix-like systems.)
 */
export function goFilepathIsAbs(p: string): boolean {
  return p.startsWith('/');
}
