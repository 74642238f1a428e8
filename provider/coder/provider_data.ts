/** What ConfigureProvider hands to every resource and data source. */
export interface CoderProviderData {
  /** The deployment URL exactly as configured (re-parsed with Go semantics where needed). */
  readonly accessUrl: string;
}

export const DEFAULT_ACCESS_URL = 'https://mydeployment.coder.com';
