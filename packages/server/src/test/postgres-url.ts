/** The same server and credentials, another database. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** The maintenance database of the server named by url, for create and drop database. */
export function adminUrl(url: string): string {
  return withDatabaseName(url, 'postgres');
}
